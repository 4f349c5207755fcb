// Shared set-up for the journal tests: the development plan organisation (owner with a manager, an
// accepted-or-not coach, an admin and a peer, each signed in), journal helpers and module ids.
import type { Entry } from '../../src/domains/reflection/contracts.ts';
import type { Client } from '../support/harness.ts';
import { json } from './development-support.ts';

export {
  type ErrorBody,
  fieldsOf,
  json,
  type PlanOrg,
  planOrg,
  planWithExperiment,
} from './development-support.ts';

export async function writeEntry(c: Client, body: Record<string, unknown>): Promise<Entry> {
  return json<Entry>(await c.post('/api/journal', body), 201);
}

/** A published module of the viewer's organisation's library. */
export async function someModule(c: Client, index = 0): Promise<{ id: string; title: string }> {
  const library = await json<{ items: { id: string; title: string }[] }>(
    await c.get('/api/library/modules'),
    200,
  );
  return library.items[index]!;
}
