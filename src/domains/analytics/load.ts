// Reading a stored snapshot for a viewer: which month, what the viewer may see (admins the
// organisation, team leaders their own line), and the checked filters. Two indexed reads in the
// viewer's tenant transaction; nothing about people is read or recomputed here (docs/decisions/0027).
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AnalyticsSnapshotDecision } from '../../core/disclosure/index.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import type { AnalyticsQuery } from './contracts.ts';
import type { StoredDecision } from './decide-thread.ts';
import type { Labels } from './labels.ts';
import { analyticsSnapshots } from './schema.ts';

export interface LoadedSnapshot {
  period: string;
  periods: string[];
  decidedAt: Date;
  minimum: number;
  /** The decision as answerQuery takes it; its released sets are never loaded (system-only). */
  decision: AnalyticsSnapshotDecision;
  labels: Labels;
  scope: 'organisation' | 'line';
  /** The teams the viewer may pick: every team, or the subtrees of the teams they lead. */
  visibleTeams: ReadonlySet<string>;
  /** Tops of the viewer's line (leaders); empty for an admin (the organisation). */
  lineRoots: string[];
}

/**
 * Parsed decisions by organisation, month and version. A version never changes once stored (a new
 * decision is a new version), so entries are immutable; at 10,000 people a decision is megabytes
 * of JSON, and reading and parsing it per request cost most of a page's time.
 */
const decisions = new ReadCache<{
  decidedAt: Date;
  minimum: number;
  decision: StoredDecision;
  labels: Labels;
}>(32, { immutable: true });

const forbidden = (message: string, fields?: Record<string, string>) =>
  new ApiError(403, 'forbidden', message, fields);

const bad = (field: string, rule: string) =>
  new ApiError(400, 'invalid_input', `invalid query: ${field}: ${rule}`, { [field]: rule });

function subtree(parentOf: Readonly<Record<string, string | null>>, roots: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of Object.keys(parentOf)) {
    const seen = new Set<string>();
    for (let t: string | null = id; t !== null && !seen.has(t); t = parentOf[t] ?? null) {
      seen.add(t);
      if (roots.includes(t)) {
        out.add(id);
        break;
      }
    }
  }
  return out;
}

/** An admin's visible teams, once per cached decision (18,000 teams at 100,000 people). */
const everyTeams = new WeakMap<object, ReadonlySet<string>>();
function everyTeam(parentOf: Readonly<Record<string, string | null>>): ReadonlySet<string> {
  let teams = everyTeams.get(parentOf);
  if (!teams) {
    teams = new Set(Object.keys(parentOf));
    everyTeams.set(parentOf, teams);
  }
  return teams;
}

/** Whether the viewer is an admin, else the teams they lead; 403 for anyone who is neither. */
export async function viewerReach(scope: TenantScope): Promise<{ admin: boolean; led: string[] }> {
  const { tx, organisationId, viewer } = scope;
  const admin = viewer.roles.includes('admin');
  const led = admin
    ? []
    : (
        await queryRows(
          tx,
          sql`SELECT id::text FROM teams WHERE organisation_id = ${organisationId} AND leader_id = ${viewer.personId}`,
          z.object({ id: col.text }),
        )
      ).map((r) => r.id);
  if (!admin && led.length === 0) throw forbidden('analytics are for admins and team leaders');
  return { admin, led };
}

/** The snapshot of `query.period` (or the latest) as the viewer may see it, with its filters checked. */
export async function loadSnapshot(scope: TenantScope, query: AnalyticsQuery): Promise<LoadedSnapshot> {
  const { tx, organisationId } = scope;
  const { admin, led } = await viewerReach(scope);
  const versions = await tx
    .select({ period: analyticsSnapshots.period, version: analyticsSnapshots.version })
    .from(analyticsSnapshots)
    .where(eq(analyticsSnapshots.organisationId, organisationId))
    .orderBy(desc(analyticsSnapshots.period));
  const periods = versions.map((r) => r.period);
  const period = query.period ?? periods[0];
  if (period === undefined) throw notFound('analytics snapshot (none decided yet)');
  const chosen = versions.find((r) => r.period === period);
  if (!chosen) throw bad('period', `has no decided snapshot; months with one: ${periods.join(', ')}`);
  const row = await decisions.get(
    scope.kind,
    organisationId,
    `${organisationId}:${period}:${chosen.version}`,
    async () => {
      const [stored] = await tx
        .select({
          decidedAt: analyticsSnapshots.decidedAt,
          minimum: analyticsSnapshots.minimum,
          decision: analyticsSnapshots.decision,
          labels: analyticsSnapshots.labels,
        })
        .from(analyticsSnapshots)
        .where(
          and(
            eq(analyticsSnapshots.organisationId, organisationId),
            eq(analyticsSnapshots.period, period),
            eq(analyticsSnapshots.version, chosen.version),
          ),
        );
      return {
        decidedAt: stored!.decidedAt,
        minimum: stored!.minimum,
        decision: stored!.decision as StoredDecision,
        labels: stored!.labels as Labels,
      };
    },
  );
  const decision = { ...row.decision, releasedSets: {} };
  const labels = row.labels;

  const lineRoots = led.filter((id) => Object.hasOwn(decision.parentOf, id));
  const visibleTeams = admin ? everyTeam(decision.parentOf) : subtree(decision.parentOf, lineRoots);
  if (!admin && lineRoots.length === 0)
    throw forbidden('the teams you lead are not in this month’s snapshot');
  if (query.team !== undefined) {
    if (!Object.hasOwn(decision.parentOf, query.team)) throw bad('team', 'is not a team of this snapshot');
    if (!visibleTeams.has(query.team))
      throw forbidden('that team is outside the teams you lead', {
        team: 'must be a team you lead or below it',
      });
  }
  if (query.stage !== undefined && !decision.stages.includes(query.stage))
    throw bad('stage', 'is not a career stage of this snapshot');
  if (query.programme !== undefined && !decision.programmes.includes(query.programme))
    throw bad('programme', 'is not a programme running in this month');
  return {
    period,
    periods,
    decidedAt: row.decidedAt,
    minimum: row.minimum,
    decision,
    labels,
    scope: admin ? 'organisation' : 'line',
    visibleTeams,
    lineRoots,
  };
}
