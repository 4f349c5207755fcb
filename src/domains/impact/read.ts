// What an impact report is computed from, for one organisation, in a handful of set-based
// statements (no query per person): the programmes, each enrolled person's latest submitted
// self-assessment before and after the baseline cutoff, the building blocks from the cohort read,
// the organisation's alpha and SD per capability, and the atoms of earlier reports. Runs as the
// system inside the refresh (report.ts): the cohort read and other people's assessments are not
// the admin's to read row by row; only released figures leave (figures.ts).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { yieldToRequests } from '../../platform/threads/event-loop.ts';
import { scoreProfile } from '../assessments/profile.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../framework/definition.ts';
import { currentVersion, publishedVersion } from '../framework/service.ts';
import { readCohort } from '../programmes/cohort-read.ts';
import { blocksInPlace, JOURNEY_BLOCKS } from '../programmes/funnel.ts';
import { scaleStatistics } from '../progress/measured-change.ts';
import { selfScaleEstimates } from '../progress/self-series.ts';
import type { ImpactCapability, ImpactPerson, ProgrammeInput } from './figures.ts';

/**
 * The baseline cutoff: the end of the programme's start date plus this many days. A programme's own
 * first step is a self-assessment launched on the start date (templates.ts: day 0; the plan comes
 * at day 28), so "at or before the start" taken literally would call that baseline an "after".
 * Two weeks gives the invited people time to answer before any programme activity of substance.
 */
export const BASELINE_GRACE_DAYS = 14;

/** The instant from which an assessment counts as "after" (the SQL below computes the same). */
export function baselineCutoff(startsOn: string): Date {
  return new Date(Date.parse(`${startsOn}T00:00:00Z`) + (BASELINE_GRACE_DAYS + 1) * 86_400_000);
}

const programmeRow = z.object({
  id: col.text,
  name: col.text,
  startsOn: col.text,
  endsOn: col.text,
});

const measurementRow = z.object({
  programmeId: col.text,
  personId: col.text,
  after: z.boolean(),
  versionId: col.text,
  answers: z.record(z.string(), z.number().nullable()),
});

export interface ImpactInputs {
  programmes: ProgrammeInput[];
  capabilities: ImpactCapability[];
}

export async function readImpactInputs(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
  now: Date,
): Promise<ImpactInputs> {
  const org = organisationId;
  const programmes = await queryRows(
    tx,
    sql`SELECT id::text AS id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
          FROM programmes WHERE organisation_id = ${org}
         ORDER BY starts_on DESC, name, id`,
    programmeRow,
  );
  const version = await currentVersion(tx, kind, org);
  // Capabilities only: a derailer's score is how often an old behaviour shows (lower is better),
  // which a forest plot of "change" beside a training benchmark would read backwards.
  const definition = version.definition;
  const asked = selfAssessedCapabilities(definition).filter((c) => !c.derailer);
  const estimates = await selfScaleEstimates(
    { tx, organisationId: org },
    asked.map((capability) => ({
      capability,
      points: responseScaleOf(definition, capability).labels.length,
    })),
  );
  const capabilities: ImpactCapability[] = asked.map((capability) => {
    const points = responseScaleOf(definition, capability).labels.length;
    return {
      key: capability.key,
      name: capability.name,
      statistics: scaleStatistics(estimates.get(capability.key)!, { min: 1, max: points }),
    };
  });
  if (!programmes.length) return { programmes: [], capabilities };

  // Per enrolled person and programme: the latest submitted assessment at or before the cutoff and
  // the latest after it — one statement for every programme (the (organisation, person,
  // submitted_at) index serves each person's lookup).
  const measurements = await queryRows(
    tx,
    sql`SELECT DISTINCT ON (e.programme_id, e.person_id, phase.after)
               e.programme_id::text AS "programmeId", e.person_id::text AS "personId", phase.after,
               a.version_id::text AS "versionId", a.answers
          FROM programme_enrolments e
          JOIN programmes p ON p.organisation_id = e.organisation_id AND p.id = e.programme_id
          JOIN assessments a ON a.organisation_id = e.organisation_id AND a.person_id = e.person_id
                            AND a.status = 'submitted'
         CROSS JOIN LATERAL (SELECT a.submitted_at >=
                 ((p.starts_on + ${BASELINE_GRACE_DAYS + 1}::int)::timestamp AT TIME ZONE 'UTC') AS after) phase
         WHERE e.organisation_id = ${org} AND e.left_at IS NULL
         ORDER BY e.programme_id, e.person_id, phase.after, a.submitted_at DESC, a.id DESC`,
    measurementRow,
  );
  const scored = new Map<
    string,
    { before: Map<string, number | null> | null; after: Map<string, number | null> | null }
  >();
  for (const [k, m] of measurements.entries()) {
    if (k % 500 === 499) await yieldToRequests();
    const versionOf = await publishedVersion(tx, kind, org, m.versionId);
    const profile = scoreProfile(versionOf.definition, new Map(Object.entries(m.answers)), null);
    const scores = new Map(profile.capabilities.map((c) => [c.key, c.score] as const));
    const key = `${m.programmeId}:${m.personId}`;
    const entry = scored.get(key) ?? { before: null, after: null };
    if (m.after) entry.after = scores;
    else entry.before = scores;
    scored.set(key, entry);
  }

  const inputs: ProgrammeInput[] = [];
  for (const programme of programmes) {
    const cohort = await readCohort(tx, org, programme);
    const people: ImpactPerson[] = cohort.map((p) => {
      const blocks = blocksInPlace(p, now);
      const entry = scored.get(`${programme.id}:${p.personId}`);
      return {
        personId: p.personId,
        allBlocks: JOURNEY_BLOCKS.every((b) => blocks.has(b)),
        before: entry?.before ?? null,
        after: entry?.after ?? null,
      };
    });
    inputs.push({ ...programme, people });
  }
  return { programmes: inputs, capabilities };
}
