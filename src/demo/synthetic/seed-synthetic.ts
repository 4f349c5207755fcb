// `lodestar seed --synthetic N`: a realistic organisation of N people with a year of activity, for
// trying the analytics at scale and for benchmarks. Everything comes from one fixed seed, so the
// same N gives the same people, answers and dates (relative to now) every time. The organisation
// is created as the demo is (createOrganisation: stages, framework, expected balance), then each
// table is filled in bulk (ADR 0030): multi-row INSERTs in chunks, one system transaction per
// chunk, never a per-person service call. Rows are what the real write paths leave behind.
import { eq } from 'drizzle-orm';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import { loadSettings } from '../../domains/feedback/settings.ts';
import { currentVersion } from '../../domains/framework/service.ts';
import { hashPassword } from '../../identity/auth/password.ts';
import { listCareerStages } from '../../identity/organisations/service.ts';
import { createOrganisation } from '../../modules.ts';
import type { Services } from '../../platform/services.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { DEMO_PASSWORD } from '../seed-demo.ts';
import { seedAssessments } from './assessments.ts';
import { seededUuid } from './bulk.ts';
import type { SeedContext } from './context.ts';
import { focusOf, seedDevelopment } from './development.ts';
import { seedFeedback } from './feedback.ts';
import { answerModel, personLevels } from './model.ts';
import type { SyntheticOptions } from './options.ts';
import { generateOrganisation, insertOrganisation } from './people.ts';
import { seedClimate, seedProgrammes } from './programmes.ts';
import { timelines } from './timeline.ts';

/** The fixed seed: change it and every synthetic organisation changes. */
export const SYNTHETIC_SEED = 20_261_206;

export interface SyntheticResult {
  organisationId: string;
  admin: { email: string; password: string };
  counts: Record<string, number>;
  seconds: number;
}

export async function seedSynthetic(
  services: Services,
  options: SyntheticOptions,
  progress: (step: string) => void = () => {},
): Promise<SyntheticResult> {
  const started = performance.now();
  const { db } = services;
  // Dates are relative to the start of the day, so a re-seed on the same day is identical.
  const now = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 9 * 3_600_000;
  const random = seededRandom(SYNTHETIC_SEED + options.people);
  const idSource = seededRandom(SYNTHETIC_SEED ^ options.people);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisationId = await db.asSystem(async (tx) => {
    await tx.delete(organisations).where(eq(organisations.slug, options.slug));
    return createOrganisation(tx, {
      name: `Synthetic ${options.people.toLocaleString('en')}`,
      slug: options.slug,
    });
  });
  const { stageIds, version, settings } = await db.inOrganisation(organisationId, async (tx) => {
    const stages = await listCareerStages({ tx });
    return {
      stageIds: stages.map((s) => s.id),
      version: await currentVersion(tx, db.kind, organisationId),
      settings: await loadSettings(tx, organisationId),
    };
  });
  const org = generateOrganisation(options.people, options.slug, random, now);
  const model = answerModel(version.definition, random);
  const ctx: SeedContext = {
    db,
    organisationId,
    slug: options.slug,
    now,
    org,
    stageIds,
    versionId: version.id,
    model,
    levels: personLevels(
      model,
      org.people.map((p) => p.seniority),
      random,
    ),
    timelines: timelines(org, random),
    focus: [],
    selfRatings: org.people.map(() => []),
    random,
    normal: normalFrom(random),
    ids: () => seededUuid(idSource),
  };
  ctx.focus = org.people.map((_, p) => (ctx.timelines[p]!.plan === null ? [] : focusOf(ctx, p, random)));

  const counts: Record<string, number> = {};
  progress('people and teams');
  await insertOrganisation(db, organisationId, org, stageIds, passwordHash);
  counts.people = org.people.length;
  counts.teams = org.teams.length;
  progress('self-assessments');
  counts.assessments = await seedAssessments(ctx);
  progress('360 feedback and pulses');
  const feedback = await seedFeedback(ctx, version.definition, settings);
  Object.assign(counts, {
    campaigns: feedback.campaigns,
    pulses: feedback.pulses,
    raters: feedback.raters,
    raterResponses: feedback.responses,
  });
  progress('development plans');
  Object.assign(counts, await seedDevelopment(ctx));
  progress('programmes');
  Object.assign(counts, await seedProgrammes(ctx, services));
  progress('team climate');
  const climate = await seedClimate(ctx, services);
  counts.climateRounds = climate.rounds;
  counts.climateResponses = climate.responses;
  await db.maintain({ afterBulkLoad: true });
  return {
    organisationId,
    admin: { email: org.people[org.adminIndex]!.email, password: DEMO_PASSWORD },
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
