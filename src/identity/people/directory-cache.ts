// The people directory is read on most pages and changes rarely. PGlite needs ~20 ms to read 500
// people and serialising and sending 100 KB of JSON costs more than the rest of the request, so
// the encoded list — and its gzip, which browsers always accept — is cached per organisation and
// query, and dropped on every directory write (touchDirectory).
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/database.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import type { PeopleList, PeopleListQuery } from './contracts.ts';

export interface EncodedPeopleList {
  json: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

const lists = new ReadCache<EncodedPeopleList>(2_000);
const encoder = new TextEncoder();

/** The directory page as encoded JSON (a PeopleList), plain and gzipped; `load` reads it. */
export function cachedPeopleList(
  db: Database,
  organisationId: string,
  query: PeopleListQuery,
  load: (tx: Tx) => Promise<PeopleList>,
): Promise<EncodedPeopleList> {
  const key = `${organisationId}|${query.q ?? ''}|${query.team ?? ''}|${query.stage ?? ''}|${query.limit}|${query.offset}`;
  return lists.get(db.kind, organisationId, key, async () => {
    const json = encoder.encode(JSON.stringify(await db.inOrganisation(organisationId, load)));
    return { json, gzip: new Uint8Array(gzipSync(json, { level: 6 })) };
  });
}

/**
 * Marks the directory as changed, inside every transaction that changes people, teams or stages:
 * cached directory reads here are dropped, and other instances see the version move.
 */
export async function touchDirectory(tx: Tx, organisationId: string): Promise<void> {
  lists.invalidate(organisationId);
  await tx
    .update(organisations)
    .set({ directoryVersion: sql`${organisations.directoryVersion} + 1` })
    .where(eq(organisations.id, organisationId));
}
