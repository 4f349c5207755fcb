// Demo check-ins: Sam Taylor held one with his manager Arjun Patel two weeks ago (agenda from his
// plan, shared notes, one agreed action that became an experiment in his plan and one task Arjun
// ticked off) and has the next one coming up; Mateo Rossi, whom Rachel Kim coaches, meets her on a
// video call, moved once. Each goes through the same service code as the API, acting as the
// person (row-level security needs them), so the invitations in the outbox are the real ones.
import { and, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { Role } from '../../platform/http/viewer.ts';
import type { DemoPerson } from '../../platform/module.ts';
import { asViewer, type TenantScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { planDetail } from '../development/plan-detail.ts';
import { myPlans } from '../development/plans.ts';
import { actionToExperiment, addAction, setActionDone } from './actions.ts';
import { writeNotes } from './notes.ts';
import { agendaSnapshot, checkInProposal } from './proposal.ts';
import { rescheduleCheckIn, scheduleCheckIn, sendInvitations } from './schedule.ts';
import { checkIns } from './schema.ts';
import { instantOf, localOf } from './time.ts';

const DAY = 86_400_000;
const ZONE = 'Europe/London';

/** The local date-time `days` from now at `time` in ZONE, as the form sends it. */
const localIn = (days: number, time: string) =>
  `${localOf(new Date(Date.now() + days * DAY), ZONE).slice(0, 10)}T${time}`;

async function as<T>(
  services: Services,
  organisationId: string,
  personId: string,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const [p] = await services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select({ email: people.email, name: people.name, roles: people.roles })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.id, personId))),
  );
  const viewer = {
    organisationId,
    personId,
    sessionId: 'demo',
    roles: p!.roles as Role[],
    email: p!.email,
    name: p!.name,
  };
  return asViewer(services, viewer, work);
}

export async function seedDemoCheckIns(
  services: Services,
  organisationId: string,
  seated: DemoPerson[],
): Promise<void> {
  const id = (name: string) => {
    const person = seated.find((p) => p.name === name);
    if (!person) throw new Error(`demo person missing: ${name}`);
    return person.id;
  };
  const sam = id('Sam Taylor');
  const arjun = id('Arjun Patel');
  const rachel = id('Rachel Kim');
  const mateo = id('Mateo Rossi');

  // Two weeks ago: scheduled then (its invitation went out), held, and completed. The past cannot
  // be scheduled through the API, so the row is written as Sam and the invitation sent as it was.
  // 10:00 London time two weeks ago, as people hold them.
  const heldAt = instantOf(localIn(-14, '10:00'), ZONE)!;
  await as(services, organisationId, sam, async (scope) => {
    const { agenda } = await checkInProposal(scope, undefined);
    const sharedWithArjun = agenda.filter((a) => a.sharedWith.manager).map((a) => a.experimentId);
    const [row] = await scope.tx
      .insert(checkIns)
      .values({
        organisationId,
        ownerId: sam,
        counterpartId: arjun,
        relation: 'manager',
        title: 'Fortnightly check-in: Sam and Arjun',
        startsAt: heldAt,
        durationMinutes: 30,
        timeZone: ZONE,
        place: 'Arjun’s office, 3rd floor',
        agenda: (await agendaSnapshot(scope, sharedWithArjun)) ?? [],
        learned: 'Sharing an idea early gets it heard, even half-formed. Being parked is not being rejected.',
        status: 'completed',
        completedAt: new Date(heldAt.getTime() + 35 * 60_000),
        createdAt: new Date(Date.now() - 20 * DAY),
      })
      .returning();
    await sendInvitations(scope, row!, 'scheduled');
    await writeNotes(scope, {
      id: row!.id,
      notes:
        'The pricing idea was parked at first, then Mei picked it up for next quarter.\nNext: write ideas up before planning.',
      version: 0,
    });
    const pitch = await addAction(scope, {
      id: row!.id,
      title: 'Write a one-page pitch before each planning',
    });
    // It became an experiment in Sam's first focus area, through the plan's own function.
    const { current } = await myPlans(scope);
    const focusId = (await planDetail(scope, current!.id)).focusAreas[0]!.id;
    await actionToExperiment(scope, {
      id: pitch.id,
      focusId,
      experiment: {
        action: 'Write a one-page pitch for my idea before each planning',
        situation: 'The day before sprint planning',
        frequency: 'Every planning',
        signal: 'The idea is discussed on its merits, not on how I said it',
        startsOn: dayIn(-13),
        reviewOn: dayIn(30),
        status: 'running',
      },
    });
    return row!.id;
  }).then((heldId) =>
    // Arjun's part: a task for himself, done since.
    as(services, organisationId, arjun, async (scope) => {
      const intro = await addAction(scope, {
        id: heldId,
        title: 'Introduce Sam to the pricing product manager',
      });
      await setActionDone(scope, { id: intro.id, done: true });
    }),
  );

  // The next one, in six days, scheduled through the API's own code: the agenda holds what Sam
  // shares with Arjun and is due.
  await as(services, organisationId, sam, async (scope) => {
    const { agenda } = await checkInProposal(scope, undefined);
    await scheduleCheckIn(scope, {
      withPersonId: arjun,
      title: 'Fortnightly check-in: Sam and Arjun',
      startsAt: localIn(6, '10:00'),
      durationMinutes: 30,
      timeZone: ZONE,
      place: 'Arjun’s office, 3rd floor',
      videoUrl: null,
      agendaExperimentIds: agenda.filter((a) => a.sharedWith.manager).map((a) => a.experimentId),
      learned: 'The pitch helps: two ideas discussed this sprint.',
    });
  });

  // Mateo and his coach Rachel: a video call, moved once (so its invitation is at SEQUENCE 1).
  await as(services, organisationId, mateo, async (scope) => {
    const scheduled = await scheduleCheckIn(scope, {
      withPersonId: rachel,
      title: 'Coaching session: Mateo and Rachel',
      startsAt: localIn(2, '16:00'),
      durationMinutes: 60,
      timeZone: ZONE,
      place: null,
      videoUrl: 'https://meet.example/mateo-rachel',
      agendaExperimentIds: [],
      learned: '',
    });
    await rescheduleCheckIn(scope, {
      id: scheduled.id,
      startsAt: localIn(3, '16:30'),
      durationMinutes: 60,
      timeZone: ZONE,
    });
  });
}

const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
