import { defineConfig } from 'vitest/config';

// Three tiers, as in docs/decisions/0001: pure unit tests beside the code, integration tests
// against real databases (PGlite always, PostgreSQL when DATABASE_URL is set), and browser
// end-to-end tests driving Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Projects with different worker limits run one after another: unit, integration, e2e.
          sequence: { groupOrder: 0 },
          // web/: pure presentational pieces (charts) rendered with react-dom/server, no browser needed.
          include: [
            'src/**/*.test.ts',
            'bin/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'web/src/**/*.test.{ts,tsx}',
          ],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Each file owns a PGlite instance (~1 GB resident) restored from a template.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000, // long walks through several pages on 2 shared cores
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
