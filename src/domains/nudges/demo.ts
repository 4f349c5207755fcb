// Demo digest choices: people in several time zones and frequencies, one who turned the digest off,
// and this week's digest already sent to the demo participant (Sam Taylor) and his manager, so the
// admin outbox shows what a digest looks like, with its List-Unsubscribe headers. Everyone else has
// the defaults (weekly, Monday 08:00 UTC) and gets theirs from the scheduler.
import type { DemoPerson } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import { savePreferences } from './preferences.ts';
import { type DigestSchedule, latestTarget } from './schedule.ts';
import { readRecipients, sendDigest } from './send-digest.ts';

const CHOICES: [name: string, choice: DigestSchedule, sendNow: boolean][] = [
  [
    'Sam Taylor',
    {
      frequency: 'weekly',
      weekday: 1,
      hour: 8,
      timeZone: 'Europe/London',
      quietHours: { start: 21, end: 7 },
    },
    true,
  ],
  [
    'Arjun Patel',
    {
      frequency: 'fortnightly',
      weekday: 4,
      hour: 16,
      timeZone: 'Asia/Kolkata',
      quietHours: { start: 22, end: 6 },
    },
    true,
  ],
  [
    'Amara Okafor',
    { frequency: 'weekly', weekday: 5, hour: 15, timeZone: 'America/New_York', quietHours: null },
    false,
  ],
  [
    'Rachel Kim',
    { frequency: 'off', weekday: 1, hour: 9, timeZone: 'Europe/Berlin', quietHours: null },
    false,
  ],
];

export async function seedDemoNudges(services: Services, organisationId: string, people: DemoPerson[]) {
  const idOf = new Map(people.map((p) => [p.name, p.id]));
  const chosen = CHOICES.filter(([name]) => idOf.has(name));
  await services.db.inOrganisation(organisationId, async (tx) => {
    for (const [name, choice] of chosen) await savePreferences(tx, organisationId, idOf.get(name)!, choice);
  });
  const now = services.clock();
  const sendTo = chosen.filter(([, , sendNow]) => sendNow).map(([name]) => idOf.get(name)!);
  // Sent for the period of their latest target, as the scheduler would have: it then skips it.
  for (const r of await readRecipients(services, organisationId, { personIds: sendTo })) {
    if (r.schedule.frequency === 'off') continue;
    const { period, local } = latestTarget({ ...r.schedule, frequency: r.schedule.frequency }, now);
    await sendDigest(services, r, period, local.date, now);
  }
}
