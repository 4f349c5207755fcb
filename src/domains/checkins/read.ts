// Reading check-ins: one in full for its two people, the viewer's list (as participant and as
// manager or coach), and the participant's tasks for their plan page. Queries filter by person
// first, which keeps the per-row privacy policy cheap (docs/decisions/0014).
import { aliasedTable, and, asc, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { readableCheckIn } from './access.ts';
import type { Action, CheckInDetail, CheckInList, CheckInSummary, MyTasks } from './contracts.ts';
import { checkInActions, checkIns } from './schema.ts';
import { localOf } from './time.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const owner = aliasedTable(people, 'owner');
const counterpart = aliasedTable(people, 'counterpart');
const author = aliasedTable(people, 'author');

/** Check-ins with their two people's names; callers add the filter and the order. */
function withPeople(scope: TenantScope) {
  return scope.tx
    .select({ c: checkIns, ownerName: owner.name, counterpartName: counterpart.name })
    .from(checkIns)
    .innerJoin(owner, and(eq(owner.organisationId, checkIns.organisationId), eq(owner.id, checkIns.ownerId)))
    .innerJoin(
      counterpart,
      and(
        eq(counterpart.organisationId, checkIns.organisationId),
        eq(counterpart.id, checkIns.counterpartId),
      ),
    );
}

type SummaryRow = { c: typeof checkIns.$inferSelect; ownerName: string; counterpartName: string };

function summaryOf(r: SummaryRow, me: string): CheckInSummary {
  return {
    id: r.c.id,
    title: r.c.title,
    status: r.c.status,
    startsAt: iso(r.c.startsAt)!,
    durationMinutes: r.c.durationMinutes,
    timeZone: r.c.timeZone,
    owner: { id: r.c.ownerId, name: r.ownerName },
    counterpart: { id: r.c.counterpartId, name: r.counterpartName },
    relation: r.c.relation,
    viewerRole: r.c.ownerId === me ? 'owner' : 'counterpart',
  };
}

export async function actionsOf(
  scope: TenantScope,
  checkInIds: string[],
): Promise<(Action & { checkInId: string })[]> {
  if (!checkInIds.length) return [];
  const rows = await scope.tx
    .select({ a: checkInActions, authorName: author.name })
    .from(checkInActions)
    .innerJoin(
      author,
      and(eq(author.organisationId, checkInActions.organisationId), eq(author.id, checkInActions.authorId)),
    )
    .where(
      and(
        eq(checkInActions.organisationId, scope.organisationId),
        inArray(checkInActions.checkInId, checkInIds),
      ),
    )
    .orderBy(asc(checkInActions.createdAt), asc(checkInActions.id));
  return rows.map(({ a, authorName }) => ({
    id: a.id,
    checkInId: a.checkInId,
    title: a.title,
    kind: a.kind,
    done: a.done,
    doneAt: iso(a.doneAt),
    experimentId: a.experimentId,
    author: { id: a.authorId, name: authorName },
    createdAt: iso(a.createdAt)!,
  }));
}

export async function checkInDetail(scope: TenantScope, id: string): Promise<CheckInDetail> {
  const { row, holds } = await readableCheckIn(scope, id);
  const [names] = await withPeople(scope).where(
    and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, row.id)),
  );
  const actions = (await actionsOf(scope, [row.id])).map(({ checkInId: _, ...a }) => a);
  return {
    ...summaryOf(names!, scope.viewer.personId),
    localStart: localOf(new Date(row.startsAt), row.timeZone),
    place: row.place,
    videoUrl: row.videoUrl,
    sequence: row.sequence,
    agenda: row.agenda,
    learned: row.learned,
    notes: row.notes,
    notesVersion: row.notesVersion,
    actions,
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    relationHolds: holds,
  };
}

/** How many past check-ins the list shows: a year of fortnightly ones. */
const PAST_LIMIT = 30;

export async function listCheckIns(scope: TenantScope): Promise<CheckInList> {
  const me = scope.viewer.personId;
  // Row-level security already hides the check-ins of a counterpart whose relation ended.
  const mine = or(eq(checkIns.ownerId, me), eq(checkIns.counterpartId, me));
  const upcoming = await withPeople(scope)
    .where(and(eq(checkIns.organisationId, scope.organisationId), mine, eq(checkIns.status, 'scheduled')))
    .orderBy(asc(checkIns.startsAt), asc(checkIns.id));
  const past = await withPeople(scope)
    .where(and(eq(checkIns.organisationId, scope.organisationId), mine, ne(checkIns.status, 'scheduled')))
    .orderBy(desc(checkIns.startsAt), desc(checkIns.id))
    .limit(PAST_LIMIT);
  return {
    upcoming: upcoming.map((r) => summaryOf(r, me)),
    past: past.map((r) => summaryOf(r, me)),
  };
}

/** The viewer's check-in tasks (not experiments) from check-ins that were not cancelled. */
export async function myTasks(scope: TenantScope): Promise<MyTasks> {
  const me = scope.viewer.personId;
  const rows = await scope.tx
    .select({ a: checkInActions, c: checkIns, authorName: author.name, counterpartName: counterpart.name })
    .from(checkInActions)
    .innerJoin(
      checkIns,
      and(
        eq(checkIns.organisationId, checkInActions.organisationId),
        eq(checkIns.id, checkInActions.checkInId),
      ),
    )
    .innerJoin(
      author,
      and(eq(author.organisationId, checkInActions.organisationId), eq(author.id, checkInActions.authorId)),
    )
    .innerJoin(
      counterpart,
      and(
        eq(counterpart.organisationId, checkIns.organisationId),
        eq(counterpart.id, checkIns.counterpartId),
      ),
    )
    .where(
      and(
        eq(checkInActions.organisationId, scope.organisationId),
        eq(checkInActions.ownerId, me),
        eq(checkInActions.kind, 'task'),
        ne(checkIns.status, 'cancelled'),
      ),
    )
    .orderBy(asc(checkInActions.done), desc(checkIns.startsAt), asc(checkInActions.createdAt));
  return {
    tasks: rows.map(({ a, c, authorName, counterpartName }) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      done: a.done,
      doneAt: iso(a.doneAt),
      experimentId: a.experimentId,
      author: { id: a.authorId, name: authorName },
      createdAt: iso(a.createdAt)!,
      checkIn: {
        id: c.id,
        title: c.title,
        startsAt: iso(c.startsAt)!,
        counterpart: { id: c.counterpartId, name: counterpartName },
      },
    })),
  };
}
