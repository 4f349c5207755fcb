// Submitted self-assessments as the submit path stores them (src/domains/assessments/service.ts):
// status 'submitted', every asked item answered (null for "can't say"), the person's career stage
// at submission, started some minutes before. Scores are not stored; the profile computes them
// from the answers on read. A few people have one in progress, part answered.
import { assessments } from '../../domains/assessments/schema.ts';
import { insertInChunks } from './bulk.ts';
import { at, growthAt, type SeedContext } from './context.ts';
import { answersJson, rate } from './model.ts';

const CHUNK_PEOPLE = 5_000;

export async function seedAssessments(ctx: SeedContext): Promise<number> {
  const { org, model, levels, random, normal, organisationId } = ctx;
  let written = 0;
  for (let start = 0; start < org.people.length; start += CHUNK_PEOPLE) {
    const rows: (typeof assessments.$inferInsert)[] = [];
    for (let p = start; p < Math.min(org.people.length, start + CHUNK_PEOPLE); p++) {
      const person = org.people[p]!;
      const t = ctx.timelines[p]!;
      for (const daysAgo of t.assessments) {
        const compact = rate(
          model,
          levels,
          p,
          { growth: growthAt(ctx, p, daysAgo), lean: 0.45, raterEffect: 0, cantSayRate: 0.02, noise: 1 },
          random,
          normal,
        );
        const id = ctx.ids();
        ctx.selfRatings[p]!.push({ id, daysAgo, compact });
        const submittedAt = at(ctx, daysAgo);
        rows.push({
          organisationId,
          id,
          personId: person.id,
          versionId: ctx.versionId,
          status: 'submitted',
          answers: answersJson(model, compact),
          careerStageId: ctx.stageIds[person.seniority]!,
          startedAt: at(ctx, daysAgo, -(12 + Math.floor(random() * 30))),
          updatedAt: submittedAt,
          submittedAt,
        });
      }
      if (t.openAssessment) {
        const compact = rate(
          model,
          levels,
          p,
          { growth: null, lean: 0.45, raterEffect: 0, cantSayRate: 0.02, noise: 1 },
          random,
          normal,
        );
        const answered = Math.floor(random() * model.items.length * 0.8);
        const partial = Object.fromEntries(Object.entries(answersJson(model, compact)).slice(0, answered));
        const updatedAt = at(ctx, 1 + Math.floor(random() * 20));
        rows.push({
          organisationId,
          id: ctx.ids(),
          personId: person.id,
          versionId: ctx.versionId,
          status: 'open',
          answers: partial,
          careerStageId: null,
          startedAt: new Date(updatedAt.getTime() - 20 * 60_000),
          updatedAt,
          submittedAt: null,
        });
      }
    }
    written += await insertInChunks(ctx.db, assessments, rows);
  }
  return written;
}
