import { describe, expect, it } from 'vitest';
import { findCareerStage, stageLabelKey } from './find-career-stage.ts';

const STAGES = [
  { id: 'ic', key: 'individual-contributor', name: 'Individual contributor' },
  { id: 'tl', key: 'team-lead', name: 'Team lead' },
  { id: 'sl', key: 'senior-leader', name: 'Senior leader' },
  { id: 'vp', key: 'vp', name: 'Head of Engineering' },
];
const find = (label: string) => findCareerStage(STAGES, label)?.id;

describe('findCareerStage', () => {
  it('accepts a key in any common spelling', () => {
    for (const label of [
      'individual-contributor',
      'individual_contributor',
      'individual contributor',
      'Individual_Contributor',
      'INDIVIDUAL-CONTRIBUTOR',
      '  individual  contributor ',
      'individual - contributor',
      'IndividualContributor',
      'individual\tcontributor',
    ]) {
      expect(find(label), label).toBe('ic');
    }
    expect(find('team_lead')).toBe('tl');
    expect(find('VP')).toBe('vp');
  });

  it('accepts the display name in any common spelling', () => {
    expect(find('Head of Engineering')).toBe('vp');
    expect(find('head_of_engineering')).toBe('vp');
    expect(find('senior leader')).toBe('sl');
  });

  it('names no stage for blank or unknown labels', () => {
    for (const label of ['', '   ', '_-_', 'wizard', 'individual', 'team-leader']) {
      expect(find(label), label).toBeUndefined();
    }
  });

  it('prefers a key over another stage’s display name', () => {
    const stages = [
      { id: 'a', key: 'manager', name: 'Lead' },
      { id: 'b', key: 'lead', name: 'Manager' },
    ];
    expect(findCareerStage(stages, 'Manager')?.id).toBe('a');
    expect(findCareerStage(stages, 'LEAD')?.id).toBe('b');
  });

  it('folds case, `_`, `-` and white space, and compatibility forms', () => {
    expect(stageLabelKey(' Team_Lead - Two ')).toBe('teamleadtwo');
    expect(stageLabelKey('ｔｅａｍ lead')).toBe('teamlead');
  });
});
