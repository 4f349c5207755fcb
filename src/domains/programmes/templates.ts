// The four programme templates (issue 11 item 1). Each is the same journey — self-knowledge first
// (self-assessment and 360), then a plan, practice (pathways and check-ins), a pulse by the same
// raters, and a re-assessment — worded for its audience. Dates are offsets in days from the start.
// A template suggests the career stages it was written for; the admin may target any stages, and
// nothing in Lodestar is limited to senior people (DESIGN §1).
import { STEP_KINDS, type StepKind, type TemplateKey } from './constants.ts';

export interface TemplateStep {
  kind: StepKind;
  title: string;
  description: string;
  offsetDays: number;
}

export interface ProgrammeTemplate {
  key: TemplateKey;
  name: string;
  description: string;
  /** Career stage keys (identity's defaults) the template was written for; a suggestion only. */
  stageKeys: string[];
  durationDays: number;
  steps: TemplateStep[];
}

/** The journey's dates, shared by the templates: the wording differs, the rhythm does not. */
const DAYS: Record<StepKind, number> = {
  'self-assessment': 0,
  '360': 7,
  plan: 28,
  practice: 35,
  pulse: 105,
  're-assessment': 165,
};
const DURATION = 180;

function journey(words: Record<StepKind, [string, string]>): TemplateStep[] {
  // STEP_KINDS gives the order: an object's keys would put '360' first (integer-like keys lead).
  return STEP_KINDS.map((kind) => ({
    kind,
    title: words[kind][0],
    description: words[kind][1],
    offsetDays: DAYS[kind],
  }));
}

export const TEMPLATES: readonly ProgrammeTemplate[] = [
  {
    key: 'early-career',
    name: 'Leading yourself',
    description:
      'For people early in their career: leadership starts with leading yourself — knowing how you work, choosing what to grow, and owning it.',
    stageKeys: ['individual-contributor'],
    durationDays: DURATION,
    steps: journey({
      'self-assessment': [
        'How do you lead yourself today?',
        'Rate how often you show each behaviour at work, with examples in mind.',
      ],
      '360': [
        'How do others see you?',
        'Ask a few colleagues how they experience your work; their answers stay anonymous.',
      ],
      plan: [
        'Choose what to grow',
        'Pick one or two behaviours to practise and write down why they matter to you.',
      ],
      practice: [
        'Practise and reflect',
        'Follow a learning pathway you choose and talk it through in a check-in.',
      ],
      pulse: ['A quick pulse', 'Ask the same colleagues to re-rate only the behaviours you chose.'],
      're-assessment': ['Look back', 'Rate yourself again and see what changed.'],
    }),
  },
  {
    key: 'first-time-managers',
    name: 'First-time managers',
    description:
      'For people who have just started leading a team: from doing the work to creating the conditions for others to do theirs.',
    stageKeys: ['team-lead', 'manager'],
    durationDays: DURATION,
    steps: journey({
      'self-assessment': [
        'Your starting point as a manager',
        'Rate how often you show each behaviour now that you lead a team.',
      ],
      '360': [
        'Feedback from your team',
        'Your team, peers and manager tell you how they experience your leadership, anonymously.',
      ],
      plan: [
        'Your first-year plan',
        'Choose the behaviours that will help your team most, and one old habit to unlearn.',
      ],
      practice: [
        'Practise with your team',
        'Try small experiments with your team, follow a pathway and review them in check-ins.',
      ],
      pulse: ['Pulse from your team', 'The same raters re-rate the behaviours you chose.'],
      're-assessment': ['Six months on', 'Rate yourself again and compare with where you started.'],
    }),
  },
  {
    key: 'experienced-managers',
    name: 'Experienced managers',
    description:
      'For managers with a few years behind them: shifting the balance from keeping things on track towards setting direction.',
    stageKeys: ['manager'],
    durationDays: DURATION,
    steps: journey({
      'self-assessment': [
        'Your manage/lead balance',
        'Rate how often you manage and how often you lead, behaviour by behaviour.',
      ],
      '360': [
        'How your organisation sees you',
        'Reports, peers and your manager rate the same behaviours, anonymously.',
      ],
      plan: ['Rebalance', 'Choose where to lead more and manage less, and the blind spots to work on.'],
      practice: [
        'Experiments at scale',
        'Run experiments across your area, follow a pathway, review them in check-ins.',
      ],
      pulse: ['Pulse', 'The same raters re-rate your focus behaviours.'],
      're-assessment': ['Re-assess', 'Rate yourself again; see your measured change.'],
    }),
  },
  {
    key: 'senior-leaders',
    name: 'Senior leaders',
    description:
      'For senior leaders and executives: vision, strategy and an environment where people find meaning, growth and belonging.',
    stageKeys: ['senior-leader', 'executive'],
    durationDays: DURATION,
    steps: journey({
      'self-assessment': [
        'Your leadership profile',
        'Rate how often you show each behaviour, including the old habits that hold leaders back.',
      ],
      '360': [
        'The view from around you',
        'Your organisation tells you how it experiences your leadership, anonymously.',
      ],
      plan: ['Where you will lead', 'Choose the few behaviours that shape your organisation most.'],
      practice: [
        'Lead in the open',
        'Practise visibly, follow a pathway, and review it with your coach or manager.',
      ],
      pulse: ['Pulse', 'The same raters re-rate your focus behaviours.'],
      're-assessment': ['Re-assess', 'Rate yourself again and see what moved.'],
    }),
  },
];

export function templateOf(key: TemplateKey): ProgrammeTemplate {
  const found = TEMPLATES.find((t) => t.key === key);
  if (!found) throw new Error(`no programme template ${key}`);
  return found;
}
