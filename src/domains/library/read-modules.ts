// What participants read: published versions of modules that are not retired, searched and
// filtered, one module with its body rendered, and the facets the filters offer. Pathways and the
// development plan build on `listPublishedModules` and `getPublishedModule` (service.ts).
import { and, count, eq, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { listCareerStages } from '../../identity/organisations/service.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ensureBuiltInModules } from './built-in.ts';
import { type CapabilityScope, capabilitiesOf } from './capabilities.ts';
import type { LibraryFacets, LibraryFilters, ModuleDetail, ModuleSummary } from './contracts.ts';
import { renderMarkdown } from './markdown.ts';
import { libraryModules as m, libraryModuleVersions as v } from './schema.ts';

/** The part of a scope the library reads with; jobs, seeds and other domains can pass just this. */
export type LibraryScope = CapabilityScope;

const summaryColumns = {
  id: m.id,
  key: m.key,
  origin: m.origin,
  capabilityKey: m.capabilityKey,
  version: v.version,
  title: v.title,
  summary: v.summary,
  minutes: v.minutes,
  stages: v.stages,
  action: v.practiceAction,
  situation: v.practiceSituation,
  frequency: v.practiceFrequency,
  signal: v.practiceSignal,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

function toSummary(row: SummaryRow, capabilityName: string): ModuleSummary {
  const { action, situation, frequency, signal, ...rest } = row;
  return { ...rest, capabilityName, practice: { action, situation, frequency, signal } };
}

/** Published and not retired, in one organisation (named even where row-level security would). */
function readable(organisationId: string, ...filters: (SQL | undefined)[]) {
  return and(eq(m.organisationId, organisationId), isNull(m.retiredAt), ...filters);
}
const publishedVersionOf = and(
  eq(v.organisationId, m.organisationId),
  eq(v.moduleId, m.id),
  eq(v.status, 'published'),
);

/** `%` and `_` typed in a search box mean themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Published modules matching every filter given. `q` searches title, summary and body by word
 * (English stemming: "listening" finds "listen"), and title and summary by part of a word, so
 * results appear while someone is still typing. Best matches first; without `q`, in framework order.
 */
export async function listPublishedModules(
  scope: LibraryScope,
  filters: LibraryFilters = {},
): Promise<ModuleSummary[]> {
  const { tx, organisationId } = scope;
  await ensureBuiltInModules(tx, scope.kind, organisationId);
  const q = filters.q?.trim() || undefined;
  const query = q ? sql`websearch_to_tsquery('english', ${q})` : undefined;
  const rows = await tx
    .select({
      ...summaryColumns,
      rank: query ? sql<number>`ts_rank(${v.search}, ${query})` : sql<number>`0`,
    })
    .from(m)
    .innerJoin(v, publishedVersionOf)
    .where(
      readable(
        organisationId,
        filters.capability ? eq(m.capabilityKey, filters.capability) : undefined,
        filters.stage ? sql`${filters.stage}::text = ANY(${v.stages})` : undefined,
        filters.maxMinutes ? lte(v.minutes, filters.maxMinutes) : undefined,
        q
          ? or(sql`${v.search} @@ ${query}`, ilike(v.title, likePattern(q)), ilike(v.summary, likePattern(q)))
          : undefined,
      ),
    );
  const capabilities = await capabilitiesOf(scope);
  return rows
    .map(({ rank, ...row }) => ({ rank: Number(rank), row }))
    .sort(
      (a, b) =>
        b.rank - a.rank ||
        capabilities.positionOf(a.row.capabilityKey) - capabilities.positionOf(b.row.capabilityKey) ||
        a.row.title.localeCompare(b.row.title),
    )
    .map(({ row }) => toSummary(row, capabilities.nameOf(row.capabilityKey)));
}

/** One published module with its body rendered; 404 for a retired, unpublished or unknown one. */
export async function getPublishedModule(scope: LibraryScope, moduleId: string): Promise<ModuleDetail> {
  const [row] = await scope.tx
    .select({ ...summaryColumns, body: v.body, reflection: v.reflection, publishedAt: v.publishedAt })
    .from(m)
    .innerJoin(v, publishedVersionOf)
    .where(readable(scope.organisationId, eq(m.id, moduleId)));
  if (!row) throw notFound('library module');
  const capabilities = await capabilitiesOf(scope);
  const { body, reflection, publishedAt, ...summary } = row;
  return {
    ...toSummary(summary, capabilities.nameOf(row.capabilityKey)),
    reflection,
    html: renderMarkdown(body),
    publishedAt: new Date(publishedAt!).toISOString(),
  };
}

/** What the filters offer: every capability of the framework with its count, and the career stages. */
export async function libraryFacets(scope: LibraryScope): Promise<LibraryFacets> {
  const { tx, organisationId } = scope;
  await ensureBuiltInModules(tx, scope.kind, organisationId);
  const counts = await tx
    .select({ key: m.capabilityKey, n: count() })
    .from(m)
    .innerJoin(v, publishedVersionOf)
    .where(readable(organisationId))
    .groupBy(m.capabilityKey);
  const countOf = new Map(counts.map((c) => [c.key, Number(c.n)]));
  const capabilities = await capabilitiesOf(scope);
  const stages = await listCareerStages({ tx });
  return {
    capabilities: capabilities.list.map((c) => ({
      key: c.key,
      name: c.name,
      blockName: c.blockName,
      count: countOf.get(c.key) ?? 0,
    })),
    stages: stages.map((s) => ({ key: s.key, name: s.name })),
  };
}
