// The one import operation, used by the API and the CLI: plan inside a tenant transaction and
// write only if every row is valid or the caller explicitly chose to skip invalid rows.
import type { Database } from '../../platform/db/database.ts';
import type { ImportResult } from './contracts.ts';
import { parsePeopleCsv, planImport } from './import-plan.ts';
import { applyImport, loadDirectory } from './service.ts';
import { lockTeams } from './teams.ts';

export async function importPeople(
  db: Database,
  organisationId: string,
  file: Uint8Array,
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<ImportResult> {
  // Throws ImportFileError for a file that cannot be read as a people CSV at all.
  const rows = parsePeopleCsv(file);
  return db.inOrganisation(organisationId, async (tx) => {
    // A write plans under the team lock, so the tree it checked paths against cannot move meanwhile.
    if (!options.dryRun) await lockTeams(tx, organisationId);
    const plan = planImport(rows, await loadDirectory(tx));
    const allowed = plan.errors.length === 0 || options.skipInvalid;
    const apply = !options.dryRun && allowed;
    if (apply) await applyImport(tx, organisationId, plan);
    const skipped = new Set(plan.skippedLines);
    return {
      dryRun: options.dryRun,
      applied: apply,
      rows: plan.rows,
      errors: plan.errors,
      changes: {
        create: plan.planned.filter((r) => r.action === 'create').length,
        update: plan.planned.filter((r) => r.action === 'update').length,
        unchanged: plan.planned.filter((r) => r.action === 'unchanged').length,
        skipped: skipped.size,
        newTeams: plan.newTeams.map((t) => t.path),
      },
      preview: [
        ...plan.planned.map((r) => ({ line: r.line, action: r.action, email: r.email, name: r.name })),
        ...rows
          .filter((r) => skipped.has(r.line))
          .map((r) => ({
            line: r.line,
            action: 'skip' as const,
            email: r.values.email ?? '',
            name: r.values.name ?? '',
          })),
      ]
        .sort((a, b) => a.line - b.line)
        .slice(0, 1000),
    };
  });
}
