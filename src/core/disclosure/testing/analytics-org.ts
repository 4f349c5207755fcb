import { seededRandom } from '../../seeded-random.ts';
import type { AnalyticsPerson, AnalyticsSnapshotInput } from '../analytics.ts';
import type { AnalyticsFilter } from '../analytics-query.ts';

/*
 * Random organisations for the analytics attack suite, and an adversary's filters: every filter a
 * page offers over a small organisation. The filtered sets are computed here from plain arrays, not
 * by the module, so the attacker's equations do not trust the code under test.
 */

export interface OrgShape {
  readonly teamCount: number;
  readonly people: number;
  readonly stages: number;
  readonly programmes: number;
  /** Share of people who move team (and some who join or leave) before the second snapshot. */
  readonly moveRate: number;
  /** Share of people assessed again before the second snapshot: new observations, new values. */
  readonly reassessRate: number;
  readonly seed: number;
}

/** Two monthly snapshots of one organisation; scores persist, so a person's unknowns are shared. */
export function randomOrganisation(shape: OrgShape): [AnalyticsSnapshotInput, AnalyticsSnapshotInput] {
  const random = seededRandom(shape.seed);
  const pick = <T>(values: ReadonlyArray<T>): T => values[Math.floor(random() * values.length)]!;
  const teams = Array.from({ length: shape.teamCount }, (_, t) => ({
    id: `t${t}`,
    parentTeamId: t === 0 || random() < 0.15 ? null : `t${Math.floor(random() * t)}`,
  }));
  const stages = Array.from({ length: shape.stages }, (_, s) => `s${s}`);
  const programmes = Array.from({ length: shape.programmes }, (_, p) => `p${p}`);
  const measures = [
    { id: 'capability', kind: 'mean' as const },
    { id: 'derailer', kind: 'count' as const },
  ];
  const person = (p: number): AnalyticsPerson => ({
    personId: `u${p}`,
    teamId: random() < 0.05 ? null : pick(teams).id,
    stage: pick(stages),
    programmeId: programmes.length === 0 || random() < 0.3 ? null : pick(programmes),
    values: {
      capability: random() < 0.1 ? null : 1 + Math.floor(random() * 5),
      derailer: random() < 0.2 ? null : random() < 0.3 ? 1 : 0,
    },
  });
  const first = Array.from({ length: shape.people }, (_, p) => person(p));
  const second: AnalyticsPerson[] = [];
  for (const p of first) {
    const r = random();
    if (r < shape.moveRate / 4) continue; // left
    const moved = r < shape.moveRate ? { ...p, teamId: pick(teams).id } : p;
    const reassessed = random() < shape.reassessRate;
    second.push(
      reassessed
        ? {
            ...moved,
            values: person(0).values,
            observations: { capability: `${p.personId}@2`, derailer: `${p.personId}@2` },
          }
        : moved,
    );
  }
  const joiners = Math.floor(shape.people * (shape.moveRate / 4));
  for (let j = 0; j < joiners; j++) second.push(person(shape.people + j));
  const input = (people: AnalyticsPerson[]) => ({ teams, stages, programmes, measures, people });
  return [input(first), input(second)];
}

/** Every filter the adversary tries: team selections × stage selections × programme selections. */
export function adversaryFilters(input: AnalyticsSnapshotInput): AnalyticsFilter[] {
  const ids = input.teams.map((team) => team.id);
  const below = (id: string) => subtreeOf(input, id).slice(1);
  const teamSelections: Array<Pick<AnalyticsFilter, 'teams' | 'excludeTeams'>> = [
    {},
    ...ids.map((id) => ({ teams: [id] })),
    ...ids.flatMap((id) => below(id).map((sub) => ({ teams: [id], excludeTeams: [sub] }))),
    ...ids.map((id) => ({ excludeTeams: [id] })),
    ...ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ teams: [a, b] }))),
  ];
  const subsets = <T>(values: ReadonlyArray<T>): T[][] => {
    const all: T[][] = [[]];
    for (const value of values) for (const s of [...all]) all.push([...s, value]);
    return all.filter((s) => s.length > 0);
  };
  const stageSelections = [undefined, ...subsets(input.stages)];
  const programmeSelections = [undefined, ...subsets(input.programmes)];
  return teamSelections.flatMap((teams) =>
    stageSelections.flatMap((stages) =>
      programmeSelections.map((programmes) => ({
        ...teams,
        ...(stages ? { stages } : {}),
        ...(programmes ? { programmes } : {}),
      })),
    ),
  );
}

export function subtreeOf(input: AnalyticsSnapshotInput, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const team of input.teams)
      if (team.parentTeamId === out[i] && !out.includes(team.id)) out.push(team.id);
  }
  return out;
}

/** Ids of the unknowns a filter's figure is computed over (observationOf), straight from the people. */
export function filteredPeople(
  input: AnalyticsSnapshotInput,
  filter: AnalyticsFilter,
  figure: string,
): string[] {
  const inAny = (ids: ReadonlyArray<string> | undefined) =>
    new Set((ids ?? []).flatMap((id) => subtreeOf(input, id)));
  const included = inAny(filter.teams);
  const excluded = inAny(filter.excludeTeams);
  const [measureId, counted] = figure.split('#');
  return input.people
    .filter((p) => {
      if (filter.teams && filter.teams.length > 0 && (p.teamId === null || !included.has(p.teamId)))
        return false;
      if (p.teamId !== null && excluded.has(p.teamId)) return false;
      if (filter.stages && !filter.stages.includes(p.stage)) return false;
      if (filter.programmes && (p.programmeId === null || !filter.programmes.includes(p.programmeId)))
        return false;
      if (figure === 'people') return true;
      const value = p.values[measureId!];
      return value !== null && value !== undefined && (counted === undefined || value === 1);
    })
    .map((p) => observationOf(p, figure));
}

/** The id of the unknown behind a person's figure: the person for headcounts, else the observation. */
export function observationOf(person: AnalyticsPerson, figure: string): string {
  const family = figure.split('#')[0]!;
  return family === 'people' ? person.personId : (person.observations?.[family] ?? person.personId);
}
