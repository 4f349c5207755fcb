import { describe, expect, it } from 'vitest';
import { CompactPeopleBuilder, expandPeople } from './compact-people.ts';

const measures = [
  { id: 'capability:vision', observed: true },
  { id: 'derailer:game-face', observed: true },
  { id: 'funnel:invited', observed: false },
];

describe('compact people', () => {
  it('round-trips into the core’s people: values, missing values, teams, programmes, observations', () => {
    const builder = new CompactPeopleBuilder(measures);
    // More people than the first buffer holds values for, so it grows.
    for (let p = 0; p < 500; p++) {
      const assessed = p % 3 !== 0;
      builder.add(
        {
          personId: `p${p}`,
          teamId: p % 5 === 0 ? null : `t${p % 4}`,
          stage: p % 2 ? 'manager' : 'individual',
          programmeId: p % 7 === 0 ? 'emerging' : null,
          assessmentId: assessed ? `a${p}` : null,
        },
        new Map<string, number | null>([
          ...(assessed
            ? ([
                ['capability:vision', p % 11 === 0 ? null : 1 + (p % 5) / 4],
                ['derailer:game-face', p % 2],
              ] as const)
            : []),
          ['funnel:invited', p % 4 === 0 ? 1 : 0],
        ]),
      );
    }
    const compact = builder.build();
    expect(compact.values.length).toBe(500 * measures.length);
    const people = expandPeople(structuredClone(compact));
    expect(people).toHaveLength(500);
    expect(people[0]).toEqual({
      personId: 'p0',
      teamId: null,
      stage: 'individual',
      programmeId: 'emerging',
      values: { 'capability:vision': null, 'derailer:game-face': null, 'funnel:invited': 1 },
    });
    expect(people[22]).toEqual({
      personId: 'p22',
      teamId: 't2',
      stage: 'individual',
      programmeId: null,
      observations: { 'capability:vision': 'a22', 'derailer:game-face': 'a22' },
      values: { 'capability:vision': null, 'derailer:game-face': 0, 'funnel:invited': 0 },
    });
    expect(people[499]!.values).toEqual({
      'capability:vision': 1 + (499 % 5) / 4,
      'derailer:game-face': 1,
      'funnel:invited': 0,
    });
  });

  it('refuses a value for a measure the snapshot does not have', () => {
    const builder = new CompactPeopleBuilder(measures);
    const person = { personId: 'p', teamId: null, stage: 's', programmeId: null, assessmentId: null };
    expect(() => builder.add(person, new Map([['capability:gone', 3]]))).toThrow(/capability:gone/);
  });
});
