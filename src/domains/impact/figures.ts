// One programme's impact figures, decided by disclosure control: pure, no I/O (docs/decisions/0029).
// Every figure is a cell over the people it rests on (indexes into the programme's universe); ALL
// cells of a programme — the enrolled count, each capability's pairs, its all-blocks and
// fewer-blocks subsets, its improved / no change / declined counts — are decided together by
// releaseCounts, with the atoms of earlier reports as `earlier`. A capability is shown only with
// its pair set released; its blocks comparison only with both subsets, its shares only with all
// three counts.
import { type DisclosureCell, releaseCounts } from '../../core/disclosure/index.ts';
import {
  compareMeanChange,
  PsychometricsError,
  pairedEffectSizes,
  reliableChangeIndex,
  reliableChangeShares,
} from '../../core/psychometrics/index.ts';
import type { Impact, ImpactCell } from '../analytics/contracts.ts';
import type { ScaleStatistics } from '../progress/measured-change.ts';

export type ImpactProgramme = Impact['programmes'][number];

export interface ImpactCapability {
  key: string;
  name: string;
  /** Reliability and baseline SD for the reliable change index (progress's measured-change rules). */
  statistics: ScaleStatistics;
}

/** One enrolled person: their scores before and after the baseline cutoff, and their blocks. */
export interface ImpactPerson {
  personId: string;
  /** All three building blocks in place (programmes' blocksInPlace). */
  allBlocks: boolean;
  /** Capability key → score of the latest assessment at or before the cutoff; absent: none. */
  before: ReadonlyMap<string, number | null> | null;
  /** Capability key → score of the latest assessment after the cutoff. */
  after: ReadonlyMap<string, number | null> | null;
}

export interface ProgrammeInput {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  people: ReadonlyArray<ImpactPerson>;
}

/** A person's complete before/after pair on one capability. */
export interface Pair {
  /** Index into the programme's people. */
  person: number;
  before: number;
  after: number;
}

/** Complete pairs on one capability: both scores present (a skipped capability has none). */
export function pairsOf(people: ReadonlyArray<ImpactPerson>, key: string): Pair[] {
  const pairs: Pair[] = [];
  people.forEach((p, person) => {
    const before = p.before?.get(key);
    const after = p.after?.get(key);
    if (typeof before === 'number' && typeof after === 'number') pairs.push({ person, before, after });
  });
  return pairs;
}

// A capability's pair set outweighs its subsets, and those the shares: when two conflict, the
// effect size is what the page is for.
const PAIRS = 8;
const BLOCKS = 2;
const SHARES = 1;
const ENROLLED = 16;

const SHARE_KEYS = ['improved', 'noChange', 'declined'] as const;

interface Decided {
  programme: ImpactProgramme;
  /** The member sets actually shown (for the next report's `earlier`), as indexes into `universe`. */
  shownSets: number[][];
}

/**
 * The programme's released figures. `universe` lists the person ids the indexes refer to: the
 * programme's people first (in order), then anyone only an earlier report counted; `earlier` holds
 * the atoms of earlier reports over it.
 */
export function decideProgramme(
  input: ProgrammeInput,
  capabilities: ReadonlyArray<ImpactCapability>,
  options: { minimum: number; universeSize: number; earlier: ReadonlyArray<ReadonlyArray<number>> },
): Decided {
  const cells: DisclosureCell<string>[] = [
    { key: 'enrolled', members: input.people.map((_, i) => i), value: ENROLLED },
  ];
  const computed = capabilities.map((capability) => {
    const pairs = pairsOf(input.people, capability.key);
    const members = pairs.map((p) => p.person);
    const all = pairs.filter((p) => input.people[p.person]!.allBlocks);
    const fewer = pairs.filter((p) => !input.people[p.person]!.allBlocks);
    const { sd, reliability } = capability.statistics;
    const directions = pairs.map(
      (p) =>
        reliableChangeIndex(p.before, p.after, { sdBefore: sd.value, reliability: reliability.value })
          .direction,
    );
    // Capabilities: higher is better, so an increase is an improvement.
    const byShare = {
      improved: members.filter((_, i) => directions[i] === 'increase'),
      noChange: members.filter((_, i) => directions[i] === 'none'),
      declined: members.filter((_, i) => directions[i] === 'decrease'),
    };
    const k = capability.key;
    cells.push({ key: `pairs:${k}`, members, value: PAIRS });
    cells.push({ key: `all:${k}`, members: all.map((p) => p.person), value: BLOCKS });
    cells.push({ key: `fewer:${k}`, members: fewer.map((p) => p.person), value: BLOCKS });
    for (const s of SHARE_KEYS) cells.push({ key: `${s}:${k}`, members: byShare[s], value: SHARES });
    return { capability, pairs, all, fewer, directions };
  });

  const decision = releaseCounts(options.universeSize, cells, {
    minimum: options.minimum,
    earlier: options.earlier,
  });
  const released = new Set(decision.counts.map((c) => c.key));
  const membersOf = new Map(cells.map((c) => [c.key, c.members as number[]]));
  const shown: string[] = [];
  const show = (key: string) => {
    shown.push(key);
    return true;
  };

  const enrolled = released.has('enrolled') && show('enrolled') ? input.people.length : null;
  const cellsOut = computed.map(({ capability, pairs, all, fewer, directions }): ImpactCell => {
    const k = capability.key;
    const base = { key: k, name: capability.name };
    if (!released.has(`pairs:${k}`)) return withheld(base);
    show(`pairs:${k}`);
    const before = pairs.map((p) => p.before);
    const after = pairs.map((p) => p.after);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    let effect: ReturnType<typeof pairedEffectSizes> | null = null;
    try {
      effect = pairedEffectSizes(before, after);
    } catch (err) {
      if (!(err instanceof PsychometricsError)) throw err;
    }
    const shares =
      SHARE_KEYS.every((s) => released.has(`${s}:${k}`)) && SHARE_KEYS.every((s) => show(`${s}:${k}`))
        ? sharesOf(directions)
        : null;
    let blocks: ImpactCell['blocks'] = null;
    if (released.has(`all:${k}`) && released.has(`fewer:${k}`)) {
      try {
        const change = (ps: Pair[]) => ps.map((p) => p.after - p.before);
        const association = compareMeanChange({ all: change(all), fewer: change(fewer) });
        blocks = {
          kind: association.kind,
          all: { n: association.all.n, mean: association.all.meanChange },
          fewer: { n: association.fewer.n, mean: association.fewer.meanChange },
          difference: {
            estimate: association.difference,
            low: association.ciLower,
            high: association.ciUpper,
          },
        };
        show(`all:${k}`);
        show(`fewer:${k}`);
      } catch (err) {
        if (!(err instanceof PsychometricsError)) throw err;
      }
    }
    return {
      ...base,
      n: pairs.length,
      status: effect ? 'shown' : 'no-variance',
      meanBefore: mean(before),
      meanAfter: mean(after),
      dRm: effect && { estimate: effect.d_rm.g, low: effect.d_rm.gCiLower, high: effect.d_rm.gCiUpper },
      dAv: effect && { estimate: effect.d_av.g, low: effect.d_av.gCiLower, high: effect.d_av.gCiUpper },
      shares,
      blocks,
    };
  });

  return {
    programme: {
      id: input.id,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      enrolled,
      capabilities: cellsOut,
    },
    shownSets: shown.map((key) => membersOf.get(key)!),
  };
}

function withheld(base: { key: string; name: string }): ImpactCell {
  return {
    ...base,
    n: null,
    status: 'withheld',
    meanBefore: null,
    meanAfter: null,
    dRm: null,
    dAv: null,
    shares: null,
    blocks: null,
  };
}

function sharesOf(directions: ReadonlyArray<'increase' | 'decrease' | 'none'>): ImpactCell['shares'] {
  const s = reliableChangeShares(
    directions.map((direction) => ({ direction })),
    { higherIsBetter: true },
  );
  const out = (e: typeof s.improved) => ({ count: e.count, share: e.share, low: e.ciLower, high: e.ciUpper });
  return { improved: out(s.improved), noChange: out(s.noChange), declined: out(s.declined) };
}
