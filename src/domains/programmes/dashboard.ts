// The cohort dashboard (issue 11 item 5): counts of enrolled people per building block and per
// funnel status, for the whole programme and per team, and alumni activity once it has ended.
// Served from the programme's frozen snapshot (snapshot.ts, docs/decisions/0023): one indexed read
// as the admin; a refresh decides the counts through disclosure control against every earlier
// release, at most once per SNAPSHOT_PERIOD_MS. A withheld count is null.
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import { asViewer, type OrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { loadSettings } from '../feedback/settings.ts';
import type { CohortDashboard } from './contracts.ts';
import { phaseOf } from './dates.ts';
import { programmeDashboardSnapshots, programmes } from './schema.ts';
import { refreshSnapshot, SNAPSHOT_PERIOD_MS, type SnapshotRow } from './snapshot.ts';

/**
 * The organisation's disclosure minimum: the strictest of its 360 rater-group minimums (feedback's
 * policy), so a count of people is never looser than a 360 figure.
 */
export async function cohortMinimum(
  scope: Pick<OrganisationScope, 'tx' | 'organisationId'>,
): Promise<number> {
  const { policy } = await loadSettings(scope.tx, scope.organisationId);
  return Math.max(...Object.values(policy.minimumByGroup));
}

// Requests that find the snapshot due while a refresh runs in this process wait for that refresh.
const refreshing = new Map<string, Promise<SnapshotRow>>();

/**
 * Two transactions at most: the programme, the minimum and the snapshot as the admin (row-level
 * security); then, when the snapshot is due, the refresh as the system, which cannot nest inside
 * the first.
 */
export async function cohortDashboard(
  services: Services,
  viewer: Viewer,
  programmeId: string,
  byTeam: boolean,
): Promise<CohortDashboard> {
  const { programme, minimum, now, snapshot } = await asViewer(services, viewer, async (scope) => {
    // The programme's dates and its snapshot in one indexed read: the whole cost of a served dashboard.
    const [row] = await scope.tx
      .select({
        id: programmes.id,
        startsOn: programmes.startsOn,
        endsOn: programmes.endsOn,
        decidedAt: programmeDashboardSnapshots.decidedAt,
        snapshotMinimum: programmeDashboardSnapshots.minimum,
        stale: programmeDashboardSnapshots.stale,
        figures: programmeDashboardSnapshots.figures,
      })
      .from(programmes)
      .leftJoin(
        programmeDashboardSnapshots,
        and(
          eq(programmeDashboardSnapshots.organisationId, programmes.organisationId),
          eq(programmeDashboardSnapshots.programmeId, programmes.id),
        ),
      )
      .where(and(eq(programmes.organisationId, scope.organisationId), eq(programmes.id, programmeId)));
    if (!row) throw notFound('programme');
    const { decidedAt, snapshotMinimum, stale, figures, ...programme } = row;
    return {
      programme,
      minimum: await cohortMinimum(scope),
      now: scope.now(),
      snapshot:
        decidedAt === null
          ? undefined
          : ({ decidedAt, minimum: snapshotMinimum!, stale: stale!, figures } as SnapshotRow),
    };
  });
  const phase = phaseOf(programme, now);
  const ended = phase === 'ended';
  // Due when absent, marked stale by an enrolment change, older than the period, decided under
  // another minimum, or before the end date passed (alumni activity appears then).
  const due = (row: SnapshotRow | undefined) =>
    !row ||
    row.stale ||
    now.getTime() - row.decidedAt.getTime() >= SNAPSHOT_PERIOD_MS ||
    now.getTime() < row.decidedAt.getTime() ||
    row.minimum !== minimum ||
    (row.figures.alumni !== null) !== ended;
  let served = snapshot;
  if (due(served)) {
    const key = `${viewer.organisationId}:${programmeId}`;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = refreshSnapshot(services, viewer.organisationId, programme, { minimum, now, ended, due });
      refreshing.set(key, pending);
      void pending.then(
        () => refreshing.delete(key),
        () => refreshing.delete(key),
      );
    }
    served = await pending;
  }
  const { teams, ...overall } = served!.figures;
  return {
    minimum: served!.minimum,
    asOf: served!.decidedAt.toISOString(),
    phase,
    ...overall,
    teams: byTeam ? teams : null,
  };
}
