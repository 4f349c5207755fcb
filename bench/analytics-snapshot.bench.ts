// Deciding one organisation-analytics snapshot (docs/decisions/0025): 10,000 and 100,000 people (or
// `--people N`), one nested team per 200 people, 5 career stages, 3 programmes, 4 score measures and
// 4 count measures (derailer, funnel steps). Prints the time of the decision (once without and once
// with the previous month as `earlier`, with scores carried over or from new assessments), the
// process's peak resident memory, and how many lattice cells reaching the minimum are shown, by level.
import { performance } from 'node:perf_hooks';
import {
  ANY,
  type AnalyticsPerson,
  type AnalyticsSnapshotDecision,
  type AnalyticsSnapshotInput,
  analyticsSnapshot,
} from '../src/core/disclosure/index.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import type { Benchmark } from './run.ts';

const SIZES = [10_000, 100_000];
const PEOPLE_PER_TEAM = 200;
const MINIMUM = 5;

function organisation(seed: number, peopleCount: number): [AnalyticsSnapshotInput, AnalyticsSnapshotInput] {
  const teamCount = Math.max(1, Math.round(peopleCount / PEOPLE_PER_TEAM));
  const random = seededRandom(seed);
  // Four top teams, then each team under a random earlier one: depths 1–5, uneven sizes.
  const teams = Array.from({ length: teamCount }, (_, t) => ({
    id: `team-${t}`,
    parentTeamId: t < 4 ? null : `team-${Math.floor(random() * t)}`,
  }));
  const weights = teams.map(() => 0.2 + random() * random() * 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickWeighted = (shares: ReadonlyArray<number>, sum: number) => {
    let r = random() * sum;
    for (let i = 0; i < shares.length; i++) {
      r -= shares[i]!;
      if (r <= 0) return i;
    }
    return shares.length - 1;
  };
  const pickTeam = () => teams[pickWeighted(weights, total)]!.id;
  const stages = ['individual', 'first-line', 'manager-of-managers', 'function', 'enterprise'];
  const stageShare = [0.55, 0.27, 0.12, 0.05, 0.01];
  const pickStage = () => stages[pickWeighted(stageShare, 1)]!;
  const programmes = ['emerging', 'first-line', 'senior'];
  const measures = [
    ...['coaching', 'strategy', 'delivery', 'balance'].map((id) => ({ id, kind: 'mean' as const })),
    ...['derailer', 'answered', 'plan', 'practising'].map((id) => ({ id, kind: 'count' as const })),
  ];
  const person = (p: number): AnalyticsPerson => {
    const programmeId = random() < 0.6 ? null : programmes[Math.floor(random() * 3)]!;
    const step = programmeId === null ? -1 : Math.floor(random() * 4);
    const score = () => (random() < 0.15 ? null : Math.round((1 + random() * 4) * 100) / 100);
    return {
      personId: `p${p}`,
      teamId: pickTeam(),
      stage: pickStage(),
      programmeId,
      values: {
        coaching: score(),
        strategy: score(),
        delivery: score(),
        balance: score(),
        derailer: random() < 0.3 ? null : random() < 0.15 ? 1 : 0,
        answered: step < 0 ? null : step >= 1 ? 1 : 0,
        plan: step < 0 ? null : step >= 2 ? 1 : 0,
        practising: step < 0 ? null : step >= 3 ? 1 : 0,
      },
    };
  };
  const january = Array.from({ length: peopleCount }, (_, p) => person(p));
  // A month later: 2 % moved team, 1 % left, 1 % joined.
  const february = january
    .filter(() => random() >= 0.01)
    .map((p) => (random() < 0.02 ? { ...p, teamId: pickTeam() } : p));
  for (let j = 0; j < peopleCount / 100; j++) february.push(person(peopleCount + j));
  const input = (people: AnalyticsPerson[]) => ({ teams, stages, programmes, measures, people });
  return [input(january), input(february)];
}

/** Lattice cells shown by level (organisation / team subtree × all or one stage, all programmes). */
function shownByLevel(decision: AnalyticsSnapshotDecision): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of Object.keys(decision.released)) {
    const [team, stage, programme] = JSON.parse(id) as string[];
    const level = `${team === ANY ? 'org' : 'team'}×${stage === ANY ? 'all-stages' : 'stage'}×${programme === ANY ? 'all-programmes' : 'programme'}`;
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return counts;
}

/** Peak resident memory of the process so far, in MB (ru_maxrss is in kB on Linux). */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function runAt(people: number, log: (line: string) => void): Promise<Record<string, unknown>> {
  const [january, february] = organisation(2026_12_06, people);
  let start = performance.now();
  const first = analyticsSnapshot(january, { minimum: MINIMUM });
  const firstMs = performance.now() - start;
  log(
    `${people} people, first month: ${firstMs.toFixed(0)} ms, ${Object.keys(first.released).length} cells released`,
  );
  start = performance.now();
  const second = analyticsSnapshot(february, { minimum: MINIMUM, earlier: [first.releasedSets] });
  const secondMs = performance.now() - start;
  log(
    `second month (first as earlier): ${secondMs.toFixed(0)} ms, ${Object.keys(second.released).length} released`,
  );
  const secondAlone = analyticsSnapshot(february, { minimum: MINIMUM });
  // Scores from the month's own assessments (new observations): only headcounts carry over.
  const fresh = {
    ...february,
    people: february.people.map((p) => ({
      ...p,
      observations: Object.fromEntries(february.measures.map((m) => [m.id, `${p.personId}@feb`])),
    })),
  };
  start = performance.now();
  const secondFresh = analyticsSnapshot(fresh, { minimum: MINIMUM, earlier: [first.releasedSets] });
  const freshMs = performance.now() - start;
  return {
    people,
    teams: january.teams.length,
    minimum: MINIMUM,
    firstMs: Math.round(firstMs),
    secondWithEarlierMs: Math.round(secondMs),
    firstReleased: Object.keys(first.released).length,
    firstByLevel: shownByLevel(first),
    secondReleased: Object.keys(second.released).length,
    secondAloneReleased: Object.keys(secondAlone.released).length,
    secondByLevel: shownByLevel(second),
    secondFreshMs: Math.round(freshMs),
    secondFreshReleased: Object.keys(secondFresh.released).length,
    secondFreshByLevel: shownByLevel(secondFresh),
    // Smallest size first, so the peak after each run is that run's (and the process's) peak.
    peakRssMb: peakRssMb(),
  };
}

const benchmark: Benchmark = {
  name: 'analytics-snapshot',
  description:
    'Decide one analytics snapshot: 10,000 and 100,000 people (--people N for one size), a team per 200, 5 stages, 3 programmes, 8 measures',
  async run({ log, people }) {
    const runs = [];
    for (const size of people === undefined ? SIZES : [people]) runs.push(await runAt(size, log));
    return { runs };
  },
};

export default benchmark;
