// Scheduling a check-in and changing its schedule, each with its calendar invitation emailed to
// both people in the same transaction (nothing is sent for a change that fails): REQUEST when it is
// scheduled or moved, CANCEL when it is called off, the same UID every time and the SEQUENCE
// stored on the row, bumped under a row lock so concurrent changes send 1, 2, 3 … never twice the
// same (docs/decisions/0016). Only the participant who scheduled it changes its schedule.
import { and, eq, sql } from 'drizzle-orm';
import { conflict } from '../../platform/http/errors.ts';
import { queueEmail } from '../../platform/mail/mailer.ts';
import type { TenantScope } from '../../platform/scope.ts';
import {
  type CheckInRow,
  contactOf,
  counterpartsOf,
  invalid,
  ownCheckIn,
  type PersonContact,
  relationHolds,
} from './access.ts';
import { CHECK_IN_TITLE_MAX, MAX_DAYS_AHEAD } from './constants.ts';
import type { CheckInCreate, CheckInDetail, CheckInReschedule } from './contracts.ts';
import { invitationIcs } from './invitation.ts';
import { agendaSnapshot } from './proposal.ts';
import { checkInDetail } from './read.ts';
import { checkIns } from './schema.ts';
import { canonicalTimeZone, describeWhen, instantOf } from './time.ts';

interface Timing {
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
}

/** The instant of the local start in its zone, in the future and within a year; else 400. */
function timingOf(scope: TenantScope, input: CheckInReschedule): Timing {
  const timeZone = canonicalTimeZone(input.timeZone);
  const startsAt = instantOf(input.startsAt, timeZone);
  if (!startsAt)
    throw invalid({ startsAt: `must be a time that exists in ${timeZone} (not skipped by a clock change)` });
  const now = scope.now();
  if (startsAt.getTime() <= now.getTime()) throw invalid({ startsAt: 'must be in the future' });
  if (startsAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    throw invalid({ startsAt: `must be within ${MAX_DAYS_AHEAD} days` });
  return { startsAt, durationMinutes: input.durationMinutes, timeZone };
}

const defaultTitle = (owner: string, counterpart: string) =>
  `Check-in: ${owner} and ${counterpart}`.slice(0, CHECK_IN_TITLE_MAX);

const SUBJECT = { scheduled: 'Invitation', moved: 'Updated invitation', cancelled: 'Cancelled' } as const;

/**
 * Emails both people the invitation (owner first). The text says what, when, where and who: no
 * agenda, notes or plan content, which stay in Lodestar behind the link.
 */
export async function sendInvitations(
  scope: TenantScope,
  row: CheckInRow,
  change: keyof typeof SUBJECT,
): Promise<void> {
  const owner = (await contactOf(scope, row.ownerId)) as PersonContact;
  const counterpart = (await contactOf(scope, row.counterpartId)) as PersonContact;
  const link = `${scope.publicUrl}/check-ins/${row.id}`;
  const when = describeWhen(new Date(row.startsAt), row.durationMinutes, row.timeZone);
  const method = change === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = invitationIcs({
    checkInId: row.id,
    method,
    sequence: row.sequence,
    title: row.title,
    startsAt: new Date(row.startsAt),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    place: row.place,
    videoUrl: row.videoUrl,
    organizer: { name: owner.name, email: owner.email },
    counterpart: { name: counterpart.name, email: counterpart.email },
    link,
    now: scope.now(),
  });
  const lines = [
    change === 'cancelled'
      ? `${owner.name} cancelled this check-in with ${counterpart.name}.`
      : change === 'moved'
        ? `${owner.name} moved this check-in with ${counterpart.name}.`
        : `${owner.name} scheduled a check-in with ${counterpart.name}.`,
    '',
    `${row.title}`,
    `When: ${when}`,
    ...(row.place ? [`Where: ${row.place}`] : []),
    ...(row.videoUrl ? [`Video: ${row.videoUrl}`] : []),
    '',
    change === 'cancelled' ? `Details: ${link}` : `Agenda and notes: ${link}`,
  ];
  for (const to of [owner, counterpart]) {
    await queueEmail(scope.tx, scope.jobs, scope.organisationId, {
      to: to.email,
      subject: `${SUBJECT[change]}: ${row.title} — ${when}`,
      text: lines.join('\n'),
      calendar: { method, ics },
    });
  }
}

export async function scheduleCheckIn(scope: TenantScope, input: CheckInCreate): Promise<CheckInDetail> {
  const me = scope.viewer.personId;
  const counterpart = (await counterpartsOf(scope, me)).find((c) => c.id === input.withPersonId);
  if (!counterpart) throw invalid({ withPersonId: 'must be your manager or your coach' });
  const timing = timingOf(scope, input);
  const agenda = await agendaSnapshot(scope, input.agendaExperimentIds);
  if (!agenda) throw invalid({ agendaExperimentIds: 'must be open experiments of your current plan' });
  const ownerName = (await contactOf(scope, me))?.name ?? '';
  const [row] = await scope.tx
    .insert(checkIns)
    .values({
      organisationId: scope.organisationId,
      ownerId: me,
      counterpartId: counterpart.id,
      relation: counterpart.relation,
      title: input.title ?? defaultTitle(ownerName, counterpart.name),
      ...timing,
      place: input.place ?? null,
      videoUrl: input.videoUrl ?? null,
      agenda,
      learned: input.learned,
      createdAt: scope.now(),
      updatedAt: scope.now(),
    })
    .returning();
  await sendInvitations(scope, row!, 'scheduled');
  return checkInDetail(scope, row!.id);
}

export async function rescheduleCheckIn(
  scope: TenantScope,
  { id, ...input }: CheckInReschedule & { id: string },
): Promise<CheckInDetail> {
  const current = await ownCheckIn(scope, id, { lock: true, scheduled: true });
  if (!(await relationHolds(scope, current)))
    throw conflict('they are no longer your manager or coach: cancel this check-in instead');
  const timing = timingOf(scope, input);
  // The row is locked: this sequence is the next one, whoever else is waiting to change it.
  const [row] = await scope.tx
    .update(checkIns)
    .set({
      ...timing,
      ...(input.title !== undefined && input.title !== null ? { title: input.title } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl } : {}),
      sequence: sql`${checkIns.sequence} + 1`,
      updatedAt: scope.now(),
    })
    .where(and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, id)))
    .returning();
  await sendInvitations(scope, row!, 'moved');
  return checkInDetail(scope, id);
}

/** Calls it off: CANCEL to both, with the next sequence. The counterpart is told even if the relation ended. */
export async function cancelCheckIn(scope: TenantScope, id: string): Promise<CheckInDetail> {
  await ownCheckIn(scope, id, { lock: true, scheduled: true });
  const [row] = await scope.tx
    .update(checkIns)
    .set({
      status: 'cancelled',
      cancelledAt: scope.now(),
      sequence: sql`${checkIns.sequence} + 1`,
      updatedAt: scope.now(),
    })
    .where(and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, id)))
    .returning();
  await sendInvitations(scope, row!, 'cancelled');
  return checkInDetail(scope, id);
}

/** Marks it held, recording when. No email: the calendar event stays as it was, in the past. */
export async function completeCheckIn(scope: TenantScope, id: string): Promise<CheckInDetail> {
  await ownCheckIn(scope, id, { lock: true, scheduled: true });
  await scope.tx
    .update(checkIns)
    .set({ status: 'completed', completedAt: scope.now(), updatedAt: scope.now() })
    .where(and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, id)));
  return checkInDetail(scope, id);
}
