// Coaching by consent: a person with the coach role asks to coach someone, or an admin proposes a
// coach for someone; only the coachee's acceptance makes it active, and only then can the coachee
// share plan content with that coach. Either side may end it (a coach may also withdraw a request);
// ended and declined rows stay as history. A coachee has one active coach at a time.
import { aliasedTable, and, eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { invalid } from './access.ts';
import type { CoachingList, CoachingRelationship, CoachingRequest } from './contracts.ts';
import { coachingRelationships as cr } from './schema.ts';

const coach = aliasedTable(people, 'coach');
const coachee = aliasedTable(people, 'coachee');
const requester = aliasedTable(people, 'requester');

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

async function relationships(
  scope: TenantScope,
  where: ReturnType<typeof and>,
): Promise<CoachingRelationship[]> {
  const on = (p: typeof coach, column: AnyPgColumn) =>
    and(eq(p.organisationId, cr.organisationId), eq(p.id, column));
  const rows = await scope.tx
    .select({ r: cr, coachName: coach.name, coacheeName: coachee.name, requesterName: requester.name })
    .from(cr)
    .innerJoin(coach, on(coach, cr.coachId))
    .innerJoin(coachee, on(coachee, cr.coacheeId))
    .innerJoin(requester, on(requester, cr.requestedById))
    .where(and(eq(cr.organisationId, scope.organisationId), where))
    .orderBy(cr.requestedAt);
  return rows.map(({ r, ...n }) => ({
    id: r.id,
    coach: { id: r.coachId, name: n.coachName },
    coachee: { id: r.coacheeId, name: n.coacheeName },
    status: r.status,
    requestedBy: { id: r.requestedById, name: n.requesterName },
    requestedAt: iso(r.requestedAt)!,
    respondedAt: iso(r.respondedAt),
    endedAt: iso(r.endedAt),
  }));
}

export async function listCoaching(scope: TenantScope): Promise<CoachingList> {
  const me = scope.viewer.personId;
  const mine = await relationships(scope, or(eq(cr.coachId, me), eq(cr.coacheeId, me)));
  return {
    asCoach: mine.filter((r) => r.coach.id === me),
    asCoachee: mine.filter((r) => r.coachee.id === me),
    organisation: scope.viewer.roles.includes('admin') ? await relationships(scope, undefined) : null,
  };
}

async function personOf(scope: TenantScope, id: string) {
  const [row] = await scope.tx
    .select({ roles: people.roles, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, id)));
  return row;
}

export async function requestCoaching(
  scope: TenantScope,
  input: CoachingRequest,
): Promise<CoachingRelationship> {
  const me = scope.viewer;
  const coachId = input.coachId ?? me.personId;
  if (coachId !== me.personId && !me.roles.includes('admin')) {
    throw invalid({ coachId: 'must be left out: only an admin may propose someone else as coach' });
  }
  const theCoach = await personOf(scope, coachId);
  if (!theCoach?.roles.includes('coach') || theCoach.status === 'disabled') {
    throw invalid({ coachId: 'must be an active person with the coach role' });
  }
  const theCoachee = await personOf(scope, input.coacheeId);
  if (!theCoachee || theCoachee.status === 'disabled')
    throw invalid({ coacheeId: 'must be an active person' });
  if (input.coacheeId === coachId) throw invalid({ coacheeId: 'must be someone other than the coach' });
  const open = await scope.tx
    .select({ id: cr.id })
    .from(cr)
    .where(
      and(
        eq(cr.organisationId, scope.organisationId),
        eq(cr.coachId, coachId),
        eq(cr.coacheeId, input.coacheeId),
        inArray(cr.status, ['requested', 'active']),
      ),
    );
  if (open.length) throw conflict('this coach already coaches, or has asked to coach, this person');
  const [row] = await scope.tx
    .insert(cr)
    .values({
      organisationId: scope.organisationId,
      coachId,
      coacheeId: input.coacheeId,
      requestedById: me.personId,
      requestedAt: scope.now(),
    })
    .returning({ id: cr.id });
  return (await relationships(scope, eq(cr.id, row!.id)))[0]!;
}

/** The relationship if the viewer is one of its two sides; 404 for anyone else, as for an unknown id. */
async function mine(scope: TenantScope, id: string) {
  const [row] = await scope.tx
    .select()
    .from(cr)
    .where(
      and(
        eq(cr.organisationId, scope.organisationId),
        eq(cr.id, id),
        or(eq(cr.coachId, scope.viewer.personId), eq(cr.coacheeId, scope.viewer.personId)),
      ),
    );
  if (!row) throw notFound('coaching relationship');
  return row;
}

async function respond(
  scope: TenantScope,
  id: string,
  answer: 'active' | 'declined',
): Promise<CoachingRelationship> {
  const row = await mine(scope, id);
  if (row.coacheeId !== scope.viewer.personId) throw notFound('coaching request');
  if (row.status !== 'requested') throw conflict(`this request is ${row.status} already`);
  if (answer === 'active') {
    const theCoach = await personOf(scope, row.coachId);
    if (!theCoach?.roles.includes('coach') || theCoach.status === 'disabled') {
      throw conflict('this person no longer holds the coach role');
    }
    const [current] = await scope.tx
      .select({ id: cr.id })
      .from(cr)
      .where(
        and(
          eq(cr.organisationId, scope.organisationId),
          eq(cr.coacheeId, row.coacheeId),
          eq(cr.status, 'active'),
        ),
      );
    if (current) throw conflict('you already have a coach: end that coaching first');
  }
  await scope.tx
    .update(cr)
    .set({ status: answer, respondedAt: scope.now() })
    .where(and(eq(cr.organisationId, scope.organisationId), eq(cr.id, id)));
  return (await relationships(scope, eq(cr.id, id)))[0]!;
}

export const acceptCoaching = (scope: TenantScope, id: string) => respond(scope, id, 'active');
export const declineCoaching = (scope: TenantScope, id: string) => respond(scope, id, 'declined');

/** Either side ends it (or withdraws a request); the coach loses every share at once. */
export async function endCoaching(scope: TenantScope, id: string): Promise<CoachingRelationship> {
  const row = await mine(scope, id);
  if (row.status !== 'requested' && row.status !== 'active')
    throw conflict(`this coaching is ${row.status} already`);
  await scope.tx
    .update(cr)
    .set({ status: 'ended', endedAt: scope.now() })
    .where(and(eq(cr.organisationId, scope.organisationId), eq(cr.id, id)));
  return (await relationships(scope, eq(cr.id, id)))[0]!;
}
