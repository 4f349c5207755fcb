// Completed self-assessments for the demo organisation: most people have one, some have retaken it
// (so history has something to chart), one is half-way through. Answers come from a seeded model
// rather than at random, so the profiles look like people and the instrument-quality report shows
// plausible reliability: each person has a general level, each capability a level around it, and
// each answer is that level seen through the item (its loading) plus noise, cut into the scale's
// categories. Seniority shifts practice from managing towards leading, as the source article says.
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import type { DemoPerson } from '../../platform/module.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../framework/definition.ts';
import { currentVersion } from '../framework/service.ts';
import { assessments } from './schema.ts';

const SEED = 20_250_301;
const DAY_MS = 24 * 3600_000;
/** People without a submitted assessment; the first is half-way through one. */
const HALF_WAY = 'Freya Larsen';
const NOT_YET_TAKEN = [
  HALF_WAY,
  'Victor Dubois',
  'Carlos Mendes',
  'Hugo Lefèvre',
  'Samuel Osei',
  'Leila Haddad',
  'Zoe Anderson',
  'Daniel Cohen',
];
/** People with two retakes (three assessments) and with one retake. */
const TWO_RETAKES = ['Sam Taylor', 'Amara Okafor', 'Arjun Patel', 'Mei Chen'];
const ONE_RETAKE = [
  'Priya Raman',
  'Jonas Weber',
  'Yuki Tanaka',
  'Ana Souza',
  'Olumide Adeyemi',
  'Rachel Kim',
];
/** One deliberately weak item, so the quality report has a flag to show (taking breaks relates only loosely to managing energy). */
const WEAK_ITEM = 'wellbeing-energy-2';
const CANT_SAY_RATE = 0.02;

export async function seedDemoAssessments(
  scope: Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId' | 'now'>,
  people: DemoPerson[],
): Promise<void> {
  const { tx, kind, organisationId } = scope;
  const random = seededRandom(SEED);
  const normal = normalFrom(random);
  const uniform = (low: number, high: number) => low + (high - low) * random();

  const version = await currentVersion(tx, kind, organisationId);
  const capabilities = selfAssessedCapabilities(version.definition).map((capability) => ({
    capability,
    points: responseScaleOf(version.definition, capability).labels.length,
    items: capability.items
      .filter((item) => !item.retired)
      .map((item) => ({
        item,
        loading: item.key === WEAK_ITEM ? 0.15 : uniform(0.6, 0.85),
        // How easy the item is to endorse: some behaviours are claimed more readily than others.
        offset: uniform(-0.3, 0.3),
      })),
  }));

  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const now = scope.now().getTime();

  for (const person of people) {
    const general = normal();
    // Levels per capability, fixed for the person; retakes add growth on top.
    const levels = new Map(
      capabilities.map(({ capability }) => {
        const stageShift = (person.seniority - 2) / 2; // −1 (IC) … +1 (executive)
        const practiceShift =
          capability.practice === 'lead'
            ? 1.5 * stageShift
            : capability.practice === 'manage'
              ? -0.6 * stageShift
              : 0;
        return [capability.key, 0.6 * general + 0.8 * normal() + practiceShift];
      }),
    );
    const halfWay = person.name === HALF_WAY;
    if (NOT_YET_TAKEN.includes(person.name) && !halfWay) continue;
    const takes = TWO_RETAKES.includes(person.name) ? 3 : ONE_RETAKE.includes(person.name) ? 2 : 1;
    // Spread over the past year: first takes 9–11 months ago for retakers, recent otherwise.
    const firstDaysAgo = takes === 1 ? uniform(5, 80) : uniform(270, 330);
    for (let take = 0; take < takes; take++) {
      const daysAgo =
        takes === 1 ? firstDaysAgo : firstDaysAgo - take * (firstDaysAgo / takes) - uniform(0, 10);
      const submittedAt = new Date(now - daysAgo * DAY_MS);
      const answers: Record<string, number | null> = {};
      let answered = 0;
      for (const { capability, points, items } of capabilities) {
        // Development shows: capabilities grow and derailers fade a little with each retake.
        const growth = take * (capability.derailer ? -0.25 : 0.3);
        // Self-ratings lean positive; old behaviours are reported as fairly rare.
        const lean = capability.derailer ? -0.7 : 0.45;
        const level = levels.get(capability.key)! + growth;
        for (const { item, loading, offset } of items) {
          if (halfWay && answered >= 24) break;
          answered++;
          let value: number | null = null;
          if (random() >= CANT_SAY_RATE) {
            const latent = loading * level + Math.sqrt(1 - loading * loading) * normal() + lean + offset;
            const agreeing = Math.round((points + 1) / 2 + latent * (points / 4.5));
            const clamped = Math.min(points, Math.max(1, agreeing));
            // A reverse-keyed item is agreed with by people low on the capability.
            value = item.reversed ? points + 1 - clamped : clamped;
          }
          answers[item.key] = value;
        }
      }
      assessmentRows.push({
        organisationId,
        personId: person.id,
        versionId: version.id,
        status: halfWay ? 'open' : 'submitted',
        answers,
        careerStageId: halfWay ? null : person.careerStageId,
        startedAt: new Date(submittedAt.getTime() - uniform(12, 40) * 60_000),
        updatedAt: submittedAt,
        submittedAt: halfWay ? null : submittedAt,
      });
    }
  }
  // Per item: the scale's top, and whether a lower answer means less of what development builds.
  const itemScales = new Map(
    capabilities.flatMap(({ capability, points, items }) =>
      items.map(({ item }) => [item.key, { points, up: !item.reversed !== Boolean(capability.derailer) }]),
    ),
  );
  assessmentRows.push(...baselines(assessmentRows, people, itemScales, now));
  // One multi-row insert: far faster than row by row, on PGlite especially.
  await tx.insert(assessments).values(assessmentRows);
}

/**
 * An earlier take, 8–10 months back, for every leader (team lead and up) who took the assessment
 * only once and recently: the demo's programmes for managers and senior leaders started months ago,
 * and without a take before the start the impact page had no before/after pair to show. Each answer
 * is the later one a step less developed on about half the items (the growth retakes show), from a
 * stream of its own so the rest of the demo is drawn exactly as before.
 */
function baselines(
  rows: ReadonlyArray<typeof assessments.$inferInsert>,
  people: DemoPerson[],
  itemScales: ReadonlyMap<string, { points: number; up: boolean }>,
  now: number,
): Array<typeof assessments.$inferInsert> {
  const random = seededRandom(SEED + 1);
  const takes = new Map<string, Array<typeof assessments.$inferInsert>>();
  for (const row of rows) takes.set(row.personId, [...(takes.get(row.personId) ?? []), row]);
  const out: Array<typeof assessments.$inferInsert> = [];
  for (const person of people) {
    const [only, ...more] = takes.get(person.id) ?? [];
    if (person.seniority < 1 || !only || more.length > 0 || only.status !== 'submitted') continue;
    const submittedAt = new Date(now - (240 + 60 * random()) * DAY_MS);
    const answers = Object.fromEntries(
      Object.entries(only.answers as Record<string, number | null>).map(([key, value]) => {
        const scale = itemScales.get(key);
        if (value === null || !scale || random() < 0.45) return [key, value];
        return [key, Math.min(scale.points, Math.max(1, value + (scale.up ? -1 : 1)))];
      }),
    );
    out.push({
      ...only,
      answers,
      startedAt: new Date(submittedAt.getTime() - (12 + 28 * random()) * 60_000),
      updatedAt: submittedAt,
      submittedAt,
    });
  }
  return out;
}
