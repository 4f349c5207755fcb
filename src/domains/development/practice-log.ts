// The quick practice log: "did it / how it went / a note", the most frequent write of a plan
// (target ≥ 1,000/s at 32 connections on PostgreSQL). Like a rater's submit (docs/decisions/0008)
// it is ONE statement in one round trip, run as the viewer so row-level security applies: an
// INSERT … SELECT from the experiment that writes only when the viewer owns it, it is planned or
// running, and its plan is active. Nothing is checked afterwards, so nothing needs rolling back;
// when it writes nothing, a second look says why (404, or 409 for an experiment no longer running).
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { col } from '../../platform/db/rows.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { asViewer } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { experimentNotFound, readableExperiment } from './access.ts';
import type { PracticeCreate, PracticeEntry, PracticeList } from './contracts.ts';
import { planExperiments, planPracticeLogs } from './schema.ts';

const entryRow = z.object({
  id: z.string(),
  experimentId: z.string(),
  loggedAt: col.timestamp,
  didIt: z.boolean(),
  outcome: z.coerce.number().nullable(),
  note: z.string().nullable(),
});

const entry = (r: z.output<typeof entryRow>): PracticeEntry => ({ ...r, loggedAt: r.loggedAt.toISOString() });

export async function logPractice(
  services: Services,
  viewer: Viewer,
  { id, ...input }: PracticeCreate & { id: string },
): Promise<PracticeEntry> {
  const org = viewer.organisationId;
  const note = input.note ? input.note : null;
  const rows = await services.db.statementInOrganisation(
    org,
    sql`INSERT INTO plan_practice_logs (organisation_id, experiment_id, owner_id, did_it, outcome, note)
        SELECT e.organisation_id, e.id, e.owner_id, ${input.didIt}::boolean, ${input.outcome ?? null}::smallint, ${note}::text
          FROM plan_experiments e
          JOIN plan_focus_areas f ON f.organisation_id = e.organisation_id AND f.id = e.focus_id
          JOIN development_plans p ON p.organisation_id = f.organisation_id AND p.id = f.plan_id
         WHERE e.organisation_id = ${org} AND e.id = ${id} AND e.owner_id = ${viewer.personId}
           AND e.status IN ('planned', 'running') AND p.status = 'active'
        RETURNING id, experiment_id AS "experimentId", logged_at AS "loggedAt", did_it AS "didIt", outcome, note`,
    entryRow,
    viewer.personId,
    // Planning it (row-level security on three tables) cost more than running it: prepared once
    // per connection, as the home page's read (docs/decisions/0008).
    { prepared: 'log_practice' },
  );
  if (rows[0]) return entry(rows[0]);
  throw await whyNotLogged(services, viewer, id);
}

/** After a write that matched nothing: unknown (or not the viewer's) → 404; else no longer open → 409. */
async function whyNotLogged(services: Services, viewer: Viewer, id: string) {
  const [own] = await asViewer(services, viewer, (scope) =>
    scope.tx
      .select({ status: planExperiments.status })
      .from(planExperiments)
      .where(
        and(
          eq(planExperiments.organisationId, scope.organisationId),
          eq(planExperiments.id, id),
          eq(planExperiments.ownerId, viewer.personId),
        ),
      ),
  );
  if (!own) return experimentNotFound();
  return conflict(
    `practice is logged on a planned or running experiment of an active plan; this one is ${own.status}`,
  );
}

/** Practice entries of an experiment the viewer may read, newest first. */
export async function listPractice(scope: TenantScope, id: string): Promise<PracticeList> {
  await readableExperiment(scope, id);
  const rows = await scope.tx
    .select({
      id: planPracticeLogs.id,
      experimentId: planPracticeLogs.experimentId,
      loggedAt: planPracticeLogs.loggedAt,
      didIt: planPracticeLogs.didIt,
      outcome: planPracticeLogs.outcome,
      note: planPracticeLogs.note,
    })
    .from(planPracticeLogs)
    .where(
      and(eq(planPracticeLogs.organisationId, scope.organisationId), eq(planPracticeLogs.experimentId, id)),
    )
    .orderBy(desc(planPracticeLogs.loggedAt), desc(planPracticeLogs.id))
    .limit(500);
  return { entries: rows.map((r) => ({ ...r, loggedAt: r.loggedAt.toISOString() })) };
}
