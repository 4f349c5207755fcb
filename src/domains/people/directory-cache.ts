// The people directory is read on most pages and changes rarely. PGlite needs ~20 ms to read 500
// people and serialising and sending 100 KB of JSON costs more than the rest of the request, so
// the encoded list — and its gzip, which browsers always accept — is cached per organisation and
// query, and dropped on every directory write.
import { gzipSync } from 'node:zlib';
import type { Database } from '../../platform/db/database.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import type { PeopleListQuery } from './contracts.ts';
import { listPeople } from './service.ts';

export interface EncodedPeopleList {
  json: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

const lists = new ReadCache<EncodedPeopleList>(2_000);
const encoder = new TextEncoder();

/** The directory page as encoded JSON (a PeopleList), plain and gzipped. */
export function cachedPeopleList(
  db: Database,
  organisationId: string,
  query: PeopleListQuery,
): Promise<EncodedPeopleList> {
  const key = `${organisationId}|${query.q ?? ''}|${query.team ?? ''}|${query.stage ?? ''}|${query.limit}|${query.offset}`;
  return lists.get(db.kind, organisationId, key, async () => {
    const json = encoder.encode(
      JSON.stringify(await db.inOrganisation(organisationId, (tx) => listPeople(tx, query))),
    );
    return { json, gzip: new Uint8Array(gzipSync(json, { level: 6 })) };
  });
}

/** Called by touchDirectory, inside every transaction that changes people, teams or stages. */
export function forgetCachedDirectory(organisationId: string): void {
  lists.invalidate(organisationId);
}
