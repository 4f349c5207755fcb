// The check-ins coming up for one person, for other domains (the nudge digest lists "a check-in
// coming up"; the home page may too). Both sides count: the check-ins the person scheduled and
// those they hold as the manager or coach.
import { aliasedTable, and, asc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { checkIns } from './schema.ts';

export interface UpcomingCheckIn {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  /** IANA name the check-in was scheduled in. */
  timeZone: string;
  /** The person's side: they scheduled it ('owner') or hold it as manager or coach. */
  role: 'owner' | 'counterpart';
  /** The other person. */
  withPerson: { id: string; name: string };
}

const other = aliasedTable(people, 'other');

/**
 * The scheduled (not completed or cancelled) check-ins of `personId` starting in [from, to), soonest
 * first. Check-ins are private (docs/decisions/0014): run it in a transaction that acts AS that
 * person — `db.inOrganisation(organisationId, (tx) => upcomingCheckIns(tx, personId, from, to),
 * personId)` — a transaction without a person (a job's) reads none. A counterpart whose relation
 * ended (no longer the manager; coaching ended) no longer sees them, as in the API.
 */
export async function upcomingCheckIns(
  tx: Tx,
  personId: string,
  from: Date,
  to: Date,
): Promise<UpcomingCheckIn[]> {
  const org = sql`lodestar_current_organisation()`;
  const rows = await tx
    .select({
      id: checkIns.id,
      title: checkIns.title,
      startsAt: checkIns.startsAt,
      durationMinutes: checkIns.durationMinutes,
      timeZone: checkIns.timeZone,
      ownerId: checkIns.ownerId,
      otherId: other.id,
      otherName: other.name,
    })
    .from(checkIns)
    .innerJoin(
      other,
      and(
        eq(other.organisationId, checkIns.organisationId),
        eq(
          other.id,
          sql`CASE WHEN ${checkIns.ownerId} = ${personId} THEN ${checkIns.counterpartId} ELSE ${checkIns.ownerId} END`,
        ),
      ),
    )
    .where(
      and(
        eq(checkIns.organisationId, org),
        or(eq(checkIns.ownerId, personId), eq(checkIns.counterpartId, personId)),
        eq(checkIns.status, 'scheduled'),
        gte(checkIns.startsAt, from),
        lt(checkIns.startsAt, to),
      ),
    )
    .orderBy(asc(checkIns.startsAt), asc(checkIns.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.startsAt),
    durationMinutes: r.durationMinutes,
    timeZone: r.timeZone,
    role: r.ownerId === personId ? 'owner' : 'counterpart',
    withPerson: { id: r.otherId, name: r.otherName },
  }));
}
