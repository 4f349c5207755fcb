// Test data kept inside the repository (test/fixtures/), so a plain clone passes its own tests.
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');

/** Path of a file in test/fixtures/psychometrics (the R reference data; see its README). */
export function psychometricsFixture(name: string): string {
  return join(FIXTURES_DIR, 'psychometrics', name);
}
