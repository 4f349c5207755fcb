// The pure part of an impact refresh, run on a worker thread (platform/threads, ADR 0031): each
// programme's figures decided against the atoms of its earlier reports, and the new atoms. At
// 100,000 people this computed for ~7 s, long enough on the main thread for the server to drop
// keep-alive connections whose requests arrived meanwhile. Reading and storing stay in report.ts.
import { disclosureAtoms, membersOf, raterSetOf } from '../../core/disclosure/index.ts';
import type { ImpactCapability, ImpactProgramme, ProgrammeInput } from './figures.ts';
import { decideProgramme } from './figures.ts';

export interface ImpactTask {
  programmes: ProgrammeInput[];
  capabilities: ImpactCapability[];
  minimum: number;
  /** Every earlier report's atoms: which atom each person was in, per programme. */
  stored: Array<{ programmeId: string; personId: string; atom: number }>;
}

export interface ImpactResult {
  figures: ImpactProgramme[];
  atoms: Array<{ programmeId: string; personId: string; atom: number }>;
}

export function decideImpactOnThread({
  programmes,
  capabilities,
  minimum,
  stored,
}: ImpactTask): ImpactResult {
  const figures: ImpactProgramme[] = [];
  const atoms: ImpactResult['atoms'] = [];
  for (const input of programmes) {
    // The universe: the programme's people, then anyone only an earlier report counted (who
    // left): their earlier atom still holds them, so a new figure cannot give them back by
    // difference.
    const people = input.people.map((p) => p.personId);
    const index = new Map(people.map((id, i) => [id, i]));
    const mine = stored.filter((row) => row.programmeId === input.id);
    for (const row of mine)
      if (!index.has(row.personId)) {
        index.set(row.personId, people.length);
        people.push(row.personId);
      }
    const byAtom = new Map<number, number[]>();
    for (const row of mine) {
      const members = byAtom.get(row.atom) ?? [];
      members.push(index.get(row.personId)!);
      byAtom.set(row.atom, members);
    }
    const earlier = [...byAtom.values()];
    const { programme, shownSets } = decideProgramme(input, capabilities, {
      minimum,
      universeSize: people.length,
      earlier,
    });
    figures.push(programme);
    disclosureAtoms(
      people.length,
      [...earlier, ...shownSets].map((members) => raterSetOf(people.length, members)),
    ).forEach((atom, a) => {
      for (const i of membersOf(atom)) atoms.push({ programmeId: input.id, personId: people[i]!, atom: a });
    });
  }
  return { figures, atoms };
}

export default decideImpactOnThread;
