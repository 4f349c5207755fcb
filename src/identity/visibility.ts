// Who may see what of a person's development records (360s today; plans and journals next), decided
// in one place (docs/decisions/0012). Pure: the caller reads the facts, this decides. Two steps:
//   1. `relationOf`: how the viewer relates to the subject — themself, their current manager, the
//      coach the subject chose, an admin of the organisation — or not at all (null: show nothing,
//      answer 404 as for an unknown id).
//   2. `visibility`: what that relation may see of one record, given what the subject shared:
//      'content' (the record itself), 'status' (that it exists and how far along it is), or 'none'.
import type { Role } from '../platform/http/viewer.ts';

export type Relation = 'self' | 'manager' | 'coach' | 'admin';
export const RELATIONS: readonly Relation[] = ['self', 'manager', 'coach', 'admin'];

export type Visibility = 'none' | 'status' | 'content';

export interface ViewerFacts {
  personId: string;
  roles: readonly Role[];
}

export interface SubjectFacts {
  /** The person the record is about. */
  id: string;
  /** Their manager now (reporting lines change; the current one counts). */
  managerId: string | null;
  /** The coach the subject chose to share with, if any. */
  coachId: string | null;
}

/**
 * How the viewer relates to the subject. The closest relation wins: a manager who is also an admin
 * is the manager; the chosen coach must still hold the coach role; admins relate to everyone.
 */
export function relationOf(viewer: ViewerFacts, subject: SubjectFacts): Relation | null {
  if (viewer.personId === subject.id) return 'self';
  if (subject.managerId !== null && viewer.personId === subject.managerId) return 'manager';
  if (subject.coachId !== null && viewer.personId === subject.coachId && viewer.roles.includes('coach'))
    return 'coach';
  if (viewer.roles.includes('admin')) return 'admin';
  return null;
}

/** What the subject decided about one record. */
export type Sharing =
  /** Only the subject ever sees it, not even that it exists (a journal entry). */
  | { private: true }
  | {
      private?: false;
      /** The subject shared its content with their manager. */
      withManager: boolean;
      /** The subject consented to their chosen coach reading it. */
      withCoach: boolean;
    };

/**
 * What a relation may see of a record: the subject everything; the manager its status, and its
 * content only when shared with them; the chosen coach its content with consent, else nothing;
 * admins its status only, never content. A private record is the subject's alone.
 */
export function visibility(relation: Relation | null, sharing: Sharing): Visibility {
  if (relation === 'self') return 'content';
  if (relation === null || sharing.private) return 'none';
  switch (relation) {
    case 'manager':
      return sharing.withManager ? 'content' : 'status';
    case 'coach':
      return sharing.withCoach ? 'content' : 'none';
    case 'admin':
      return 'status';
  }
}

/** Whether the relation may see the record's content (`what` 'content') or at least its status. */
export function maySee(relation: Relation | null, sharing: Sharing, what: 'status' | 'content'): boolean {
  const seen = visibility(relation, sharing);
  return what === 'status' ? seen !== 'none' : seen === 'content';
}
