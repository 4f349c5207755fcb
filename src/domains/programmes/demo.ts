// Demo programmes at three points of their life (issue 11 item 7): early career about to start,
// first-time managers half-way, and senior leaders ended with alumni. The steps of the past are
// recorded as launched (programme_launches) without re-enacting them: the demo's 360s, plans and
// emails are seeded by their own domains, and a burst of invitations in the outbox would hide them.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { DemoPerson } from '../../platform/module.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import type { TemplateKey } from './constants.ts';
import { addDays, today } from './dates.ts';
import { insertProgramme } from './programmes.ts';
import { programmeEnrolments } from './schema.ts';

const PLANS: { template: TemplateKey; name: string; startInDays: number; seniority: number[] }[] = [
  { template: 'early-career', name: 'Leading yourself — spring cohort', startInDays: 5, seniority: [0] },
  { template: 'first-time-managers', name: 'First-time managers 2026', startInDays: -70, seniority: [1, 2] },
  { template: 'senior-leaders', name: 'Senior leaders 2025', startInDays: -220, seniority: [3, 4] },
];

export async function seedDemoProgrammes(services: Services, organisationId: string, people: DemoPerson[]) {
  await inOrganisationScope(services, organisationId, async (scope) => {
    const [admin] = await queryRows(
      scope.tx,
      sql`SELECT id::text AS id FROM people WHERE organisation_id = ${organisationId}
           AND 'admin' = ANY(roles) ORDER BY created_at, id LIMIT 1`,
      z.object({ id: col.text }),
    );
    if (!admin) return;
    const now = scope.now();
    for (const plan of PLANS) {
      const startsOn = addDays(today(now), plan.startInDays);
      const cohort = people.filter((p) => plan.seniority.includes(p.seniority));
      const programmeId = await insertProgramme(scope, {
        template: plan.template,
        name: plan.name,
        startsOn,
        endsOn: addDays(startsOn, 180),
        stageIds: [...new Set(cohort.map((p) => p.careerStageId))],
        createdById: admin.id,
      });
      if (cohort.length === 0) continue;
      const enrolledAt = new Date(Date.parse(`${startsOn}T09:00:00Z`) - 7 * 86_400_000);
      await scope.tx.insert(programmeEnrolments).values(
        cohort.map((p) => ({
          organisationId,
          programmeId,
          personId: p.id,
          source: 'stage' as const,
          enrolledAt,
        })),
      );
      await scope.tx.execute(sql`
        INSERT INTO programme_launches (organisation_id, step_id, person_id, programme_id, launched_at)
        SELECT s.organisation_id, s.id, e.person_id, s.programme_id, (p.starts_on + s.offset_days)::timestamptz
          FROM programme_steps s
          JOIN programmes p ON p.organisation_id = s.organisation_id AND p.id = s.programme_id
          JOIN programme_enrolments e ON e.organisation_id = s.organisation_id AND e.programme_id = s.programme_id
         WHERE s.organisation_id = ${organisationId} AND s.programme_id = ${programmeId}
           AND p.starts_on + s.offset_days <= ${today(now)}::date`);
    }
  });
}
