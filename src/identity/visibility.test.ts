import { describe, expect, it } from 'vitest';
import type { Role } from '../platform/http/viewer.ts';
import { maySee, RELATIONS, type Relation, relationOf, type Sharing, visibility } from './visibility.ts';

const subject = { id: 'sam', managerId: 'maria', coachId: 'colin' };
const viewer = (personId: string, ...roles: Role[]) => ({ personId, roles });

describe('relationOf', () => {
  it.each<[string, Role[], Relation | null]>([
    ['sam', ['participant'], 'self'],
    ['sam', ['admin', 'coach'], 'self'],
    ['maria', ['participant'], 'manager'],
    ['maria', ['admin'], 'manager'],
    ['colin', ['coach'], 'coach'],
    ['colin', ['participant'], null], // chosen, but no longer a coach
    ['colin', ['participant', 'admin'], 'admin'],
    ['carol', ['coach'], null], // a coach the subject did not choose
    ['ada', ['admin'], 'admin'],
    ['pat', ['participant'], null],
  ])('%s (%j) is %s', (personId, roles, relation) => {
    expect(relationOf(viewer(personId, ...roles), subject)).toBe(relation);
  });

  it('relates nobody through a missing manager or coach', () => {
    const alone = { id: 'sam', managerId: null, coachId: null };
    expect(relationOf(viewer('maria', 'participant'), alone)).toBeNull();
    expect(relationOf(viewer('colin', 'coach'), alone)).toBeNull();
  });
});

describe('visibility', () => {
  const shared = (withManager: boolean, withCoach: boolean): Sharing => ({ withManager, withCoach });
  // relation → [nothing shared, shared with manager, coach consented, both, private]
  const TABLE: Record<Relation | 'none', string[]> = {
    self: ['content', 'content', 'content', 'content', 'content'],
    manager: ['status', 'content', 'status', 'content', 'none'],
    coach: ['none', 'none', 'content', 'content', 'none'],
    admin: ['status', 'status', 'status', 'status', 'none'],
    none: ['none', 'none', 'none', 'none', 'none'],
  };
  const cases: Sharing[] = [
    shared(false, false),
    shared(true, false),
    shared(false, true),
    shared(true, true),
    { private: true },
  ];

  it('gives each relation what the table says', () => {
    for (const relation of [...RELATIONS, null]) {
      const row = TABLE[relation ?? 'none'];
      cases.forEach((sharing, i) => {
        expect(visibility(relation, sharing), `${relation} ${JSON.stringify(sharing)}`).toBe(row[i]);
        expect(maySee(relation, sharing, 'content')).toBe(row[i] === 'content');
        expect(maySee(relation, sharing, 'status')).toBe(row[i] !== 'none');
      });
    }
  });

  it('never shows an admin content, whatever is shared', () => {
    for (const sharing of cases) expect(maySee('admin', sharing, 'content')).toBe(false);
  });
});
