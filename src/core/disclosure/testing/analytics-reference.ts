import {
  ANY,
  type AnalyticsCellKey,
  type AnalyticsFigure,
  type AnalyticsPerson,
  type AnalyticsSnapshotDecision,
  type AnalyticsSnapshotInput,
  type AnalyticsSnapshotOptions,
  analyticsCellId,
  type ReleasedAnalyticsCell,
} from '../analytics.ts';
import { checkInput } from '../analytics-input.ts';
import type { DisclosureCell } from '../cells.ts';
import { DisclosureError } from '../errors.ts';
import { referenceReleaseCells } from './bitset-reference.ts';

/*
 * analyticsSnapshot as it was before the lattice was built a family at a time over numbered teams,
 * stages and programmes and deduplicated without joining member lists (session 7), deciding with the
 * bitset oracle: partition.property.test.ts checks the new one gives the same decision, to the order
 * of its keys. Copied verbatim but for comments; not for use outside tests.
 */

export function referenceAnalyticsSnapshot(
  input: AnalyticsSnapshotInput,
  options: AnalyticsSnapshotOptions,
): AnalyticsSnapshotDecision {
  const parentOf = checkInput(input);
  const ancestorsOf = new Map<string, string[]>();
  for (const team of input.teams) {
    const chain = [team.id];
    for (let up = parentOf[team.id] ?? null; up !== null; up = parentOf[up] ?? null) {
      if (chain.includes(up)) throw new DisclosureError('teams', `team "${team.id}" is in a loop`);
      chain.push(up);
    }
    ancestorsOf.set(team.id, chain);
  }

  const figures = [
    'people',
    ...input.measures.flatMap((m) => (m.kind === 'count' ? [m.id, `${m.id}#counted`] : [m.id])),
  ];
  const measureOf = new Map(input.measures.map((m) => [m.id, m]));
  const cells = new Map<string, { key: AnalyticsCellKey; members: number[]; sum: number; value: number }>();
  input.people.forEach((person, p) => {
    const teams = person.teamId === null ? [ANY] : [ANY, ...ancestorsOf.get(person.teamId)!];
    const stages = [ANY, person.stage];
    const programmes = person.programmeId === null ? [ANY] : [ANY, person.programmeId];
    for (const figure of figures) {
      const [measureId, counted] = figure.split('#');
      const value = figure === 'people' ? 1 : person.values[measureId!];
      if (value === null || value === undefined) continue;
      if (figure !== 'people' && measureOf.get(measureId!)!.kind === 'count' && value !== 0 && value !== 1) {
        throw new DisclosureError(
          `people[${p}].values.${measureId}`,
          `must be 0 or 1 (a count); got ${value}`,
        );
      }
      if (counted !== undefined && value !== 1) continue;
      for (const team of teams)
        for (const stage of stages)
          for (const programme of programmes) {
            const key = { team, stage, programme, figure };
            const id = analyticsCellId(key);
            let cell = cells.get(id);
            if (!cell) {
              cell = { key, members: [], sum: 0, value: priorityOf(key, options.prefer ?? 'teams') };
              cells.set(id, cell);
            }
            cell.members.push(p);
            cell.sum += counted === undefined ? value : 1;
          }
    }
  });

  const released: Record<string, ReleasedAnalyticsCell> = {};
  const releasedSets: Record<string, string[][]> = {};
  for (const family of ['people', ...input.measures.map((m) => m.id)]) {
    const ofFamily = [...cells].filter(([, cell]) => familyOf(cell.key.figure) === family);
    const decided = decideFamily(input.people, ofFamily, family, options);
    for (const id of decided.released) {
      const cell = cells.get(id)!;
      released[id] = { n: cell.members.length, sum: cell.sum };
    }
    releasedSets[family] = decided.sets;
  }
  return {
    stages: [...input.stages],
    programmes: [...input.programmes],
    measures: input.measures.map((m) => ({ ...m })),
    parentOf,
    released,
    releasedSets,
  };
}

function familyOf(figure: AnalyticsFigure): string {
  return figure.split('#')[0]!;
}

function priorityOf(key: AnalyticsCellKey, prefer: 'teams' | 'stages'): number {
  const [teamWeight, stageWeight] = prefer === 'teams' ? [1, 2] : [2, 1];
  return (
    1 +
    (key.programme === ANY ? 4 : 0) +
    (key.stage === ANY ? stageWeight : 0) +
    (key.team === ANY ? teamWeight : 0)
  );
}

function decideFamily(
  people: ReadonlyArray<AnalyticsPerson>,
  cells: ReadonlyArray<[string, { members: number[]; value: number }]>,
  family: string,
  options: AnalyticsSnapshotOptions,
): { released: string[]; sets: string[][] } {
  const idOf = people.map((person) =>
    family === 'people' ? person.personId : (person.observations?.[family] ?? person.personId),
  );
  const indexOf = new Map(idOf.map((id, p) => [id, p]));
  const earlier = connectedSets(
    (options.earlier ?? []).flatMap((sets) => sets[family] ?? []),
    new Set(idOf),
  ).map((set) =>
    set.map((id) => {
      if (!indexOf.has(id)) indexOf.set(id, indexOf.size);
      return indexOf.get(id)!;
    }),
  );
  const bySet = new Map<string, { members: number[]; value: number; ids: string[] }>();
  for (const [id, cell] of cells) {
    const key = cell.members.join();
    const known = bySet.get(key);
    if (known) {
      known.value = Math.max(known.value, cell.value);
      known.ids.push(id);
    } else bySet.set(key, { members: cell.members, value: cell.value, ids: [id] });
  }
  const list: Array<DisclosureCell<string>> = [...bySet].map(([key, set]) => ({
    key,
    members: set.members,
    value: set.value,
  }));
  const decision = referenceReleaseCells(indexOf.size, list, {
    minimum: options.minimum,
    ...(earlier.length > 0 ? { earlier } : {}),
  });
  const released = decision.released.flatMap((key) => bySet.get(key)!.ids);
  const sets = decision.released.map((key) => bySet.get(key)!.members.map((p) => idOf[p]!));
  return { released, sets };
}

function connectedSets(
  sets: ReadonlyArray<ReadonlyArray<string>>,
  current: ReadonlySet<string>,
): Array<ReadonlyArray<string>> {
  const reached = new Set(current);
  const kept = sets.map(() => false);
  for (let changed = true; changed; ) {
    changed = false;
    sets.forEach((set, s) => {
      if (kept[s] || !set.some((id) => reached.has(id))) return;
      kept[s] = true;
      changed = true;
      for (const id of set) reached.add(id);
    });
  }
  return sets.filter((_, s) => kept[s]);
}
