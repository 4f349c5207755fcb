// Pure planning of the teams a people CSV names. The `team` cell is a path, top team first, parts
// separated by "/": "Engineering / Platform" is Platform inside Engineering. Missing teams are
// created; an existing team must already sit where the path puts it (team names are unique per
// organisation, so a path never moves a team). A cell that is exactly an existing team's name is
// that team, so names that contain "/" from before nesting keep importing as they did.
import { findCycle } from './find-cycle.ts';
import { TEAM_MAX_DEPTH } from './team-tree.ts';

export const TEAM_PATH_IMPORT_SEPARATOR = '/';

export interface ExistingTeam {
  id: string;
  name: string;
  parentTeamId: string | null;
}

/** A team the import creates; `parent` is a team name (existing or created before it), or null. */
export interface NewTeam {
  name: string;
  parent: string | null;
  /** Its path as the import summary shows it, e.g. "Engineering / Platform". */
  path: string;
}

interface Placed {
  name: string;
  parent: string | null; // lower-cased key
  /** The file line that creates it; undefined for a team that exists. */
  line?: number;
}

export type TeamResolution = { team: string | null; commit(): void } | { error: string };

export function planTeams(existing: ExistingTeam[]) {
  const nameById = new Map(existing.map((t) => [t.id, t.name.toLowerCase()]));
  const placed = new Map<string, Placed>(
    existing.map((t) => [
      t.name.toLowerCase(),
      { name: t.name, parent: t.parentTeamId ? nameById.get(t.parentTeamId)! : null },
    ]),
  );
  const depth = (key: string | null): number => {
    let d = 0;
    // Bounded by the number of teams, in case an existing tree were ever corrupt.
    for (let k = key; k !== null && d <= placed.size; k = placed.get(k)?.parent ?? null) d++;
    return d;
  };
  const pathOf = (key: string): string[] => {
    const names: string[] = [];
    for (let k: string | null = key; k !== null && names.length <= placed.size; k = placed.get(k)!.parent)
      names.unshift(placed.get(k)!.name);
    return names;
  };
  const where = (key: string | null) =>
    key === null ? 'at the top (no parent team)' : `under ${placed.get(key)!.name}`;

  /** Checks a `team` cell of line `line`; `commit` records its new teams once the row is valid. */
  function resolve(cell: string, line: number): TeamResolution {
    if (!cell) return { team: null, commit() {} };
    const whole = placed.get(cell.toLowerCase());
    if (whole) return { team: whole.name, commit() {} };
    const parts = cell.split(TEAM_PATH_IMPORT_SEPARATOR).map((p) => p.trim());
    if (parts.some((p) => !p)) return { error: 'has an empty team name between "/" separators' };
    const long = parts.find((p) => p.length > 100);
    if (long) return { error: `team name ${long.slice(0, 20)}… must be at most 100 characters` };
    const keys = parts.map((p) => p.toLowerCase());
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) return { error: `names ${parts[keys.indexOf(twice)]} twice: a team cannot be inside itself` };
    const created: [string, Placed][] = [];
    let parent: string | null = null;
    for (const [i, key] of keys.entries()) {
      const known = placed.get(key);
      if (known && i > 0 && known.parent !== parent) {
        const from = known.line ? ` (line ${known.line})` : '';
        return {
          error: `${known.name} is already ${where(known.parent)}${from}, not under ${parts[i - 1]}; team names are unique, so move teams on the Teams page`,
        };
      }
      if (!known) created.push([key, { name: parts[i]!, parent, line }]);
      parent = key;
    }
    if (created.length && depth(created[0]![1].parent) + created.length > TEAM_MAX_DEPTH)
      return { error: `would nest teams more than ${TEAM_MAX_DEPTH} levels deep` };
    // New teams only hang below known ones, so no loop can form; checked anyway with the same
    // cycle finder as reporting lines, as the last line of defence before anything is written.
    const parentOf = new Map<string, string | null>([...placed].map(([k, p]) => [k, p.parent]));
    for (const [k, p] of created) parentOf.set(k, p.parent);
    if (findCycle(parentOf)) return { error: 'would make a loop of teams' };
    return {
      team: placed.get(keys.at(-1)!)?.name ?? parts.at(-1)!,
      commit() {
        for (const [k, p] of created) if (!placed.has(k)) placed.set(k, p);
      },
    };
  }

  /** The new teams the given (valid) rows' teams need, each after its parent. */
  function newTeams(usedTeams: Iterable<string>): NewTeam[] {
    const needed = new Set<string>();
    for (const team of usedTeams) {
      for (
        let k: string | null = team.toLowerCase();
        k !== null && placed.get(k)?.line;
        k = placed.get(k)!.parent
      )
        needed.add(k);
    }
    return [...needed]
      .sort((a, b) => depth(a) - depth(b))
      .map((k) => {
        const p = placed.get(k)!;
        return {
          name: p.name,
          parent: p.parent ? placed.get(p.parent)!.name : null,
          path: pathOf(k).join(` ${TEAM_PATH_IMPORT_SEPARATOR} `),
        };
      });
  }

  return { resolve, newTeams };
}
