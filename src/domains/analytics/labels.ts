// What a stored snapshot says besides its released cells: the names of its teams, stages,
// programmes, capabilities and derailers, and each stage's expected lead share, as they were when
// it was decided (a renamed team keeps its old name in old months, like every frozen release).
import type { FunnelStep } from './contracts.ts';

export interface Labels {
  teams: Array<{ id: string; name: string; parentTeamId: string | null }>;
  /** In the organisation's order (position); `expected`: the lead share it expects, 0–1. */
  stages: Array<{ key: string; name: string; expected: number | null }>;
  programmes: Array<{ id: string; name: string }>;
  capabilities: Array<{ key: string; name: string }>;
  derailers: Array<{ key: string; name: string }>;
}

/** Measure ids of the lattice: prefixed so a capability and a derailer never share one. */
export function measureIds(labels: Pick<Labels, 'capabilities' | 'derailers'>) {
  const capability = (key: string) => `capability:${key}`;
  const derailer = (key: string) => `derailer:${key}`;
  return {
    capability,
    derailer,
    balance: 'balance',
    funnel: (step: FunnelStep) => `funnel:${step}`,
    known: new Set([
      ...labels.capabilities.map((c) => capability(c.key)),
      ...labels.derailers.map((d) => derailer(d.key)),
      'balance',
    ]),
  };
}

/** "Engineering / Platform": each team's names from the top. */
/** Paths per labels object: a cached decision's labels are read by every request (read cache). */
const pathsOf = new WeakMap<Labels['teams'], Map<string, string>>();

export function teamPaths(teams: Labels['teams']): Map<string, string> {
  const known = pathsOf.get(teams);
  if (known) return known;
  const paths = computeTeamPaths(teams);
  pathsOf.set(teams, paths);
  return paths;
}

function computeTeamPaths(teams: Labels['teams']): Map<string, string> {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const paths = new Map<string, string>();
  for (const team of teams) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let t: Labels['teams'][number] | undefined = team;
      t && !seen.has(t.id);
      t = t.parentTeamId ? byId.get(t.parentTeamId) : undefined
    ) {
      seen.add(t.id);
      names.unshift(t.name);
    }
    paths.set(team.id, names.join(' / '));
  }
  return paths;
}
