// The people directory is read on most pages and changes rarely. PGlite needs ~20 ms to read 500
// people and serialising 100 KB of JSON costs more than the rest of the request, so the encoded
// lists are cached per organisation and query, and dropped on every directory write.
import type { Database } from '../../platform/db/database.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import type { PeopleListQuery } from './contracts.ts';
import { listPeople } from './service.ts';

const lists = new ReadCache<Uint8Array<ArrayBuffer>>(2_000);
const encoder = new TextEncoder();

/** The directory page as encoded JSON (a PeopleList). */
export function cachedPeopleList(
  db: Database,
  organisationId: string,
  query: PeopleListQuery,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${organisationId}|${query.q ?? ''}|${query.team ?? ''}|${query.stage ?? ''}|${query.limit}|${query.offset}`;
  return lists.get(db.kind, organisationId, key, async () =>
    encoder.encode(JSON.stringify(await db.inOrganisation(organisationId, (tx) => listPeople(tx, query)))),
  );
}

/** Called by touchDirectory, inside every transaction that changes people, teams or stages. */
export function forgetCachedDirectory(organisationId: string): void {
  lists.invalidate(organisationId);
}
