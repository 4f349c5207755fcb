// Reading journal entries: one entry, the owner's journal page by page (newest first, optionally
// only those about one experiment), the entries shared with the viewer, and what the owner's form
// offers to link to. Every read runs as the viewer, so the database's policies apply as well.
// Lists filter by owner first, which keeps the per-row policy cheap (0014).
import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { ownerFacts } from '../development/access.ts';
import {
  coachingRelationships,
  developmentPlans,
  planExperiments,
  planFocusAreas,
} from '../development/schema.ts';
import { listPublishedModules } from '../library/service.ts';
import { type EntryRow, type ReaderRelation, readableEntry, readerRelation } from './access.ts';
import type { Entry, JournalOptions, JournalPage, JournalQuery, SharedJournalQuery } from './contracts.ts';
import { journalEntries as je } from './schema.ts';

/** The title of the module's published version, or null once it is retired or unpublished. */
const moduleTitle = sql<string | null>`(
  SELECT v.title FROM library_module_versions v
    JOIN library_modules m ON m.organisation_id = v.organisation_id AND m.id = v.module_id
   WHERE v.organisation_id = ${je.organisationId} AND v.module_id = ${je.moduleId}
     AND v.status = 'published' AND m.retired_at IS NULL
   LIMIT 1)`;

/**
 * Entries with what they are shown with: the owner's name and manager, the linked experiment's
 * action (null when the viewer may not read that experiment: its own policy hides the row), the
 * linked module's title.
 */
function selectEntries(scope: TenantScope) {
  return scope.tx
    .select({
      entry: je,
      ownerName: people.name,
      ownerManagerId: people.managerId,
      action: planExperiments.action,
      moduleTitle,
    })
    .from(je)
    .innerJoin(people, and(eq(people.organisationId, je.organisationId), eq(people.id, je.ownerId)))
    .leftJoin(
      planExperiments,
      and(
        eq(planExperiments.organisationId, je.organisationId),
        eq(planExperiments.id, je.experimentId),
        eq(planExperiments.ownerId, je.ownerId),
      ),
    );
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number];

export function toEntry(r: Selected, relation: ReaderRelation): Entry {
  const e: EntryRow = r.entry;
  return {
    id: e.id,
    body: e.body,
    mood: e.mood,
    energy: e.energy,
    experiment: e.experimentId ? { id: e.experimentId, action: r.action } : null,
    module: e.moduleId ? { id: e.moduleId, title: r.moduleTitle } : null,
    owner: { id: e.ownerId, name: r.ownerName },
    viewerRelation: relation,
    sharing: relation === 'self' ? { withManager: e.sharedWithManager, withCoach: e.sharedWithCoach } : null,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

/** One entry as the viewer may read it (owner, or the manager or coach it is shared with); else 404. */
export async function getEntry(scope: TenantScope, id: string): Promise<Entry> {
  const { relation } = await readableEntry(scope, id);
  const [row] = await selectEntries(scope).where(
    and(eq(je.organisationId, scope.organisationId), eq(je.id, id)),
  );
  return toEntry(row!, relation);
}

const newestFirst = [desc(je.createdAt), desc(je.id)];

async function page(
  scope: TenantScope,
  where: SQL | undefined,
  { limit, offset }: { limit: number; offset: number },
  relationOf: (r: Selected) => ReaderRelation | null,
): Promise<JournalPage> {
  const [total] = await scope.tx.select({ n: count() }).from(je).where(where);
  const rows = await selectEntries(scope)
    .where(where)
    .orderBy(...newestFirst)
    .limit(limit)
    .offset(offset);
  const items = rows.flatMap((r) => {
    const relation = relationOf(r);
    return relation ? [toEntry(r, relation)] : [];
  });
  return { items, total: Number(total?.n ?? 0), limit, offset };
}

/** The viewer's own journal, newest first; with `experimentId`, only entries about that experiment. */
export async function myJournal(scope: TenantScope, query: JournalQuery): Promise<JournalPage> {
  const where = and(
    eq(je.organisationId, scope.organisationId),
    eq(je.ownerId, scope.viewer.personId),
    query.experimentId ? eq(je.experimentId, query.experimentId) : undefined,
  );
  return page(scope, where, query, () => 'self');
}

/**
 * Entries the viewer's reports shared with their manager, and entries their coachees shared with
 * their coach, newest first. The query names the owners first (the people the viewer manages or
 * coaches) and the flag that reaches the viewer; row-level security checks the same again.
 */
export async function sharedWithMe(scope: TenantScope, query: SharedJournalQuery): Promise<JournalPage> {
  const me = scope.viewer.personId;
  const org = scope.organisationId;
  const coached = scope.viewer.roles.includes('coach')
    ? (
        await scope.tx
          .select({ id: coachingRelationships.coacheeId })
          .from(coachingRelationships)
          .where(
            and(
              eq(coachingRelationships.organisationId, org),
              eq(coachingRelationships.coachId, me),
              eq(coachingRelationships.status, 'active'),
            ),
          )
      ).map((c) => c.id)
    : [];
  const reports = scope.tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, org), eq(people.managerId, me)));
  const where = and(
    eq(je.organisationId, org),
    or(
      and(inArray(je.ownerId, reports), eq(je.sharedWithManager, true)),
      coached.length ? and(inArray(je.ownerId, coached), eq(je.sharedWithCoach, true)) : undefined,
    ),
  );
  const coachedSet = new Set(coached);
  return page(scope, where, query, (r) =>
    readerRelation(
      scope,
      {
        id: r.entry.ownerId,
        managerId: r.ownerManagerId,
        coachId: coachedSet.has(r.entry.ownerId) ? me : null,
      },
      r.entry,
    ),
  );
}

/** What the owner's entry form offers: their experiments (current plan first), modules, audience. */
export async function journalOptions(scope: TenantScope): Promise<JournalOptions> {
  const me = scope.viewer.personId;
  const org = scope.organisationId;
  const experiments = await scope.tx
    .select({
      id: planExperiments.id,
      action: planExperiments.action,
      status: planExperiments.status,
      focusTitle: planFocusAreas.title,
      planStatus: developmentPlans.status,
    })
    .from(planExperiments)
    .innerJoin(
      planFocusAreas,
      and(
        eq(planFocusAreas.organisationId, planExperiments.organisationId),
        eq(planFocusAreas.id, planExperiments.focusId),
        eq(planFocusAreas.ownerId, planExperiments.ownerId),
      ),
    )
    .innerJoin(
      developmentPlans,
      and(
        eq(developmentPlans.organisationId, planFocusAreas.organisationId),
        eq(developmentPlans.id, planFocusAreas.planId),
        eq(developmentPlans.ownerId, planFocusAreas.ownerId),
      ),
    )
    .where(and(eq(planExperiments.organisationId, org), eq(planExperiments.ownerId, me)))
    .orderBy(
      sql`${developmentPlans.status} = 'active' DESC`,
      desc(developmentPlans.startedAt),
      planFocusAreas.position,
      planExperiments.startsOn,
      planExperiments.id,
    );
  const modules = (await listPublishedModules(scope))
    .map((m) => ({ id: m.id, title: m.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return {
    experiments: experiments.map(({ planStatus, ...e }) => ({ ...e, current: planStatus === 'active' })),
    modules,
    audience: await audienceOf(scope),
  };
}

/**
 * Who a share of the viewer's would reach now: their current manager, and their active coach while
 * that coach holds the coach role (identity/visibility.ts); null where there is nobody.
 */
export async function audienceOf(scope: TenantScope): Promise<JournalOptions['audience']> {
  const owner = await ownerFacts(scope, scope.viewer.personId);
  const ids = [owner.managerId, owner.coachId].filter((id): id is string => id !== null);
  const found = ids.length
    ? await scope.tx
        .select({ id: people.id, name: people.name, roles: people.roles })
        .from(people)
        .where(and(eq(people.organisationId, scope.organisationId), inArray(people.id, ids)))
    : [];
  const named = (id: string | null, role?: 'coach') => {
    const p = found.find((n) => n.id === id && (!role || n.roles.includes(role)));
    return p ? { id: p.id, name: p.name } : null;
  };
  return { manager: named(owner.managerId), coach: named(owner.coachId, 'coach') };
}
