// The demo's team climate: the schedule on (quarterly), and two rounds that closed long ago, sent
// to everyone with a manager, so leaders see results and a trend. Most people answered; a team
// whose members with a manager are fewer than the minimum (the Executive Office) shows as
// "not enough responses". Answers are made up per leader, seeded so the demo is the same each time,
// with Arjun Patel's team (Sam's) improving on growth between the rounds.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { closeRound } from './close.ts';
import { CLIMATE_SCALE_MAX, INTERVAL_WEEKS_SUGGESTED } from './constants.ts';
import { CURRENT_INSTRUMENT } from './instrument.ts';
import { createRound } from './launch.ts';
import { climateSettings } from './schema.ts';

const DAY = 86_400_000;
/** When each demo round was sent, in days before seeding. */
const ROUNDS = [126, 35];
const ANSWER_RATE = 0.85;

export async function seedDemoClimate(services: Services, organisationId: string): Promise<void> {
  const random = seededRandom(2022);
  const normal = normalFrom(random);
  await services.db.inOrganisation(organisationId, (tx) =>
    tx
      .insert(climateSettings)
      .values({ organisationId, intervalWeeks: INTERVAL_WEEKS_SUGGESTED, windowDays: 14 }),
  );
  const [arjun] = await services.db.inOrganisation(organisationId, (tx) =>
    queryRows(
      tx,
      sql`SELECT id FROM people WHERE organisation_id = ${organisationId} AND email LIKE 'arjun.patel@%'`,
      z.object({ id: z.string() }),
    ),
  );
  const leaderLevel = new Map<string, number>();
  for (const [round, daysAgo] of ROUNDS.entries()) {
    await inOrganisationScope(services, organisationId, async (scope) => {
      const sentAt = new Date(scope.now().getTime() - daysAgo * DAY);
      const created = await createRound({ ...scope, now: () => sentAt }, `demo:${round + 1}`);
      if (!created) return;
      const { tx } = scope;
      // In a fixed order (created.respondents is by random id), so the demo is the same every time.
      const byEmail = [...created.respondents].sort((a, b) => a.email.localeCompare(b.email));
      const answered = byEmail.filter(() => random() < ANSWER_RATE);
      if (answered.length) {
        await tx.execute(sql`
          UPDATE climate_invitations SET status = 'submitted'
           WHERE organisation_id = ${organisationId} AND round_id = ${created.roundId}
             AND respondent_id IN (${sql.join(
               answered.map((r) => sql`${r.id}::uuid`),
               sql`, `,
             )})`);
        const rows = answered.map((r) => {
          const level = leaderLevel.get(r.leaderId) ?? 3.2 + random() * 1.2;
          leaderLevel.set(r.leaderId, level);
          const answers = Object.fromEntries(
            CURRENT_INSTRUMENT.items.map((item) => {
              const lift = r.leaderId === arjun?.id && item.factor === 'growth' ? round * 0.9 : 0;
              const value = Math.round(level + lift + normal() * 0.7);
              return [item.key, Math.min(CLIMATE_SCALE_MAX, Math.max(1, value))];
            }),
          );
          return sql`(${organisationId}::uuid, ${created.roundId}::uuid, ${r.leaderId}::uuid, ${r.teamId}::uuid, ${JSON.stringify(answers)}::jsonb)`;
        });
        await tx.execute(sql`
          INSERT INTO climate_responses (organisation_id, round_id, leader_id, team_id, answers)
          VALUES ${sql.join(rows, sql`, `)}`);
      }
      await closeRound(tx, organisationId, created.roundId);
      // Closed when its window ended, not now.
      await tx.execute(sql`
        UPDATE climate_rounds SET closed_at = deadline
         WHERE organisation_id = ${organisationId} AND id = ${created.roundId}`);
    });
  }
}
