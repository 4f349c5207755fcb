// A snapshot's people in columns, to cross to the decision's worker thread (decide-thread.ts). As
// objects (a values and an observations record per person) 100,000 people are ~250 MB of heap, and a
// structured clone holds them twice, once per thread; as columns they are ~40 MB on the main thread,
// the values a transferred Float64Array, and the worker builds the core's AnalyticsPerson there.
import type { AnalyticsPerson } from '../../core/disclosure/index.ts';

export interface CompactPeople {
  /** The values' columns, in order. */
  measureIds: string[];
  /** Per measure: whether its value comes from the person's assessment (the observation behind it). */
  observed: boolean[];
  personIds: string[];
  teamIds: Array<string | null>;
  stages: string[];
  programmeIds: Array<string | null>;
  assessmentIds: Array<string | null>;
  /** Person-major, one column per measure; NaN: no value. */
  values: Float64Array<ArrayBuffer>;
}

export interface CompactPerson {
  personId: string;
  teamId: string | null;
  stage: string;
  programmeId: string | null;
  /** The assessment behind the observed measures' values, if any. */
  assessmentId: string | null;
}

export class CompactPeopleBuilder {
  readonly #columns: Map<string, number>;
  readonly #people: Omit<CompactPeople, 'values' | 'measureIds' | 'observed'> = {
    personIds: [],
    teamIds: [],
    stages: [],
    programmeIds: [],
    assessmentIds: [],
  };
  #values: Float64Array<ArrayBuffer> = new Float64Array(1024);
  #count = 0;

  constructor(private readonly measures: ReadonlyArray<{ id: string; observed: boolean }>) {
    this.#columns = new Map(measures.map((m, k) => [m.id, k]));
  }

  add(person: CompactPerson, values: ReadonlyMap<string, number | null>): void {
    const width = this.measures.length;
    if ((this.#count + 1) * width > this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    const row = this.#values.subarray(this.#count * width, (this.#count + 1) * width);
    row.fill(Number.NaN);
    for (const [id, value] of values) {
      const column = this.#columns.get(id);
      if (column === undefined) throw new Error(`no measure "${id}" in the snapshot`);
      if (value !== null) row[column] = value;
    }
    this.#people.personIds.push(person.personId);
    this.#people.teamIds.push(person.teamId);
    this.#people.stages.push(person.stage);
    this.#people.programmeIds.push(person.programmeId);
    this.#people.assessmentIds.push(person.assessmentId);
    this.#count++;
  }

  build(): CompactPeople {
    return {
      measureIds: this.measures.map((m) => m.id),
      observed: this.measures.map((m) => m.observed),
      ...this.#people,
      values: this.#values.slice(0, this.#count * this.measures.length),
    };
  }
}

/** The core's people. Every record of a kind is built with the same keys in the same order (one shape). */
export function expandPeople(people: CompactPeople): AnalyticsPerson[] {
  const width = people.measureIds.length;
  const observedIds = people.measureIds.filter((_, k) => people.observed[k]);
  return people.personIds.map((personId, p) => {
    const values: Record<string, number | null> = {};
    for (let k = 0; k < width; k++) {
      const value = people.values[p * width + k]!;
      values[people.measureIds[k]!] = Number.isNaN(value) ? null : value;
    }
    const assessmentId = people.assessmentIds[p];
    const person: AnalyticsPerson = {
      personId,
      teamId: people.teamIds[p]!,
      stage: people.stages[p]!,
      programmeId: people.programmeIds[p]!,
      values,
      ...(assessmentId
        ? { observations: Object.fromEntries(observedIds.map((id) => [id, assessmentId])) }
        : {}),
    };
    return person;
  });
}
