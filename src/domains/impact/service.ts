// GET /api/analytics/impact: the stored report, one indexed read as the admin (row-level security),
// plus the minimum. Only when there is no report yet — or it was decided under another minimum,
// which would show figures the organisation no longer allows — is it computed on the request; a
// report marked stale is served as it is (decidedAt says when) while the job recomputes it.
import { LACERENZA_2017_LEADERSHIP_TRAINING } from '../../core/psychometrics/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import { asViewer } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import type { ExportTable, Impact } from '../analytics/contracts.ts';
import { cohortMinimum } from '../programmes/dashboard.ts';
import type { ImpactProgramme } from './figures.ts';
import { loadReport, refreshReport, type StoredReport } from './report.ts';

// Requests of one organisation that find no report while a refresh runs in this process wait for it.
const refreshing = new Map<string, Promise<StoredReport>>();

export async function impactReport(
  services: Services,
  viewer: Viewer,
  query: { programme?: string | undefined },
): Promise<Impact> {
  const { minimum, stored } = await asViewer(services, viewer, async (scope) => ({
    minimum: await cohortMinimum(scope),
    stored: await loadReport(scope.tx, scope.organisationId),
  }));
  let report = stored;
  if (!report || report.minimum !== minimum) {
    const key = viewer.organisationId;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = refreshReport(services, key, (row, min) => !row || row.minimum !== min);
      refreshing.set(key, pending);
      void pending.then(
        () => refreshing.delete(key),
        () => refreshing.delete(key),
      );
    }
    report = await pending;
  }
  const programmes = query.programme
    ? report.figures.filter((p) => p.id === query.programme)
    : report.figures;
  if (query.programme && !programmes.length) throw notFound('programme');
  const { effects, citation } = LACERENZA_2017_LEADERSHIP_TRAINING;
  return {
    decidedAt: report.decidedAt.toISOString(),
    minimum: report.minimum,
    scope: 'organisation',
    benchmark: { source: 'external', citation, ...effects },
    programmes,
    tables: impactTables(programmes),
  };
}

const round = (x: number | undefined | null, digits = 2) =>
  x === undefined || x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The report's table, as the page and the PDF show it: released values only, null when withheld. */
export function impactTables(programmes: ReadonlyArray<ImpactProgramme>): ExportTable[] {
  return [
    {
      id: 'impact',
      title: 'Change per programme and capability (before and after)',
      columns: [
        'Programme',
        'Capability',
        'Status',
        'Pairs',
        'Mean before',
        'Mean after',
        'd_rm (Hedges)',
        'd_rm low',
        'd_rm high',
        'd_av (Hedges)',
        'Improved',
        'No reliable change',
        'Declined',
        'All three blocks: n',
        'All three blocks: mean change',
        'Fewer blocks: n',
        'Fewer blocks: mean change',
        'Difference (association)',
        'Difference low',
        'Difference high',
      ],
      rows: programmes.flatMap((p) =>
        p.capabilities.map((c) => [
          p.name,
          c.name,
          c.status,
          c.n,
          round(c.meanBefore),
          round(c.meanAfter),
          round(c.dRm?.estimate),
          round(c.dRm?.low),
          round(c.dRm?.high),
          round(c.dAv?.estimate),
          c.shares?.improved.count ?? null,
          c.shares?.noChange.count ?? null,
          c.shares?.declined.count ?? null,
          c.blocks?.all.n ?? null,
          round(c.blocks?.all.mean),
          c.blocks?.fewer.n ?? null,
          round(c.blocks?.fewer.mean),
          round(c.blocks?.difference.estimate),
          round(c.blocks?.difference.low),
          round(c.blocks?.difference.high),
        ]),
      ),
    },
  ];
}
