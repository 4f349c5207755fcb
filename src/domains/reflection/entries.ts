// Writing journal entries: create, change, delete, and share one with the manager and/or coach.
// Only the owner writes (ownEntry answers 404 to anyone else). Every check runs before the write,
// so a refused request writes nothing; the request's transaction makes the rest all-or-nothing.
// A database error here never carries the entry's text into a log line (withoutContent).
import { and, eq } from 'drizzle-orm';
import type { TenantScope } from '../../platform/scope.ts';
import { planExperiments } from '../development/schema.ts';
import { isPublishedModule } from '../library/service.ts';
import { invalid, ownEntry } from './access.ts';
import type { Entry, EntryCreate, EntrySharing, EntryUpdate } from './contracts.ts';
import { audienceOf, getEntry } from './read-entries.ts';
import { journalEntries } from './schema.ts';
import { withoutContent } from './without-content.ts';

/** The links an entry would have, checked: the viewer's own experiment, a published module. */
async function checkLinks(
  scope: TenantScope,
  links: { experimentId?: string | null | undefined; moduleId?: string | null | undefined },
): Promise<void> {
  const problems: Record<string, string> = {};
  if (links.experimentId) {
    const [own] = await scope.tx
      .select({ id: planExperiments.id })
      .from(planExperiments)
      .where(
        and(
          eq(planExperiments.organisationId, scope.organisationId),
          eq(planExperiments.id, links.experimentId),
          eq(planExperiments.ownerId, scope.viewer.personId),
        ),
      );
    if (!own) problems.experimentId = 'must be one of your experiments';
  }
  if (links.moduleId && !(await isPublishedModule(scope, links.moduleId)))
    problems.moduleId = 'must be a published module of the library';
  if (Object.keys(problems).length) throw invalid(problems);
}

export async function createEntry(scope: TenantScope, input: EntryCreate): Promise<Entry> {
  await checkLinks(scope, input);
  const [row] = await withoutContent(
    scope.tx
      .insert(journalEntries)
      .values({
        organisationId: scope.organisationId,
        ownerId: scope.viewer.personId,
        body: input.body,
        mood: input.mood ?? null,
        energy: input.energy ?? null,
        experimentId: input.experimentId ?? null,
        moduleId: input.moduleId ?? null,
        createdAt: scope.now(),
        updatedAt: scope.now(),
      })
      .returning({ id: journalEntries.id }),
  );
  return getEntry(scope, row!.id);
}

export async function updateEntry(
  scope: TenantScope,
  { id, ...input }: EntryUpdate & { id: string },
): Promise<Entry> {
  const row = await ownEntry(scope, id);
  // The links the entry keeps after the change must still be one at most.
  const experimentId = input.experimentId !== undefined ? input.experimentId : row.experimentId;
  const moduleId = input.moduleId !== undefined ? input.moduleId : row.moduleId;
  if (experimentId && moduleId) {
    throw invalid(
      input.experimentId
        ? { experimentId: 'must be empty while the entry is about a module (clear moduleId)' }
        : { moduleId: 'must be empty while the entry is about an experiment (clear experimentId)' },
    );
  }
  // Only links the request names are checked: a module retired since stays on the entries about it.
  await checkLinks(scope, { experimentId: input.experimentId, moduleId: input.moduleId });
  await withoutContent(
    scope.tx
      .update(journalEntries)
      .set({ ...input, updatedAt: scope.now() })
      .where(
        and(
          eq(journalEntries.organisationId, scope.organisationId),
          eq(journalEntries.id, id),
          eq(journalEntries.ownerId, scope.viewer.personId),
        ),
      ),
  );
  return getEntry(scope, id);
}

export async function deleteEntry(scope: TenantScope, id: string): Promise<void> {
  await ownEntry(scope, id);
  await scope.tx
    .delete(journalEntries)
    .where(
      and(
        eq(journalEntries.organisationId, scope.organisationId),
        eq(journalEntries.id, id),
        eq(journalEntries.ownerId, scope.viewer.personId),
      ),
    );
}

/**
 * Shares the entry with the owner's manager and/or coach, or withdraws (false). A share needs
 * someone to receive it: with no manager (or no active coach) that flag is refused, so a flag is
 * only ever set for one person, and the database clears it when that person stops being the
 * manager or coach (migration triggers) — a later one starts with nothing shared.
 */
export async function setEntrySharing(
  scope: TenantScope,
  { id, withManager, withCoach }: EntrySharing & { id: string },
): Promise<Entry> {
  await ownEntry(scope, id);
  const audience = await audienceOf(scope);
  const problems: Record<string, string> = {};
  if (withManager && !audience.manager) problems.withManager = 'must be false: you have no manager';
  if (withCoach && !audience.coach) problems.withCoach = 'must be false: you have no active coach';
  if (Object.keys(problems).length) throw invalid(problems);
  await scope.tx
    .update(journalEntries)
    .set({ sharedWithManager: withManager, sharedWithCoach: withCoach })
    .where(
      and(
        eq(journalEntries.organisationId, scope.organisationId),
        eq(journalEntries.id, id),
        eq(journalEntries.ownerId, scope.viewer.personId),
      ),
    );
  return getEntry(scope, id);
}
