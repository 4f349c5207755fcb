// Creating a programme from a template and editing all of it (issue 11 item 1). Every rule is
// checked before anything is written, and a request's writes are one transaction: a bad field is a
// 400 naming it, never a partial programme.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { careerStages } from '../../identity/organisations/schema.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { invalid } from '../feedback/campaign-row.ts';
import type { TemplateKey } from './constants.ts';
import type { ProgrammeCreate, ProgrammeDetail, ProgrammeUpdate } from './contracts.ts';
import { addDays, phaseOf } from './dates.ts';
import { programmeStages, programmeSteps, programmes } from './schema.ts';
import { TEMPLATES, templateOf } from './templates.ts';

export const listTemplates = async () => TEMPLATES.map((t) => ({ ...t, steps: [...t.steps] }));

type StepIn = ProgrammeUpdate['steps'][number];

async function checkStages(
  scope: OrganisationScope,
  ids: readonly string[],
  problems: Record<string, string>,
) {
  if (ids.length === 0) return;
  const found = await scope.tx
    .select({ id: careerStages.id })
    .from(careerStages)
    .where(and(eq(careerStages.organisationId, scope.organisationId), inArray(careerStages.id, [...ids])));
  const known = new Set(found.map((s) => s.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) problems[`careerStageIds.${i}`] = 'is not a career stage of this organisation';
    else if (ids.indexOf(id) !== i) problems[`careerStageIds.${i}`] = 'appears twice';
  });
}

function checkDates(
  startsOn: string,
  endsOn: string,
  steps: readonly Pick<StepIn, 'offsetDays'>[],
  problems: Record<string, string>,
) {
  if (endsOn < startsOn) problems.endsOn = 'must be on or after startsOn';
  steps.forEach((s, i) => {
    const date = addDays(startsOn, s.offsetDays);
    if (date > endsOn)
      problems[`steps.${i}.offsetDays`] = `puts the step on ${date}, after the end date ${endsOn}`;
  });
}

/** Writes a programme with its template's steps; the caller has checked the input (also the demo's way in). */
export async function insertProgramme(
  scope: OrganisationScope,
  p: {
    template: TemplateKey;
    name: string;
    startsOn: string;
    endsOn: string;
    stageIds: readonly string[];
    createdById: string;
  },
): Promise<string> {
  const template = templateOf(p.template);
  const { tx, organisationId } = scope;
  const [row] = await tx
    .insert(programmes)
    .values({
      organisationId,
      template: template.key,
      name: p.name,
      description: template.description,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      createdById: p.createdById,
    })
    .returning({ id: programmes.id });
  const programmeId = row!.id;
  if (p.stageIds.length)
    await tx
      .insert(programmeStages)
      .values(p.stageIds.map((careerStageId) => ({ organisationId, programmeId, careerStageId })));
  await tx
    .insert(programmeSteps)
    .values(template.steps.map((s, position) => ({ organisationId, programmeId, position, ...s })));
  return programmeId;
}

export async function createProgramme(scope: TenantScope, input: ProgrammeCreate): Promise<ProgrammeDetail> {
  const template = templateOf(input.template);
  const endsOn = input.endsOn ?? addDays(input.startsOn, template.durationDays);
  const problems: Record<string, string> = {};
  if (endsOn < input.startsOn) problems.endsOn = 'must be on or after startsOn';
  else {
    const last = Math.max(...template.steps.map((s) => s.offsetDays));
    if (addDays(input.startsOn, last) > endsOn)
      problems.endsOn = `must be on or after the template's last step (${addDays(input.startsOn, last)})`;
  }
  let stageIds = input.careerStageIds;
  if (stageIds) await checkStages(scope, stageIds, problems);
  else {
    const rows = await scope.tx
      .select({ id: careerStages.id })
      .from(careerStages)
      .where(
        and(
          eq(careerStages.organisationId, scope.organisationId),
          inArray(careerStages.key, template.stageKeys),
        ),
      );
    stageIds = rows.map((r) => r.id);
  }
  if (Object.keys(problems).length) throw invalid(problems);
  const programmeId = await insertProgramme(scope, {
    template: template.key,
    name: input.name ?? template.name,
    startsOn: input.startsOn,
    endsOn,
    stageIds,
    createdById: scope.viewer.personId,
  });
  return programmeDetail(scope, programmeId);
}

export async function updateProgramme(
  scope: TenantScope,
  programmeId: string,
  input: ProgrammeUpdate,
): Promise<ProgrammeDetail> {
  const { tx, organisationId } = scope;
  const [current] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, programmeId)))
    .for('update');
  if (!current) throw notFound('programme');
  const existing = await queryRows(
    tx,
    sql`SELECT s.id::text AS id, s.kind, s.title,
               EXISTS (SELECT 1 FROM programme_launches l
                        WHERE l.organisation_id = s.organisation_id AND l.step_id = s.id) AS launched
          FROM programme_steps s WHERE s.organisation_id = ${organisationId} AND s.programme_id = ${programmeId}`,
    z.object({ id: col.text, kind: z.string(), title: z.string(), launched: z.boolean() }),
  );
  const byId = new Map(existing.map((s) => [s.id, s]));
  const problems: Record<string, string> = {};
  checkDates(input.startsOn, input.endsOn, input.steps, problems);
  await checkStages(scope, input.careerStageIds, problems);
  const kept = new Set<string>();
  input.steps.forEach((s, i) => {
    if (!s.id) return;
    const old = byId.get(s.id);
    if (!old) problems[`steps.${i}.id`] = 'is not a step of this programme';
    else if (kept.has(s.id)) problems[`steps.${i}.id`] = 'appears twice';
    else if (old.launched && old.kind !== s.kind)
      problems[`steps.${i}.kind`] = 'cannot change: the step has been launched';
    kept.add(s.id);
  });
  const dropped = existing.filter((s) => s.launched && !kept.has(s.id));
  if (dropped.length) problems.steps = `must keep the launched step "${dropped[0]!.title}"`;
  if (Object.keys(problems).length) throw invalid(problems);

  await tx
    .update(programmes)
    .set({
      name: input.name,
      description: input.description,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      updatedAt: scope.now(),
    })
    .where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, programmeId)));
  await tx
    .delete(programmeStages)
    .where(
      and(eq(programmeStages.organisationId, organisationId), eq(programmeStages.programmeId, programmeId)),
    );
  if (input.careerStageIds.length)
    await tx
      .insert(programmeStages)
      .values(input.careerStageIds.map((careerStageId) => ({ organisationId, programmeId, careerStageId })));
  const removed = existing.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (removed.length)
    await tx
      .delete(programmeSteps)
      .where(and(eq(programmeSteps.organisationId, organisationId), inArray(programmeSteps.id, removed)));
  for (const [position, s] of input.steps.entries()) {
    const values = {
      position,
      kind: s.kind,
      title: s.title,
      description: s.description,
      offsetDays: s.offsetDays,
    };
    if (s.id)
      await tx
        .update(programmeSteps)
        .set(values)
        .where(and(eq(programmeSteps.organisationId, organisationId), eq(programmeSteps.id, s.id)));
    else await tx.insert(programmeSteps).values({ organisationId, programmeId, ...values });
  }
  return programmeDetail(scope, programmeId);
}

const summaryRow = z.object({
  id: col.text,
  template: z.string(),
  name: z.string(),
  description: z.string(),
  startsOn: col.text,
  endsOn: col.text,
  enrolled: col.count,
});

function summarySql(organisationId: string, where = sql``) {
  return sql`SELECT p.id::text AS id, p.template, p.name, p.description,
                    p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn",
                    (SELECT count(*)::int FROM programme_enrolments e
                      WHERE e.organisation_id = p.organisation_id AND e.programme_id = p.id
                        AND e.left_at IS NULL) AS enrolled
               FROM programmes p WHERE p.organisation_id = ${organisationId} ${where}
              ORDER BY p.starts_on DESC, p.name, p.id`;
}

export async function listProgrammes(scope: OrganisationScope) {
  const rows = await queryRows(scope.tx, summarySql(scope.organisationId), summaryRow);
  const now = scope.now();
  return rows.map(({ description: _d, ...r }) => ({
    ...r,
    template: r.template as ProgrammeDetail['template'],
    phase: phaseOf(r, now),
  }));
}

export async function programmeDetail(
  scope: OrganisationScope,
  programmeId: string,
): Promise<ProgrammeDetail> {
  const { tx, organisationId } = scope;
  const [p] = await queryRows(tx, summarySql(organisationId, sql`AND p.id = ${programmeId}`), summaryRow);
  if (!p) throw notFound('programme');
  const stages = await queryRows(
    tx,
    sql`SELECT s.id::text AS id, s.key, s.name FROM programme_stages ps
          JOIN career_stages s ON s.organisation_id = ps.organisation_id AND s.id = ps.career_stage_id
         WHERE ps.organisation_id = ${organisationId} AND ps.programme_id = ${programmeId}
         ORDER BY s.position`,
    z.object({ id: col.text, key: z.string(), name: z.string() }),
  );
  const steps = await queryRows(
    tx,
    sql`SELECT s.id::text AS id, s.position, s.kind, s.title, s.description, s.offset_days AS "offsetDays",
               (SELECT count(*)::int FROM programme_launches l
                 WHERE l.organisation_id = s.organisation_id AND l.step_id = s.id) AS launched
          FROM programme_steps s
         WHERE s.organisation_id = ${organisationId} AND s.programme_id = ${programmeId}
         ORDER BY s.position, s.id`,
    z.object({
      id: col.text,
      position: col.count,
      kind: z.string(),
      title: z.string(),
      description: z.string(),
      offsetDays: col.count,
      launched: col.count,
    }),
  );
  const today = scope.now().toISOString().slice(0, 10);
  return {
    ...p,
    template: p.template as ProgrammeDetail['template'],
    phase: phaseOf(p, scope.now()),
    careerStages: stages,
    steps: steps.map((s) => {
      const date = addDays(p.startsOn, s.offsetDays);
      return {
        ...s,
        kind: s.kind as ProgrammeDetail['steps'][number]['kind'],
        date,
        status: date <= today ? ('launched' as const) : ('scheduled' as const),
      };
    }),
  };
}
