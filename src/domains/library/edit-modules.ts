// Admins' changes to the library, each in the caller's transaction: a new organisation module
// (a draft), a draft started from the published version, edits, publishing (the old version is
// kept as superseded), discarding, retiring and restoring. The module row is locked first, so two
// admins acting on one module at once are serialised rather than interleaved.
import { and, eq, like, sql } from 'drizzle-orm';
import { listCareerStages } from '../../identity/organisations/service.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import { capabilitiesOf } from './capabilities.ts';
import { ORGANISATION_KEY_PREFIX } from './constants.ts';
import type { ModuleContent, NewModule } from './contracts.ts';
import { inspectMarkdown } from './markdown.ts';
import type { LibraryScope } from './read-modules.ts';
import { libraryModules as m, libraryModuleVersions as v } from './schema.ts';

/** Who is editing: the author recorded on the versions they write. */
export type EditorScope = LibraryScope & { authorId: string | null };

/** A 400 naming every bad field, the first in the message (as the other domains answer). */
function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

const moduleWhere = (scope: LibraryScope, moduleId: string) =>
  and(eq(m.organisationId, scope.organisationId), eq(m.id, moduleId));
const versionsOf = (scope: LibraryScope, moduleId: string) =>
  and(eq(v.organisationId, scope.organisationId), eq(v.moduleId, moduleId));

const columnsOf = (c: ModuleContent) => ({
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
});

/** The rules zod cannot check alone: the organisation's career stages, and Markdown without HTML. */
async function checkContent(scope: LibraryScope, content: ModuleContent, problems: Record<string, string>) {
  const stageKeys = (await listCareerStages(scope)).map((s) => s.key);
  const unknown = content.stages.find((s) => !stageKeys.includes(s));
  if (unknown) problems.stages = `${unknown} is not a career stage; use: ${stageKeys.join(', ')}`;
  const facts = inspectMarkdown(content.body);
  if (facts.html.length)
    problems.body = `must be Markdown without HTML (found ${facts.html[0]!.slice(0, 40)})`;
  else if (facts.images) problems.body = 'must not contain images';
  if (Object.keys(problems).length) throw invalid(problems);
}

/** Locks the module and reads which versions it has; 404 for an unknown id. */
async function lockModule(scope: LibraryScope, moduleId: string) {
  const [module] = await scope.tx.select().from(m).where(moduleWhere(scope, moduleId)).for('update');
  if (!module) throw notFound('library module');
  const versions = await scope.tx
    .select({ version: v.version, status: v.status })
    .from(v)
    .where(versionsOf(scope, moduleId));
  const draft = versions.find((r) => r.status === 'draft');
  const latest = Math.max(0, ...versions.map((r) => r.version));
  return { module, draft, latest, hasPublished: versions.some((r) => r.status === 'published') };
}

const noDraft = () => conflict('this module has no draft: start one from the published version first');

/** A lower-case, hyphenated slug of a title: "Our value: Care!" → "our-value-care". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'module';
}

/** Creates an organisation's own module as draft version 1; returns its id. */
export async function createModule(scope: EditorScope, input: NewModule): Promise<string> {
  const { capabilityKey, ...content } = input;
  const problems: Record<string, string> = {};
  if (!(await capabilitiesOf(scope)).get(capabilityKey)) {
    problems.capabilityKey = 'is not a capability of the current framework';
  }
  await checkContent(scope, content, problems);
  const base = `${ORGANISATION_KEY_PREFIX}${capabilityKey}/${slugOf(content.title)}`;
  const taken = new Set(
    (
      await scope.tx
        .select({ key: m.key })
        .from(m)
        .where(and(eq(m.organisationId, scope.organisationId), like(m.key, `${base}%`)))
    ).map((r) => r.key),
  );
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  const [module] = await scope.tx
    .insert(m)
    .values({ organisationId: scope.organisationId, key, origin: 'organisation', capabilityKey })
    .returning({ id: m.id });
  await scope.tx.insert(v).values({
    organisationId: scope.organisationId,
    moduleId: module!.id,
    version: 1,
    status: 'draft',
    ...columnsOf(content),
    authorId: scope.authorId,
  });
  return module!.id;
}

/** Starts a draft as a copy of the published version (409 if there is a draft already). */
export async function startDraft(scope: EditorScope, moduleId: string): Promise<void> {
  const { draft, latest, hasPublished } = await lockModule(scope, moduleId);
  if (draft) throw conflict(`version ${draft.version} is already a draft: edit, publish or discard it`);
  if (!hasPublished) throw conflict('this module has nothing published to start a draft from');
  // Copied in the database, column by column, so nothing passes through the application.
  await scope.tx.execute(sql`
    INSERT INTO library_module_versions (organisation_id, module_id, version, status, title, summary,
      body, practice_action, practice_situation, practice_frequency, practice_signal, reflection,
      minutes, stages, author_id)
    SELECT organisation_id, module_id, ${latest + 1}, 'draft', title, summary, body, practice_action,
      practice_situation, practice_frequency, practice_signal, reflection, minutes, stages,
      ${scope.authorId}::uuid
    FROM library_module_versions
    WHERE organisation_id = ${scope.organisationId} AND module_id = ${moduleId} AND status = 'published'`);
}

/** Replaces the draft's content (409 when there is no draft). */
export async function saveDraft(scope: EditorScope, moduleId: string, content: ModuleContent): Promise<void> {
  const { draft } = await lockModule(scope, moduleId);
  if (!draft) throw noDraft();
  await checkContent(scope, content, {});
  await scope.tx
    .update(v)
    .set({ ...columnsOf(content), authorId: scope.authorId })
    .where(and(versionsOf(scope, moduleId), eq(v.status, 'draft')));
}

/**
 * Discards the draft. A module that was never published goes with it, so returns whether the
 * module still exists.
 */
export async function discardDraft(scope: LibraryScope, moduleId: string): Promise<boolean> {
  const { draft, hasPublished } = await lockModule(scope, moduleId);
  if (!draft) throw noDraft();
  await scope.tx.delete(v).where(and(versionsOf(scope, moduleId), eq(v.status, 'draft')));
  if (hasPublished) return true;
  await scope.tx.delete(m).where(moduleWhere(scope, moduleId));
  return false;
}

/** Publishes the draft: participants read it from now on; the version it replaces is superseded. */
export async function publishDraft(scope: LibraryScope, moduleId: string): Promise<void> {
  const { draft } = await lockModule(scope, moduleId);
  if (!draft) throw noDraft();
  // Superseded first: at most one version may be published at any moment (a unique index).
  await scope.tx
    .update(v)
    .set({ status: 'superseded' })
    .where(and(versionsOf(scope, moduleId), eq(v.status, 'published')));
  await scope.tx
    .update(v)
    .set({ status: 'published', publishedAt: sql`now()` })
    .where(and(versionsOf(scope, moduleId), eq(v.status, 'draft')));
}

/** Hides a module from participants; its history and any draft stay. */
export async function retireModule(scope: LibraryScope, moduleId: string): Promise<void> {
  const { module } = await lockModule(scope, moduleId);
  if (module.retiredAt) throw conflict('this module is already retired');
  await scope.tx.update(m).set({ retiredAt: sql`now()` }).where(moduleWhere(scope, moduleId));
}

export async function restoreModule(scope: LibraryScope, moduleId: string): Promise<void> {
  const { module } = await lockModule(scope, moduleId);
  if (!module.retiredAt) throw conflict('this module is not retired');
  await scope.tx.update(m).set({ retiredAt: null }).where(moduleWhere(scope, moduleId));
}
