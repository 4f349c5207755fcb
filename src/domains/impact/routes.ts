import { eq } from 'drizzle-orm';
import { exportTables } from '../../platform/exports/tables.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { asViewer } from '../../platform/scope.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { impactApi as api } from './endpoints.ts';
import { impactPdf } from './pdf.tsx';
import { impactReport } from './service.ts';

const ADMIN = ['admin'] as const;
const tag = 'analytics';

export const impactRoutes: AnyRoute[] = [
  route(api.report, {
    summary:
      'Before/after change per programme and capability (d_rm, d_av, reliable change, building blocks as an association) from the stored report; every figure through disclosure control (null = withheld)',
    tag,
    access: ADMIN,
    // Not tenant: a missing report is computed in a system transaction of its own (service.ts).
    handler: ({ services, viewer, query }) => impactReport(services, viewer, query),
  }),
  route(api.pdf, {
    summary: 'The impact report as a PDF with its charts (released figures only)',
    tag,
    access: ADMIN,
    async handler({ services, viewer, query }) {
      const report = await impactReport(services, viewer, query);
      const [organisation] = await asViewer(services, viewer, (scope) =>
        scope.tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, scope.organisationId)),
      );
      const pdf = await impactPdf(report, organisation?.name ?? '');
      return new Response(new Uint8Array(pdf), {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="impact-${report.decidedAt.slice(0, 10)}.pdf"`,
          'cache-control': 'private, no-store',
        },
      });
    },
  }),
  route(api.export, {
    summary:
      'The impact tables as CSV (one table) or XLSX (all): released figures only, withheld cells empty',
    tag,
    access: ADMIN,
    async handler({ services, viewer, query, c }) {
      const { format, table, ...filters } = query;
      const report = await impactReport(services, viewer, filters);
      const file = await exportTables(
        report.tables,
        format,
        `lodestar-impact-${report.decidedAt.slice(0, 10)}`,
        table,
      );
      if ('unknownTable' in file) {
        const rule = `must be one of ${report.tables.map((t) => t.id).join(', ')}`;
        throw new ApiError(400, 'invalid_input', `invalid query: table: ${rule}`, { table: rule });
      }
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, file.headers);
    },
  }),
];
