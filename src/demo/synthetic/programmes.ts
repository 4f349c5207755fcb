// Programmes and team climate. Programmes come from the templates (insertProgramme, as the admin
// page creates them), with their members enrolled by stage a week before the start and each step
// whose date has passed recorded as launched (as the programmes demo does: the 360s, plans and
// pulses themselves are seeded by their own steps). Climate rounds every quarter over the year
// go through the real createRound (snapshot and invitations) and closeRound (frozen results, the
// step from the round before), with about 70 % answering; teams whose leader is in a programme
// warm up after the leader's plan starts, so trends have something to show.
import { sql } from 'drizzle-orm';
import { closeRound } from '../../domains/climate/close.ts';
import { CLIMATE_SCALE_MAX } from '../../domains/climate/constants.ts';
import { CURRENT_INSTRUMENT } from '../../domains/climate/instrument.ts';
import { createRound } from '../../domains/climate/launch.ts';
import { climateResponses, climateSettings } from '../../domains/climate/schema.ts';
import { addDays, today } from '../../domains/programmes/dates.ts';
import { insertProgramme } from '../../domains/programmes/programmes.ts';
import { programmeEnrolments } from '../../domains/programmes/schema.ts';
import { templateOf } from '../../domains/programmes/templates.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { insertInChunks } from './bulk.ts';
import { at, type SeedContext } from './context.ts';
import { programmeSpecs } from './timeline.ts';

/** Days before now when each climate round was sent: quarterly, the schedule the demo suggests. */
const CLIMATE_ROUNDS = [330, 240, 150, 60];
const ANSWER_RATE = 0.7;

export async function seedProgrammes(ctx: SeedContext, services: Services) {
  const { org, organisationId } = ctx;
  const specs = programmeSpecs(org.people.length);
  const admin = org.people[org.adminIndex]!.id;
  let enrolments = 0;
  for (const [index, spec] of specs.entries()) {
    const startsOn = today(at(ctx, spec.startsDaysAgo));
    const programmeId = await inOrganisationScope(services, organisationId, (scope) =>
      insertProgramme(
        { ...scope, now: () => new Date(ctx.now) },
        {
          template: spec.template,
          name: spec.name,
          startsOn,
          endsOn: addDays(startsOn, templateOf(spec.template).durationDays),
          stageIds: spec.seniorities.map((s) => ctx.stageIds[s]!),
          createdById: admin,
        },
      ),
    );
    const members = org.people.filter((_, p) => ctx.timelines[p]!.programme === index);
    enrolments += await insertInChunks(
      ctx.db,
      programmeEnrolments,
      members.map((m) => ({
        organisationId,
        programmeId,
        personId: m.id,
        source: 'stage' as const,
        enrolledAt: at(ctx, spec.startsDaysAgo + 7),
      })),
    );
    await ctx.db.asSystem((tx) =>
      tx.execute(sql`
        INSERT INTO programme_launches (organisation_id, step_id, person_id, programme_id, launched_at)
        SELECT s.organisation_id, s.id, e.person_id, s.programme_id, (p.starts_on + s.offset_days)::timestamptz
          FROM programme_steps s
          JOIN programmes p ON p.organisation_id = s.organisation_id AND p.id = s.programme_id
          JOIN programme_enrolments e ON e.organisation_id = s.organisation_id AND e.programme_id = s.programme_id
         WHERE s.organisation_id = ${organisationId} AND s.programme_id = ${programmeId}
           AND p.starts_on + s.offset_days <= ${today(new Date(ctx.now))}::date`),
    );
  }
  return { programmes: specs.length, enrolments };
}

export async function seedClimate(ctx: SeedContext, services: Services) {
  const { org, organisationId, random, normal } = ctx;
  await ctx.db.asSystem((tx) =>
    tx.insert(climateSettings).values({ organisationId, intervalWeeks: 13, windowDays: 14 }),
  );
  const indexOf = new Map(org.people.map((p) => [p.id, p.index]));
  const leaderLevel = new Float32Array(org.people.length).map(() => 3.1 + random() * 1.3);
  let responses = 0;
  for (const [round, daysAgo] of CLIMATE_ROUNDS.entries()) {
    const sentAt = at(ctx, daysAgo);
    const created = await inOrganisationScope(services, organisationId, (scope) =>
      createRound({ ...scope, now: () => sentAt }, `synthetic:${round + 1}`),
    );
    if (!created) continue;
    const answered = created.respondents.filter(() => random() < ANSWER_RATE);
    const rows = answered.map((r) => {
      const leader = indexOf.get(r.leaderId)!;
      const plan = ctx.timelines[leader]!.plan;
      const lift = plan !== null && plan > daysAgo && ctx.timelines[leader]!.programme !== null ? 0.6 : 0;
      const answers = Object.fromEntries(
        CURRENT_INSTRUMENT.items.map((item) => {
          const value = Math.round(leaderLevel[leader]! + lift + normal() * 0.7);
          return [item.key, Math.min(CLIMATE_SCALE_MAX, Math.max(1, value))];
        }),
      );
      return { organisationId, roundId: created.roundId, leaderId: r.leaderId, teamId: r.teamId, answers };
    });
    responses += await insertInChunks(ctx.db, climateResponses, rows);
    const submitted = JSON.stringify(answered.map((r) => r.id));
    await ctx.db.asSystem(async (tx) => {
      await tx.execute(sql`
        UPDATE climate_invitations SET status = 'submitted'
         WHERE organisation_id = ${organisationId} AND round_id = ${created.roundId}
           AND respondent_id IN (SELECT jsonb_array_elements_text(${submitted}::jsonb)::uuid)`);
    });
    await ctx.db.inOrganisation(organisationId, async (tx) => {
      await closeRound(tx, organisationId, created.roundId);
      // Closed when its window ended, not now.
      await tx.execute(sql`
        UPDATE climate_rounds SET closed_at = deadline
         WHERE organisation_id = ${organisationId} AND id = ${created.roundId}`);
    });
  }
  return { rounds: CLIMATE_ROUNDS.length, responses };
}
