// A person's self-assessments as status only, for their person page: when each was started and
// submitted and how far one in progress is. Answers, scores and profiles stay the person's own.
// Who may ask: the person, their current manager, and admins; to anyone else the person reads as
// unknown (404), as every signed-in route answers what it does not show.
import { and, asc, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { publishedVersion } from '../framework/service.ts';
import { askedItems } from './answer-rules.ts';
import type { PersonAssessments } from './contracts.ts';
import { assessments } from './schema.ts';

export async function listPersonAssessments(
  scope: Pick<TenantScope, 'tx' | 'kind' | 'viewer'>,
  personId: string,
): Promise<PersonAssessments> {
  const { tx, kind, viewer } = scope;
  const organisationId = viewer.organisationId;
  const [person] = await tx
    .select({ managerId: people.managerId })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  const allowed =
    person &&
    (personId === viewer.personId || person.managerId === viewer.personId || viewer.roles.includes('admin'));
  if (!allowed) throw notFound('person');
  const rows = await tx
    .select({
      id: assessments.id,
      status: assessments.status,
      versionId: assessments.versionId,
      answers: assessments.answers,
      startedAt: assessments.startedAt,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.personId, personId)))
    .orderBy(asc(assessments.startedAt), asc(assessments.id));
  const items: PersonAssessments['items'] = [];
  for (const row of rows) {
    const version = await publishedVersion(tx, kind, organisationId, row.versionId);
    const asked = askedItems(version.definition);
    items.push({
      id: row.id,
      status: row.status,
      version: { id: version.id, number: version.number },
      startedAt: row.startedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      // How many were answered, not what: the answers themselves never leave here.
      progress: { answered: Object.keys(row.answers).filter((k) => asked.has(k)).length, total: asked.size },
    });
  }
  return { items };
}
