// The analytics pages, answered only from a stored decision (docs/decisions/0025): every figure is
// answerQuery over released lattice cells, or null (withheld). Nothing is recomputed over people.
// Each response also carries its `tables`, the same figures as the page shows them, for exports.
import { type AnalyticsFilter, answerQuery } from '../../core/disclosure/index.ts';
import {
  type AnalyticsContext,
  type AnalyticsQuery,
  type Balance,
  type Derailers,
  type ExportTable,
  FUNNEL_STEPS,
  type Funnel,
  type Heatmap,
} from './contracts.ts';
import { measureIds, teamPaths } from './labels.ts';
import type { LoadedSnapshot } from './load.ts';

type Row = { team: { id: string; name: string; path: string } | null; stage: string | null };
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The page's answering helpers over one loaded snapshot and query. */
function pageOf(s: LoadedSnapshot, query: AnalyticsQuery) {
  const paths = teamPaths(s.labels.teams);
  const { choice } = teamTree(s.labels.teams);
  const stageName = new Map(s.labels.stages.map((st) => [st.key, st.name]));
  const ids = measureIds(s.labels);
  const teams = rowTeams(s, query).sort((a, b) => (paths.get(a) ?? '').localeCompare(paths.get(b) ?? ''));
  const filter = (team: string | null, stage: string | null): AnalyticsFilter => ({
    ...(team !== null
      ? { teams: [team] }
      : query.team
        ? { teams: [query.team] }
        : s.lineRoots.length
          ? { teams: s.lineRoots }
          : {}),
    ...(stage !== null ? { stages: [stage] } : query.stage ? { stages: [query.stage] } : {}),
    ...(query.programme ? { programmes: [query.programme] } : {}),
  });
  const answer = (f: AnalyticsFilter, figure: string) => {
    const a = answerQuery(s.decision, f, figure);
    return a.released ? a : null;
  };
  const mean = (f: AnalyticsFilter, figure: string) => {
    const a = answer(f, figure);
    return a && a.n > 0 ? { n: a.n, mean: a.sum / a.n } : null;
  };
  const count = (f: AnalyticsFilter, figure: string) => answer(f, `${figure}#counted`)?.n ?? null;
  const share = (f: AnalyticsFilter, figure: string) => {
    const base = answer(f, figure);
    const counted = count(f, figure);
    return base && counted !== null && base.n > 0
      ? { base: base.n, count: counted, share: counted / base.n }
      : null;
  };
  const people = (f: AnalyticsFilter) => answer(f, 'people')?.n ?? null;
  const teamRef = (id: string | null): Row['team'] =>
    id === null ? null : { id, name: choice.get(id)?.name ?? '', path: paths.get(id) ?? '' };
  const stageKeys = query.stage ? [query.stage] : s.decision.stages;
  /** Rows: the scope's total (team null), then each team's subtree; each for all stages then each stage. */
  const rows = (withStages: boolean): Row[] =>
    [null, ...teams].flatMap((team) => [
      { team: teamRef(team), stage: query.stage ?? null },
      ...(withStages && !query.stage ? stageKeys.map((stage) => ({ team: teamRef(team), stage })) : []),
    ]);
  const label = (row: Row) => [
    row.team ? row.team.path : 'All in scope',
    row.stage ? (stageName.get(row.stage) ?? row.stage) : 'All stages',
  ];
  return { ids, filter, mean, count, share, people, rows, label, stageName, paths };
}

/** Most team rows a page shows; below them, the team filter drills down (as the pages link it). */
export const MAX_TEAM_ROWS = 60;

/**
 * The teams shown as rows below the scope's total: the levels under the chosen team (or under the
 * organisation, or the leader's own teams and below), level by level while they fit in
 * MAX_TEAM_ROWS — the first level always. At 1,800 teams every subtree × stage was 10,806 rows and
 * 12 s a page; a deeper team is one click (its filter) away.
 */
function rowTeams(s: LoadedSnapshot, query: AnalyticsQuery): string[] {
  const { childrenOf } = teamTree(s.labels.teams);
  let level = query.team
    ? (childrenOf.get(query.team) ?? [])
    : s.lineRoots.length
      ? [...s.lineRoots]
      : (childrenOf.get(null) ?? []);
  const out: string[] = [];
  while (level.length > 0 && (out.length === 0 || out.length + level.length <= MAX_TEAM_ROWS)) {
    out.push(...level);
    level = level.flatMap((id) => childrenOf.get(id) ?? []);
  }
  return out;
}

type TeamChoice = AnalyticsContext['choices']['teams'][number];

/**
 * The teams' structure, once per labels object: at 18,000 teams building it per request (and
 * sending every team as a choice, 3.7 MB) was most of a page's time.
 */
const trees = new WeakMap<
  LoadedSnapshot['labels']['teams'],
  { childrenOf: Map<string | null, string[]>; choice: Map<string, TeamChoice> }
>();

function teamTree(teams: LoadedSnapshot['labels']['teams']) {
  const known = trees.get(teams);
  if (known) return known;
  const paths = teamPaths(teams);
  const childrenOf = new Map<string | null, string[]>();
  const choice = new Map<string, TeamChoice>();
  for (const t of teams) {
    const siblings = childrenOf.get(t.parentTeamId) ?? [];
    siblings.push(t.id);
    childrenOf.set(t.parentTeamId, siblings);
    choice.set(t.id, {
      id: t.id,
      name: t.name,
      path: paths.get(t.id) ?? t.name,
      parentTeamId: t.parentTeamId,
    });
  }
  const tree = { childrenOf, choice };
  trees.set(teams, tree);
  return tree;
}

/**
 * The team filter's choices: the scope's first two levels, and the chosen team's path down from
 * them with its children — the way down one level at a time, as the rows' drill-down goes. Every
 * team is reachable; a list of every team grows with the organisation (18,000 options at 100,000
 * people) and no one picks from it.
 */
function teamChoices(s: LoadedSnapshot, query: AnalyticsQuery): TeamChoice[] {
  const { childrenOf, choice } = teamTree(s.labels.teams);
  const roots = s.lineRoots.length ? s.lineRoots : (childrenOf.get(null) ?? []);
  const ids = new Set(roots.flatMap((id) => [id, ...(childrenOf.get(id) ?? [])]));
  for (let t = query.team ?? null; t !== null && s.visibleTeams.has(t); t = s.decision.parentOf[t] ?? null)
    ids.add(t);
  for (const id of query.team ? (childrenOf.get(query.team) ?? []) : []) ids.add(id);
  return [...ids].map((id) => choice.get(id)!).sort((a, b) => a.path.localeCompare(b.path));
}

function context(s: LoadedSnapshot, query: AnalyticsQuery, tables: ExportTable[]): AnalyticsContext {
  const { period: _period, ...applied } = query;
  return {
    period: s.period,
    periods: s.periods,
    decidedAt: s.decidedAt.toISOString(),
    minimum: s.minimum,
    scope: s.scope,
    choices: {
      teams: teamChoices(s, query),
      stages: s.labels.stages.map(({ key, name }) => ({ key, name })),
      programmes: s.labels.programmes,
    },
    applied,
    tables,
  };
}

export function heatmapView(s: LoadedSnapshot, query: AnalyticsQuery): Heatmap {
  const p = pageOf(s, query);
  const rows = p.rows(true).map((row) => {
    const f = p.filter(row.team?.id ?? null, row.stage);
    return {
      ...row,
      people: p.people(f),
      cells: s.labels.capabilities.map((c) => p.mean(f, p.ids.capability(c.key))),
    };
  });
  const table: ExportTable = {
    id: 'heatmap',
    title: 'Capability heatmap',
    columns: [
      'Team',
      'Stage',
      'People',
      ...s.labels.capabilities.flatMap((c) => [`${c.name} (mean)`, `${c.name} (n)`]),
    ],
    rows: rows.map((r) => [
      ...p.label(r),
      r.people,
      ...r.cells.flatMap((c) => (c ? [round(c.mean), c.n] : [null, null])),
    ]),
  };
  return { ...context(s, query, [table]), capabilities: s.labels.capabilities, rows };
}

export function balanceView(s: LoadedSnapshot, query: AnalyticsQuery): Balance {
  const p = pageOf(s, query);
  const stages = s.labels.stages
    .filter((st) => !query.stage || st.key === query.stage)
    .map((st) => ({
      key: st.key,
      name: st.name,
      expected: st.expected,
      observed: p.mean(p.filter(null, st.key), p.ids.balance),
    }));
  const table: ExportTable = {
    id: 'balance',
    title: 'Manage/lead balance by stage',
    columns: ['Stage', 'Expected lead share', 'Observed lead share', 'People (n)'],
    rows: stages.map((st) => [
      st.name,
      st.expected,
      st.observed ? round(st.observed.mean, 3) : null,
      st.observed?.n ?? null,
    ]),
  };
  return {
    ...context(s, query, [table]),
    scale: { min: 0, max: 1, label: 'Lead share: 0 all managing, 1 all leading' },
    stages,
  };
}

export function derailersView(s: LoadedSnapshot, query: AnalyticsQuery): Derailers {
  const p = pageOf(s, query);
  const cells = (team: string | null, stage: string | null) =>
    s.labels.derailers.map((d) => p.share(p.filter(team, stage), p.ids.derailer(d.key)));
  const byStage = s.labels.stages
    .filter((st) => !query.stage || st.key === query.stage)
    .map((st) => ({ stage: st.key, name: st.name, cells: cells(null, st.key) }));
  const byTeam = p.rows(false).map((row) => ({ ...row, cells: cells(row.team?.id ?? null, row.stage) }));
  const columns = s.labels.derailers.flatMap((d) => [
    `${d.name} (flagged)`,
    `${d.name} (assessed)`,
    `${d.name} (share)`,
  ]);
  const values = (c: ReturnType<typeof cells>) =>
    c.flatMap((x) => (x ? [x.count, x.base, round(x.share, 3)] : [null, null, null]));
  const tables: ExportTable[] = [
    {
      id: 'by-stage',
      title: 'Derailers by stage',
      columns: ['Stage', ...columns],
      rows: byStage.map((r) => [r.name, ...values(r.cells)]),
    },
    {
      id: 'by-team',
      title: 'Derailers by team',
      columns: ['Team', 'Stage', ...columns],
      rows: byTeam.map((r) => [...p.label(r), ...values(r.cells)]),
    },
  ];
  return { ...context(s, query, tables), derailers: s.labels.derailers, byStage, byTeam };
}

export function funnelView(s: LoadedSnapshot, query: AnalyticsQuery): Funnel {
  const p = pageOf(s, query);
  const total = p.filter(null, null);
  const steps = FUNNEL_STEPS.map((key) => ({ key, count: p.count(total, p.ids.funnel(key)) }));
  const byTeam = p.rows(false).map((row) => {
    const f = p.filter(row.team?.id ?? null, row.stage);
    return { ...row, people: p.people(f), steps: FUNNEL_STEPS.map((key) => p.count(f, p.ids.funnel(key))) };
  });
  const table: ExportTable = {
    id: 'funnel',
    title: 'Participation funnel',
    columns: ['Team', 'Stage', 'People', ...FUNNEL_STEPS],
    rows: byTeam.map((r) => [...p.label(r), r.people, ...r.steps]),
  };
  return { ...context(s, query, [table]), people: p.people(total), steps, byTeam };
}
