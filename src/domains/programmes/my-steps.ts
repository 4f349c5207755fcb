// A participant's launched programme steps, latest step date first (steps launched together, say
// after downtime, keep their order): the first is their next programme step.
// Programmes they left do not ask anything of them any more.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { STEP_KINDS } from './constants.ts';
import { STEP_HREF } from './launch.ts';

export async function mySteps(scope: TenantScope) {
  const rows = await queryRows(
    scope.tx,
    sql`SELECT p.id::text AS "programmeId", p.name AS "programmeName", s.id::text AS "stepId",
               s.kind, s.title, s.description, l.launched_at AS "launchedAt"
          FROM programme_launches l
          JOIN programme_enrolments e
            ON e.organisation_id = l.organisation_id AND e.programme_id = l.programme_id
           AND e.person_id = l.person_id AND e.left_at IS NULL
          JOIN programme_steps s ON s.organisation_id = l.organisation_id AND s.id = l.step_id
          JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
         WHERE l.organisation_id = ${scope.organisationId} AND l.person_id = ${scope.viewer.personId}
         ORDER BY p.starts_on + s.offset_days DESC, l.launched_at DESC, s.position DESC
         LIMIT 50`,
    z.object({
      programmeId: col.text,
      programmeName: z.string(),
      stepId: col.text,
      kind: z.enum(STEP_KINDS),
      title: z.string(),
      description: z.string(),
      launchedAt: col.timestamp,
    }),
  );
  return rows.map((r) => ({ ...r, launchedAt: r.launchedAt.toISOString(), href: STEP_HREF[r.kind] }));
}
