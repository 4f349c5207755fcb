// Who does what, and when, over the seeded year (days before the seed's "now"). Programme members
// follow their template's rhythm (self-assessment at the start, 360 a week in, a plan at four
// weeks, a pulse at fifteen, a re-assessment at twenty-four) with realistic drop-off; everyone else
// takes the assessment at some point of the year, some ask for a 360, some make a plan and a few
// re-rate. Growth (capability levels after a plan starts) is larger in programmes. Pure.
import { between } from './bulk.ts';
import type { SynthOrganisation } from './people.ts';

export interface ProgrammeSpec {
  template: 'early-career' | 'first-time-managers' | 'experienced-managers' | 'senior-leaders';
  name: string;
  seniorities: number[];
  share: number;
  startsDaysAgo: number;
}

/** 2–4 programmes: the fourth only in organisations big enough to run it alongside the others. */
export function programmeSpecs(n: number): ProgrammeSpec[] {
  const specs: ProgrammeSpec[] = [
    {
      template: 'early-career',
      name: 'Leading yourself — last year’s cohort',
      seniorities: [0],
      share: 0.2,
      startsDaysAgo: 330,
    },
    {
      template: 'first-time-managers',
      name: 'First-time managers',
      seniorities: [1],
      share: 0.3,
      startsDaysAgo: 250,
    },
    {
      template: 'senior-leaders',
      name: 'Senior leaders',
      seniorities: [3, 4],
      share: 0.4,
      startsDaysAgo: 190,
    },
  ];
  if (n >= 1000) {
    specs.push({
      template: 'experienced-managers',
      name: 'Experienced managers',
      seniorities: [2],
      share: 0.3,
      startsDaysAgo: 120,
    });
  }
  return specs;
}

/** Days before now of each event; null when it did not happen. */
export interface PersonTimeline {
  programme: number | null;
  assessments: number[];
  /** A self-assessment started and not finished (no submitted one then). */
  openAssessment: boolean;
  /** The 360: created, released. */
  feedback: { created: number; released: number } | null;
  plan: number | null;
  pulse: { created: number; released: number } | null;
}

const chance = (random: () => number, p: number) => random() < p;

export function timelines(org: SynthOrganisation, random: () => number): PersonTimeline[] {
  const specs = programmeSpecs(org.people.length);
  return org.people.map((person) => {
    const spec = specs.findIndex((s) => s.seniorities.includes(person.seniority));
    if (spec >= 0 && chance(random, specs[spec]!.share)) {
      const start = specs[spec]!.startsDaysAgo;
      const t: PersonTimeline = {
        programme: spec,
        assessments: [],
        openAssessment: false,
        feedback: null,
        plan: null,
        pulse: null,
      };
      if (!chance(random, 0.92)) return t;
      t.assessments.push(start - between(random, 0, 6));
      if (chance(random, 0.88)) {
        const created = start - 7 - between(random, 0, 3);
        t.feedback = { created, released: created - 14 - between(random, 1, 4) };
        if (chance(random, 0.85)) t.plan = start - 28 - between(random, 0, 5);
        if (t.plan !== null && chance(random, 0.75)) {
          const created2 = start - 105 - between(random, 0, 3);
          const released2 = created2 - 14 - between(random, 1, 4);
          if (released2 >= 1) t.pulse = { created: created2, released: released2 };
        }
      }
      const again = start - 165 - between(random, 0, 7);
      if (again >= 1 && chance(random, t.plan !== null ? 0.75 : 0.3)) t.assessments.push(again);
      return t;
    }
    const t: PersonTimeline = {
      programme: null,
      assessments: [],
      openAssessment: false,
      feedback: null,
      plan: null,
      pulse: null,
    };
    if (!chance(random, 0.8)) {
      t.openAssessment = chance(random, 0.1);
      return t;
    }
    const first = between(random, 20, 360);
    t.assessments.push(first);
    if (chance(random, 0.78)) {
      const created = first - between(random, 1, 20);
      const released = created - 14 - between(random, 1, 5);
      if (released >= 1) {
        t.feedback = { created, released };
        if (chance(random, 0.4)) {
          const plan = released - between(random, 2, 20);
          if (plan >= 1) t.plan = plan;
        }
        if (t.plan !== null && chance(random, 0.35)) {
          const created2 = t.plan - between(random, 60, 90);
          const released2 = created2 - 14 - between(random, 1, 4);
          if (released2 >= 1) t.pulse = { created: created2, released: released2 };
        }
      }
    }
    if (first >= 90 && chance(random, t.plan !== null ? 0.4 : 0.12)) {
      const again = Math.max(1, first - between(random, 60, first - 1));
      if (again >= 1 && (t.plan === null || again < t.plan)) t.assessments.push(again);
    }
    return t;
  });
}
