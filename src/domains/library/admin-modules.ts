// What admins see: every module with its state (drafts and retired ones included), one module with
// its draft and published versions rendered, and a module's whole version history.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ensureBuiltInModules } from './built-in.ts';
import { type Capabilities, capabilitiesOf } from './capabilities.ts';
import type { AdminModuleDetail, AdminModuleRow, ModuleContent, ModuleVersion } from './contracts.ts';
import { renderMarkdown } from './markdown.ts';
import type { LibraryScope } from './read-modules.ts';
import { libraryModules as m, libraryModuleVersions as v } from './schema.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

const versionColumns = {
  version: v.version,
  status: v.status,
  title: v.title,
  summary: v.summary,
  body: v.body,
  action: v.practiceAction,
  situation: v.practiceSituation,
  frequency: v.practiceFrequency,
  signal: v.practiceSignal,
  reflection: v.reflection,
  minutes: v.minutes,
  stages: v.stages,
  createdAt: v.createdAt,
  publishedAt: v.publishedAt,
  authorName: people.name,
};
type VersionRow = { [K in keyof typeof versionColumns]: (typeof versionColumns)[K]['_']['data'] | null };

function toVersion(row: VersionRow): ModuleVersion {
  const content: ModuleContent = {
    title: row.title!,
    summary: row.summary!,
    body: row.body!,
    practice: {
      action: row.action!,
      situation: row.situation!,
      frequency: row.frequency!,
      signal: row.signal!,
    },
    reflection: row.reflection!,
    minutes: row.minutes!,
    stages: row.stages!,
  };
  return {
    version: row.version!,
    status: row.status!,
    content,
    createdAt: iso(row.createdAt)!,
    publishedAt: iso(row.publishedAt),
    authorName: row.authorName,
  };
}

/** A module's versions (only the current ones: its draft and published version, if `current`). */
function selectVersions(scope: LibraryScope, moduleId: string, current = false) {
  return scope.tx
    .select(versionColumns)
    .from(v)
    .leftJoin(people, and(eq(people.organisationId, v.organisationId), eq(people.id, v.authorId)))
    .where(
      and(
        eq(v.organisationId, scope.organisationId),
        eq(v.moduleId, moduleId),
        current ? inArray(v.status, ['draft', 'published']) : undefined,
      ),
    );
}

async function findModule(scope: LibraryScope, moduleId: string) {
  const [row] = await scope.tx
    .select()
    .from(m)
    .where(and(eq(m.organisationId, scope.organisationId), eq(m.id, moduleId)));
  if (!row) throw notFound('library module');
  return row;
}

function rowOf(
  module: typeof m.$inferSelect,
  capabilities: Capabilities,
  published: { version: number; title: string } | undefined,
  draft: { version: number; title: string } | undefined,
): AdminModuleRow {
  return {
    id: module.id,
    key: module.key,
    origin: module.origin,
    capabilityKey: module.capabilityKey,
    capabilityName: capabilities.nameOf(module.capabilityKey),
    title: (draft ?? published)?.title ?? module.key,
    publishedVersion: published?.version ?? null,
    draftVersion: draft?.version ?? null,
    retiredAt: iso(module.retiredAt),
  };
}

/** Every module of the organisation, in framework order, then by title. */
export async function listAdminModules(scope: LibraryScope): Promise<AdminModuleRow[]> {
  const { tx, organisationId } = scope;
  await ensureBuiltInModules(tx, scope.kind, organisationId);
  const modules = await tx.select().from(m).where(eq(m.organisationId, organisationId));
  const versions = await tx
    .select({ moduleId: v.moduleId, version: v.version, status: v.status, title: v.title })
    .from(v)
    .where(and(eq(v.organisationId, organisationId), inArray(v.status, ['draft', 'published'])));
  const current = new Map<
    string,
    { draft?: (typeof versions)[number]; published?: (typeof versions)[number] }
  >();
  for (const row of versions) {
    const entry = current.get(row.moduleId) ?? {};
    entry[row.status as 'draft' | 'published'] = row;
    current.set(row.moduleId, entry);
  }
  const capabilities = await capabilitiesOf(scope);
  return modules
    .map((module) =>
      rowOf(module, capabilities, current.get(module.id)?.published, current.get(module.id)?.draft),
    )
    .sort(
      (a, b) =>
        capabilities.positionOf(a.capabilityKey) - capabilities.positionOf(b.capabilityKey) ||
        a.title.localeCompare(b.title),
    );
}

/** One module with its published version and its draft, each with its body rendered. */
export async function getAdminModule(scope: LibraryScope, moduleId: string): Promise<AdminModuleDetail> {
  const module = await findModule(scope, moduleId);
  const rows = await selectVersions(scope, moduleId, true);
  const rendered = (status: 'draft' | 'published') => {
    const row = rows.find((r) => r.status === status);
    if (!row) return null;
    const version = toVersion(row);
    return { ...version, html: renderMarkdown(version.content.body) };
  };
  const published = rendered('published');
  const draft = rendered('draft');
  const capabilities = await capabilitiesOf(scope);
  const brief = (r: typeof draft) => (r ? { version: r.version, title: r.content.title } : undefined);
  return {
    ...rowOf(module, capabilities, brief(published), brief(draft)),
    createdAt: iso(module.createdAt)!,
    published,
    draft,
  };
}

/** Every version of a module, newest first. */
export async function moduleHistory(scope: LibraryScope, moduleId: string): Promise<ModuleVersion[]> {
  await findModule(scope, moduleId);
  const rows = await selectVersions(scope, moduleId).orderBy(desc(v.version));
  return rows.map(toVersion);
}
