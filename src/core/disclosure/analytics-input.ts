import { DisclosureError } from './errors.ts';

// The input of an analytics snapshot (analytics.ts, docs/decisions/0025) and its checks.

/** All values of a dimension: the organisation, every stage, every programme (and none). */
export const ANY = '*';

export interface AnalyticsMeasure {
  readonly id: string;
  /**
   * `mean`: a score per person (a capability, manage/lead balance); the figure is n and the sum over
   * those with a value. `count`: 1 counted, 0 in the base but not counted (a derailer flagged or not
   * among those assessed, a funnel step reached or not among those invited); the figures are the base
   * and the counted people, each a set of its own, so a count of 0 or of everyone is decided like any
   * small count (ADR 0021).
   */
  readonly kind: 'mean' | 'count';
}

export interface AnalyticsPerson {
  /** Stable id, to match people across snapshots (earlier releases); never returned. */
  readonly personId: string;
  /** The person's team at the snapshot date; null: counted at the organisation level only. */
  readonly teamId: string | null;
  readonly stage: string;
  /** The programme the person is enrolled in during the bucket; null: none. */
  readonly programmeId: string | null;
  /**
   * Per measure id, the id of the observation behind the value (e.g. the assessment it comes from).
   * Absent: the person id — the value is assumed to persist into later snapshots (the worst case).
   * Two snapshots constrain each other only through the ids they share.
   */
  readonly observations?: Readonly<Record<string, string>>;
  /** Per measure id: see AnalyticsMeasure. Missing or null: no value (not in the figure's base). */
  readonly values: Readonly<Record<string, number | null | undefined>>;
}

export interface AnalyticsSnapshotInput {
  readonly teams: ReadonlyArray<{ readonly id: string; readonly parentTeamId: string | null }>;
  readonly stages: ReadonlyArray<string>;
  readonly programmes: ReadonlyArray<string>;
  readonly measures: ReadonlyArray<AnalyticsMeasure>;
  readonly people: ReadonlyArray<AnalyticsPerson>;
}

/** Checks a snapshot's input (each failure names its field, → 400) and returns each team's parent. */
export function checkInput(input: AnalyticsSnapshotInput): Record<string, string | null> {
  const parentOf: Record<string, string | null> = {};
  input.teams.forEach((team, t) => {
    if (team.id === ANY || Object.hasOwn(parentOf, team.id)) {
      throw new DisclosureError(`teams[${t}].id`, `must be unique and not "${ANY}"; got "${team.id}"`);
    }
    parentOf[team.id] = team.parentTeamId;
  });
  input.teams.forEach((team, t) => {
    if (team.parentTeamId !== null && !Object.hasOwn(parentOf, team.parentTeamId)) {
      throw new DisclosureError(
        `teams[${t}].parentTeamId`,
        `must be a team of the snapshot; got "${team.parentTeamId}"`,
      );
    }
  });
  const stages = new Set(input.stages);
  const programmes = new Set(input.programmes);
  const measures = new Set<string>();
  input.measures.forEach((m, i) => {
    if (measures.has(m.id) || m.id === 'people' || m.id.includes('#')) {
      throw new DisclosureError(
        `measures[${i}].id`,
        `must be unique, not "people" and without "#"; got "${m.id}"`,
      );
    }
    measures.add(m.id);
  });
  const ids = new Set<string>();
  input.people.forEach((person, p) => {
    if (ids.has(person.personId))
      throw new DisclosureError(`people[${p}].personId`, `repeats "${person.personId}"`);
    ids.add(person.personId);
    if (person.teamId !== null && !Object.hasOwn(parentOf, person.teamId)) {
      throw new DisclosureError(
        `people[${p}].teamId`,
        `must be a team of the snapshot; got "${person.teamId}"`,
      );
    }
    if (!stages.has(person.stage))
      throw new DisclosureError(`people[${p}].stage`, `is not a stage of the snapshot`);
    if (person.programmeId !== null && !programmes.has(person.programmeId)) {
      throw new DisclosureError(`people[${p}].programmeId`, `is not a programme of the snapshot`);
    }
    for (const [id, value] of Object.entries(person.values)) {
      if (!measures.has(id))
        throw new DisclosureError(`people[${p}].values.${id}`, 'is not a measure of the snapshot');
      if (value !== null && value !== undefined && !Number.isFinite(value)) {
        throw new DisclosureError(`people[${p}].values.${id}`, `must be a finite number; got ${value}`);
      }
    }
  });
  return parentOf;
}
