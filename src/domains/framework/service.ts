// Framework versions of one organisation: the published versions people are assessed against, and
// at most one draft being customised. Every function works in the caller's transaction: the entry
// points take the organisation scope (or just the part of it they use) and one input.
import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseKind, Tx } from '../../platform/db/database.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import type { VersionDetail, VersionSummary } from './contracts.ts';
import { DEFAULT_FRAMEWORK } from './default-framework.ts';
import { FRAMEWORK_FORMAT, type FrameworkDefinition, parseDefinition } from './definition.ts';
import { frameworkBlocks, frameworkCapabilities, frameworkItems, frameworkVersions } from './schema.ts';

/** The part of a scope the framework works with; jobs, seeds and tests can pass just this. */
export type FrameworkScope = Pick<OrganisationScope, 'tx' | 'organisationId'>;
/** The same, for work that reads the version caches (keyed by database kind). */
export type CachedFrameworkScope = Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId'>;

/** A published version's content: immutable, so it can be cached for as long as memory allows. */
export interface PublishedVersion {
  id: string;
  number: number;
  definition: FrameworkDefinition;
}

// Scoring and every assessment request need their version's definition; published versions never
// change, so a cached copy is never wrong and never expires (eviction only bounds memory).
const publishedVersions = new ReadCache<PublishedVersion>(1_000, { immutable: true });
// Each organisation's published version ids, newest first (the first is current). They change only
// on publish, which invalidates them here at once; other server instances on PostgreSQL notice
// within the cache's short expiry.
const publishedVersionIds = new ReadCache<string[]>(10_000);

// Every query names the organisation, even where row-level security would scope it: the same
// functions run in system transactions (organisation creation), and the keys start with it.
const version = (organisationId: string, versionId: string) =>
  and(eq(frameworkVersions.organisationId, organisationId), eq(frameworkVersions.id, versionId));
const ofOrganisation = (organisationId: string) => eq(frameworkVersions.organisationId, organisationId);

async function loadDefinition(
  tx: Tx,
  organisationId: string,
  versionId: string,
): Promise<FrameworkDefinition | null> {
  const [row] = await tx
    .select({
      name: frameworkVersions.name,
      description: frameworkVersions.description,
      responseScales: frameworkVersions.responseScales,
    })
    .from(frameworkVersions)
    .where(version(organisationId, versionId));
  if (!row) return null;
  const blocks = await tx
    .select()
    .from(frameworkBlocks)
    .where(and(eq(frameworkBlocks.organisationId, organisationId), eq(frameworkBlocks.versionId, versionId)))
    .orderBy(asc(frameworkBlocks.position));
  const capabilities = await tx
    .select()
    .from(frameworkCapabilities)
    .where(
      and(
        eq(frameworkCapabilities.organisationId, organisationId),
        eq(frameworkCapabilities.versionId, versionId),
      ),
    )
    .orderBy(asc(frameworkCapabilities.position));
  const items = await tx
    .select()
    .from(frameworkItems)
    .where(and(eq(frameworkItems.organisationId, organisationId), eq(frameworkItems.versionId, versionId)))
    .orderBy(asc(frameworkItems.position));
  return {
    format: FRAMEWORK_FORMAT,
    name: row.name,
    description: row.description,
    responseScales: row.responseScales,
    blocks: blocks.map((b) => ({ key: b.key, name: b.name, kind: b.kind, description: b.description })),
    capabilities: capabilities.map((c) => ({
      key: c.key,
      block: c.blockKey,
      name: c.name,
      description: c.description,
      explanation: c.explanation,
      practice: c.practice,
      derailer: c.derailer,
      responseScale: c.responseScale,
      items: items
        .filter((item) => item.capabilityKey === c.key)
        .map((item) => ({
          key: item.key,
          self: item.selfText,
          observer: item.observerText,
          reversed: item.reversed,
          retired: item.retired,
        })),
    })),
  };
}

/** Replaces a draft's content (the service has checked it is a draft; the database checks again). */
async function writeDefinition(
  tx: Tx,
  organisationId: string,
  versionId: string,
  definition: FrameworkDefinition,
): Promise<void> {
  await tx
    .update(frameworkVersions)
    .set({
      name: definition.name,
      description: definition.description,
      responseScales: definition.responseScales,
    })
    .where(version(organisationId, versionId));
  // Capabilities and items go with their blocks (ON DELETE CASCADE).
  await tx
    .delete(frameworkBlocks)
    .where(and(eq(frameworkBlocks.organisationId, organisationId), eq(frameworkBlocks.versionId, versionId)));
  await tx.insert(frameworkBlocks).values(
    definition.blocks.map((b, position) => ({
      organisationId,
      versionId,
      key: b.key,
      position,
      kind: b.kind,
      name: b.name,
      description: b.description,
    })),
  );
  await tx.insert(frameworkCapabilities).values(
    definition.capabilities.map((c, position) => ({
      organisationId,
      versionId,
      key: c.key,
      blockKey: c.block,
      position,
      name: c.name,
      description: c.description,
      explanation: c.explanation,
      practice: c.practice,
      derailer: c.derailer,
      responseScale: c.responseScale,
    })),
  );
  const items = definition.capabilities.flatMap((c) => c.items.map((item) => ({ capability: c.key, item })));
  // A definition holds at most 100 × 30 items; 8 columns each stays far below the parameter limit.
  await tx.insert(frameworkItems).values(
    items.map(({ capability, item }, position) => ({
      organisationId,
      versionId,
      key: item.key,
      capabilityKey: capability,
      position,
      selfText: item.self,
      observerText: item.observer,
      reversed: item.reversed,
      retired: item.retired,
    })),
  );
}

async function insertDraft(
  tx: Tx,
  organisationId: string,
  definition: FrameworkDefinition,
  sourceVersionId: string | null,
): Promise<string> {
  const [existing] = await tx
    .select({ number: frameworkVersions.number })
    .from(frameworkVersions)
    .where(and(ofOrganisation(organisationId), eq(frameworkVersions.status, 'draft')));
  if (existing) {
    throw conflict(
      `version ${existing.number} is already a draft: edit, publish or discard it before starting another`,
    );
  }
  const [latest] = await tx
    .select({ number: max(frameworkVersions.number) })
    .from(frameworkVersions)
    .where(ofOrganisation(organisationId));
  const [draft] = await tx
    .insert(frameworkVersions)
    .values({
      organisationId,
      number: (latest?.number ?? 0) + 1,
      status: 'draft',
      name: definition.name,
      description: definition.description,
      responseScales: definition.responseScales,
      sourceVersionId,
    })
    .returning({ id: frameworkVersions.id });
  await writeDefinition(tx, organisationId, draft!.id, definition);
  return draft!.id;
}

/**
 * Publishes the default framework as the organisation's first version. Called when an organisation
 * is created; `currentVersion` also calls it for organisations created before frameworks existed.
 */
export async function installDefaultFramework(tx: Tx, organisationId: string): Promise<string> {
  const id = await insertDraft(tx, organisationId, DEFAULT_FRAMEWORK, null);
  await tx
    .update(frameworkVersions)
    .set({ status: 'published', publishedAt: sql`now()` })
    .where(version(organisationId, id));
  publishedVersionIds.invalidate(organisationId);
  return id;
}

/** A published version's definition, from the cache when possible; 404 for a draft or unknown id. */
export async function publishedVersion(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
  versionId: string,
): Promise<PublishedVersion> {
  return publishedVersions.get(kind, organisationId, versionId, () =>
    loadPublishedVersion(tx, organisationId, versionId),
  );
}

/**
 * The same, for work that runs outside a transaction (single-statement paths): a transaction is
 * opened only when the version is not cached yet.
 */
export async function publishedVersionOf(
  db: Database,
  organisationId: string,
  versionId: string,
): Promise<PublishedVersion> {
  return publishedVersions.get(
    db.kind,
    organisationId,
    versionId,
    () => db.inOrganisation(organisationId, (tx) => loadPublishedVersion(tx, organisationId, versionId)),
    { opensTransaction: true },
  );
}

async function loadPublishedVersion(
  tx: Tx,
  organisationId: string,
  versionId: string,
): Promise<PublishedVersion> {
  const [row] = await tx
    .select({ number: frameworkVersions.number, status: frameworkVersions.status })
    .from(frameworkVersions)
    .where(version(organisationId, versionId));
  // Throwing keeps drafts (which change) out of the cache.
  if (row?.status !== 'published') throw notFound('published framework version');
  const definition = (await loadDefinition(tx, organisationId, versionId))!;
  return { id: versionId, number: row!.number, definition };
}

// Thrown by the cache loader when nothing is published, so that no answer is cached for it.
const NOTHING_PUBLISHED = new Error('nothing published');

/** The latest published version: what new assessments are taken against. */
export async function currentVersion(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
): Promise<PublishedVersion> {
  let id: string;
  try {
    [id] = (await publishedVersionIds.get(kind, organisationId, organisationId, () =>
      loadPublishedVersionIds(tx, organisationId),
    )) as [string];
  } catch (err) {
    if (err !== NOTHING_PUBLISHED) throw err;
    const [versions] = await tx
      .select({ n: count() })
      .from(frameworkVersions)
      .where(ofOrganisation(organisationId));
    // An organisation from before frameworks existed gets the default now (not cached: this
    // transaction may still roll back). One that has only a draft must publish it first.
    if (Number(versions!.n) > 0) {
      throw new ApiError(409, 'no_framework', 'no framework version has been published yet');
    }
    id = await installDefaultFramework(tx, organisationId);
  }
  return publishedVersion(tx, kind, organisationId, id);
}

async function loadPublishedVersionIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(ofOrganisation(organisationId), eq(frameworkVersions.status, 'published')))
    .orderBy(desc(frameworkVersions.number));
  if (!rows.length) throw NOTHING_PUBLISHED;
  return rows.map((r) => r.id);
}

/**
 * Every published version of the organisation, newest first, without a transaction when cached:
 * for checking answers against each version they could belong to before one statement writes
 * them (docs/decisions/0008).
 */
export async function publishedVersionsOf(db: Database, organisationId: string): Promise<PublishedVersion[]> {
  let ids: string[];
  try {
    ids = await publishedVersionIds.get(
      db.kind,
      organisationId,
      organisationId,
      () => db.inOrganisation(organisationId, (tx) => loadPublishedVersionIds(tx, organisationId)),
      { opensTransaction: true },
    );
  } catch (err) {
    if (err !== NOTHING_PUBLISHED) throw err;
    return [];
  }
  return Promise.all(ids.map((id) => publishedVersionOf(db, organisationId, id)));
}

const sourceVersion = alias(frameworkVersions, 'source_version');

// Counts are correlated subqueries naming the outer table explicitly: inside a subquery drizzle's
// unqualified column names would bind to the inner table.
function selectSummaries(tx: Tx) {
  return tx
    .select({
      id: frameworkVersions.id,
      number: frameworkVersions.number,
      status: frameworkVersions.status,
      name: frameworkVersions.name,
      createdAt: frameworkVersions.createdAt,
      publishedAt: frameworkVersions.publishedAt,
      sourceVersionNumber: sourceVersion.number,
      capabilityCount: sql<number>`(SELECT count(*)::int FROM framework_capabilities c
        WHERE c.organisation_id = framework_versions.organisation_id AND c.version_id = framework_versions.id)`,
      itemCount: sql<number>`(SELECT count(*)::int FROM framework_items i
        WHERE i.organisation_id = framework_versions.organisation_id AND i.version_id = framework_versions.id
          AND NOT i.retired)`,
    })
    .from(frameworkVersions)
    .leftJoin(
      sourceVersion,
      and(
        eq(sourceVersion.organisationId, frameworkVersions.organisationId),
        eq(sourceVersion.id, frameworkVersions.sourceVersionId),
      ),
    );
}

type SummaryRow = {
  id: string;
  number: number;
  status: 'draft' | 'published';
  name: string;
  createdAt: Date;
  publishedAt: Date | null;
  sourceVersionNumber: number | null;
  capabilityCount: number;
  itemCount: number;
};

function toSummary(row: SummaryRow): VersionSummary {
  return {
    ...row,
    // Counts arrive as strings from node-postgres unless cast; the SQL casts, this makes sure.
    capabilityCount: Number(row.capabilityCount),
    itemCount: Number(row.itemCount),
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
  };
}

/** Every version, newest first. */
export async function listVersions({ tx, organisationId }: FrameworkScope): Promise<VersionSummary[]> {
  const rows = await selectSummaries(tx)
    .where(ofOrganisation(organisationId))
    .orderBy(desc(frameworkVersions.number));
  return rows.map(toSummary);
}

export async function getVersion(
  { tx, organisationId }: FrameworkScope,
  versionId: string,
): Promise<VersionDetail> {
  const [row] = await selectSummaries(tx).where(version(organisationId, versionId));
  if (!row) throw notFound('framework version');
  const definition = (await loadDefinition(tx, organisationId, versionId))!;
  return { ...toSummary(row), definition };
}

/** The current version (which new assessments use) with its summary. */
export async function getCurrentVersion(scope: CachedFrameworkScope): Promise<VersionDetail> {
  const current = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  return getVersion(scope, current.id);
}

/** Starts a draft as a copy of the latest published version. */
export async function createDraft(scope: CachedFrameworkScope): Promise<string> {
  const source = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  return insertDraft(scope.tx, scope.organisationId, source.definition, source.id);
}

/** Starts a draft from an imported definition. */
export function importDraft(
  { tx, organisationId }: FrameworkScope,
  definition: FrameworkDefinition,
): Promise<string> {
  return insertDraft(tx, organisationId, definition, null);
}

async function requireDraft(tx: Tx, organisationId: string, versionId: string): Promise<void> {
  const [row] = await tx
    .select({ status: frameworkVersions.status, number: frameworkVersions.number })
    .from(frameworkVersions)
    .where(version(organisationId, versionId))
    .for('update');
  if (!row) throw notFound('framework version');
  if (row.status !== 'draft') {
    throw conflict(`version ${row.number} is published and cannot change; start a new draft instead`);
  }
}

/** Replaces a draft's definition (409 for a published version). */
export async function replaceDraft(
  { tx, organisationId }: FrameworkScope,
  { id, definition }: { id: string; definition: FrameworkDefinition },
): Promise<void> {
  await requireDraft(tx, organisationId, id);
  await writeDefinition(tx, organisationId, id, definition);
}

export async function discardDraft({ tx, organisationId }: FrameworkScope, versionId: string): Promise<void> {
  await requireDraft(tx, organisationId, versionId);
  await tx.delete(frameworkVersions).where(version(organisationId, versionId));
}

/** Publishes a draft: from now on it is the version new assessments use, and it never changes. */
export async function publishDraft({ tx, organisationId }: FrameworkScope, versionId: string): Promise<void> {
  await requireDraft(tx, organisationId, versionId);
  // Drafts are validated on every write; checking again guards against rows edited by hand.
  const parsed = parseDefinition(await loadDefinition(tx, organisationId, versionId));
  if (!parsed.ok) {
    throw new ApiError(
      400,
      'invalid_framework',
      `the draft is not complete: ${parsed.issues[0]!.path}: ${parsed.issues[0]!.rule}`,
      Object.fromEntries(parsed.issues.map((i) => [i.path, i.rule])),
    );
  }
  await tx
    .update(frameworkVersions)
    .set({ status: 'published', publishedAt: sql`now()` })
    .where(and(version(organisationId, versionId), eq(frameworkVersions.status, 'draft')));
  publishedVersionIds.invalidate(organisationId);
}
