// The built-in modules (content/<capability>/<slug>.md): read and checked once per process, then
// installed into every new organisation as published version 1 with one insert per table, since
// this runs for every organisation created, tests included. Organisations created before a module
// existed (or before the library did) receive it on their first visit to the library.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import { DEFAULT_FRAMEWORK } from '../framework/default-framework.ts';
import { type BuiltInModule, ContentFileError, parseContentFile } from './content-file.ts';
import { libraryModules, libraryModuleVersions } from './schema.ts';

export const CONTENT_FOLDER = fileURLToPath(new URL('./content/', import.meta.url));

const DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set(DEFAULT_FRAMEWORK.capabilities.map((c) => c.key));

/**
 * Every module in `folder`, sorted by key. Throws one error naming every bad file and its problems,
 * so a writer sees all of them at once.
 */
export function readContentFolder(
  folder: string,
  capabilities: ReadonlySet<string> = DEFAULT_CAPABILITIES,
): BuiltInModule[] {
  const modules: BuiltInModule[] = [];
  const failures: string[] = [];
  const folders = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const capability of folders.map((e) => e.name).sort()) {
    for (const file of readdirSync(join(folder, capability)).sort()) {
      const path = `${capability}/${file}`;
      try {
        if (!capabilities.has(capability)) {
          throw new ContentFileError(path, [`${capability} is not a capability of the default framework`]);
        }
        modules.push(parseContentFile(path, readFileSync(join(folder, path), 'utf8')));
      } catch (error) {
        if (!(error instanceof ContentFileError)) throw error;
        failures.push(error.message);
      }
    }
  }
  if (failures.length) {
    throw new Error(`${failures.length} bad library content file(s):\n${failures.join('\n')}`);
  }
  return modules;
}

let cached: readonly BuiltInModule[] | undefined;

/** The built-in modules, read from the content folder on first use. */
export function builtInModules(): readonly BuiltInModule[] {
  cached ??= readContentFolder(CONTENT_FOLDER);
  return cached;
}

/**
 * Installs `modules` into the organisation as published version 1, skipping any whose key the
 * organisation already has (so it is safe to run again, and concurrently).
 */
export async function installBuiltInModules(
  tx: Tx,
  organisationId: string,
  modules: readonly BuiltInModule[] = builtInModules(),
): Promise<number> {
  if (modules.length === 0) return 0;
  const inserted = await tx
    .insert(libraryModules)
    .values(
      modules.map((m) => ({
        organisationId,
        key: m.key,
        origin: 'built-in' as const,
        capabilityKey: m.capabilityKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: libraryModules.id, key: libraryModules.key });
  if (inserted.length === 0) return 0;
  const byKey = new Map(modules.map((m) => [m.key, m.content]));
  await tx.insert(libraryModuleVersions).values(
    inserted.map(({ id, key }) => {
      const c = byKey.get(key)!;
      return {
        organisationId,
        moduleId: id,
        version: 1,
        status: 'published' as const,
        title: c.title,
        summary: c.summary,
        body: c.body,
        practiceAction: c.practice.action,
        practiceSituation: c.practice.situation,
        practiceFrequency: c.practice.frequency,
        practiceSignal: c.practice.signal,
        reflection: c.reflection,
        minutes: c.minutes,
        stages: c.stages,
        publishedAt: sql`now()`,
      };
    }),
  );
  return inserted.length;
}

// Organisations known to hold every built-in module, per database kind (tests run both at once).
const complete = new Set<string>();

/**
 * Adds the built-in modules an organisation lacks: those written after it was created. Checked
 * once per organisation per process; a module is never installed twice (unique key).
 */
export async function ensureBuiltInModules(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
): Promise<void> {
  const marker = `${kind}:${organisationId}`;
  if (complete.has(marker)) return;
  const modules = builtInModules();
  const rows = await tx
    .select({ key: libraryModules.key })
    .from(libraryModules)
    .where(and(eq(libraryModules.organisationId, organisationId), eq(libraryModules.origin, 'built-in')));
  const present = new Set(rows.map((r) => r.key));
  const missing = modules.filter((m) => !present.has(m.key));
  if (missing.length) await installBuiltInModules(tx, organisationId, missing);
  complete.add(marker);
}
