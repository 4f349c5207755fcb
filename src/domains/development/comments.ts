// Comments on a plan by its owner, or by the manager or coach it was shared with: on one focus
// area the commenter may read, or on the whole plan when the whole plan is shared with them. The
// database checks the same (plan_comments' own policies): a comment is written only in the author's
// name, on something the author may read.

import { and, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { focusNotFound, invalid, readablePlan } from './access.ts';
import type { Comment, CommentCreate } from './contracts.ts';
import { planComments } from './schema.ts';

export async function addComment(
  scope: TenantScope,
  { id, ...input }: CommentCreate & { id: string },
): Promise<Comment> {
  const { plan, focusAreas, whole } = await readablePlan(scope, id);
  const focusId = input.focusId ?? null;
  if (focusId !== null && !focusAreas.some((f) => f.id === focusId)) throw focusNotFound();
  if (focusId === null && !whole) {
    throw invalid({ focusId: 'is required: only some focus areas of this plan are shared with you' });
  }
  const [row] = await scope.tx
    .insert(planComments)
    .values({
      organisationId: scope.organisationId,
      planId: plan.id,
      focusId,
      ownerId: plan.ownerId,
      authorId: scope.viewer.personId,
      body: input.body,
      createdAt: scope.now(),
    })
    .returning();
  const [author] = await scope.tx
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, scope.viewer.personId)));
  return {
    id: row!.id,
    focusId: row!.focusId,
    author: { id: scope.viewer.personId, name: author?.name ?? scope.viewer.name },
    body: row!.body,
    createdAt: row!.createdAt.toISOString(),
  };
}
