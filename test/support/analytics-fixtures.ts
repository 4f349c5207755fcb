// Small responses of the analytics API, typed by its contracts (and parsed by them in
// web/src/domains/analytics/fixtures.test.ts): what the web pages were built and screenshotted
// against before the API routes existed, and what their unit tests render. Withheld cells (null)
// are in every page, as they are in real data.
import type {
  AnalyticsClimate,
  AnalyticsContext,
  Balance,
  Derailers,
  Funnel,
  Heatmap,
  Impact,
} from '../../src/domains/analytics/contracts.ts';

const ids = {
  executive: '0b9a3a4c-52b1-4c55-9a34-08f1c7d7e001',
  engineering: '0b9a3a4c-52b1-4c55-9a34-08f1c7d7e002',
  product: '0b9a3a4c-52b1-4c55-9a34-08f1c7d7e003',
  success: '0b9a3a4c-52b1-4c55-9a34-08f1c7d7e004',
  programme: '7d3c2f10-8d4e-4b7a-9d59-2f4a1c0e9a01',
  pilot: '7d3c2f10-8d4e-4b7a-9d59-2f4a1c0e9a02',
  rounds: [
    '5a1f0c2e-3b4d-4e6f-8a9b-0c1d2e3f4a01',
    '5a1f0c2e-3b4d-4e6f-8a9b-0c1d2e3f4a02',
    '5a1f0c2e-3b4d-4e6f-8a9b-0c1d2e3f4a03',
  ],
};

const team = (id: string, name: string, path: string) => ({ id, name, path });

export const contextFixture: AnalyticsContext = {
  period: '2026-11',
  periods: ['2026-11', '2026-10', '2026-09'],
  decidedAt: '2026-12-01T03:00:00.000Z',
  minimum: 5,
  scope: 'organisation',
  choices: {
    teams: [
      { ...team(ids.executive, 'Executive Office', 'Executive Office'), parentTeamId: null },
      {
        ...team(ids.engineering, 'Engineering', 'Executive Office / Product & Engineering / Engineering'),
        parentTeamId: ids.executive,
      },
      {
        ...team(ids.product, 'Product', 'Executive Office / Product & Engineering / Product'),
        parentTeamId: ids.executive,
      },
      {
        ...team(ids.success, 'Customer Success', 'Executive Office / Customer Success'),
        parentTeamId: ids.executive,
      },
    ],
    stages: [
      { key: 'individual-contributor', name: 'Individual contributor' },
      { key: 'team-lead', name: 'Team lead' },
      { key: 'manager', name: 'Manager' },
      { key: 'senior-leader', name: 'Senior leader' },
    ],
    programmes: [
      { id: ids.programme, name: 'Leading others 2026' },
      { id: ids.pilot, name: 'New managers pilot' },
    ],
  },
  applied: {},
  tables: [],
};

const capabilities = [
  { key: 'self-awareness', name: 'Self-awareness' },
  { key: 'building-relationships', name: 'Building relationships' },
  { key: 'strategic-thinking', name: 'Strategic thinking' },
  { key: 'delegating-tracking', name: 'Delegating and tracking' },
  { key: 'setting-direction', name: 'Setting direction' },
];
const m = (n: number, mean: number) => ({ n, mean });

export const heatmapFixture: Heatmap = {
  ...contextFixture,
  capabilities,
  rows: [
    {
      team: null,
      stage: null,
      people: 64,
      cells: [m(64, 3.62), m(64, 3.81), m(61, 3.12), m(58, 3.05), m(60, 3.44)],
    },
    {
      team: team(ids.engineering, 'Engineering', 'Executive Office / Product & Engineering / Engineering'),
      stage: null,
      people: 23,
      cells: [m(23, 3.55), m(23, 3.41), m(22, 3.3), null, m(21, 3.6)],
    },
    {
      team: team(ids.engineering, 'Engineering', 'Executive Office / Product & Engineering / Engineering'),
      stage: 'individual-contributor',
      people: 15,
      cells: [m(15, 3.48), m(15, 3.22), m(14, 2.91), null, m(13, 3.1)],
    },
    {
      team: team(ids.product, 'Product', 'Executive Office / Product & Engineering / Product'),
      stage: null,
      people: 12,
      cells: [m(12, 3.9), m(12, 4.21), m(11, 3.74), m(10, 3.33), m(11, 3.95)],
    },
    {
      team: team(ids.success, 'Customer Success', 'Executive Office / Customer Success'),
      stage: null,
      people: null,
      cells: [null, null, null, null, null],
    },
  ],
  tables: [
    {
      id: 'heatmap',
      title: 'Capability means by team and stage',
      columns: ['Team', 'Stage', 'People', ...capabilities.flatMap((c) => [`${c.name} mean`, `${c.name} n`])],
      rows: [
        ['Everyone in view', 'All stages', 64, 3.62, 64, 3.81, 64, 3.12, 61, 3.05, 58, 3.44, 60],
        ['Customer Success', 'All stages', null, null, null, null, null, null, null, null, null, null, null],
      ],
    },
  ],
};

export const balanceFixture: Balance = {
  ...contextFixture,
  scale: { min: 0, max: 1, label: 'share of leading over managing' },
  stages: [
    { key: 'individual-contributor', name: 'Individual contributor', expected: 0.3, observed: m(31, 0.34) },
    { key: 'team-lead', name: 'Team lead', expected: 0.4, observed: m(12, 0.38) },
    { key: 'manager', name: 'Manager', expected: 0.5, observed: m(14, 0.41) },
    { key: 'senior-leader', name: 'Senior leader', expected: 0.65, observed: null },
  ],
  tables: [
    {
      id: 'balance',
      title: 'Balance by career stage',
      columns: ['Stage', 'Expected', 'Observed', 'n'],
      rows: [
        ['Individual contributor', 0.3, 0.34, 31],
        ['Team lead', 0.4, 0.38, 12],
        ['Manager', 0.5, 0.41, 14],
        ['Senior leader', 0.65, null, null],
      ],
    },
  ],
};

const derailerList = [
  { key: 'needing-to-win', name: 'Needing to win' },
  { key: 'profit-at-all-cost', name: 'Profit at all cost' },
  { key: 'game-face', name: 'Game face' },
  { key: 'knowing-all-the-answers', name: 'Knowing all the answers' },
];
const s = (base: number, count: number) => ({ base, count, share: count / base });

export const derailersFixture: Derailers = {
  ...contextFixture,
  derailers: derailerList,
  byStage: [
    {
      stage: 'individual-contributor',
      name: 'Individual contributor',
      cells: [s(31, 6), s(31, 5), null, s(31, 9)],
    },
    { stage: 'manager', name: 'Manager', cells: [s(14, 5), null, null, s(14, 6)] },
  ],
  byTeam: [
    { team: null, stage: null, cells: [s(58, 14), s(58, 7), null, s(58, 19)] },
    {
      team: team(ids.engineering, 'Engineering', 'Executive Office / Product & Engineering / Engineering'),
      stage: null,
      cells: [s(22, 6), null, null, s(22, 9)],
    },
  ],
  tables: [
    {
      id: 'by-stage',
      title: 'Derailers by career stage',
      columns: ['Stage', ...derailerList.map((d) => d.name)],
      rows: [
        ['Individual contributor', 0.19, 0.16, null, 0.29],
        ['Manager', 0.36, null, null, 0.43],
      ],
    },
    {
      id: 'by-team',
      title: 'Derailers by team',
      columns: ['Team', ...derailerList.map((d) => d.name)],
      rows: [
        ['Everyone in view', 0.24, 0.12, null, 0.33],
        ['Engineering', 0.27, null, null, 0.41],
      ],
    },
  ],
};

export const funnelFixture: Funnel = {
  ...contextFixture,
  people: 80,
  steps: [
    { key: 'invited', count: 80 },
    { key: 'answered', count: 64 },
    { key: 'plan', count: 41 },
    { key: 'practising', count: 27 },
    { key: 're-rated', count: null },
  ],
  byTeam: [
    { team: null, stage: null, people: 80, steps: [80, 64, 41, 27, null] },
    {
      team: team(ids.engineering, 'Engineering', 'Executive Office / Product & Engineering / Engineering'),
      stage: null,
      people: 28,
      steps: [28, 23, 15, 9, null],
    },
  ],
  tables: [
    {
      id: 'funnel',
      title: 'Participation by team',
      columns: ['Team', 'People', 'Invited', 'Answered', 'Plan', 'Practising', 'Re-rated'],
      rows: [
        ['Everyone in view', 80, 80, 64, 41, 27, null],
        ['Engineering', 28, 28, 23, 15, 9, null],
      ],
    },
  ],
};

const factor = (key: 'meaning' | 'growth' | 'belonging' | 'safety', mean: number, n: number) => ({
  key,
  mean,
  n,
});
const round = (i: number, released: boolean, means: number[], n: number, changeFromPrevious: boolean) => ({
  roundId: ids.rounds[i]!,
  released,
  ...(released
    ? {
        n,
        factors: [
          factor('meaning', means[0]!, n),
          factor('growth', means[1]!, n),
          factor('belonging', means[2]!, n),
          factor('safety', means[3]!, n),
        ],
        items: [],
      }
    : {}),
  changeFromPrevious,
});

export const climateFixture: AnalyticsClimate = {
  ...contextFixture,
  factors: [
    { key: 'meaning', name: 'Meaning', description: 'The work matters.' },
    { key: 'growth', name: 'Growth', description: 'People learn and grow.' },
    { key: 'belonging', name: 'Belonging', description: 'People feel part of the team.' },
    { key: 'safety', name: 'Psychological safety', description: 'It is safe to speak up.' },
  ],
  items: [],
  rounds: [
    { id: ids.rounds[0]!, openedAt: '2026-03-01T09:00:00.000Z', closedAt: '2026-03-15T09:00:00.000Z' },
    { id: ids.rounds[1]!, openedAt: '2026-06-01T09:00:00.000Z', closedAt: '2026-06-15T09:00:00.000Z' },
    { id: ids.rounds[2]!, openedAt: '2026-09-01T09:00:00.000Z', closedAt: '2026-09-15T09:00:00.000Z' },
  ],
  views: [
    {
      key: 'organisation',
      kind: 'organisation',
      label: 'Everyone in view',
      rounds: [
        round(0, true, [3.8, 3.4, 3.9, 3.5], 58, false),
        round(1, true, [3.9, 3.6, 4.0, 3.7], 61, true),
        round(2, true, [4.0, 3.7, 4.1, 3.9], 60, true),
      ],
    },
    {
      key: `subtree:${ids.engineering}`,
      kind: 'subtree',
      label: 'Engineering (with sub-teams)',
      rounds: [
        round(0, true, [3.6, 3.2, 3.7, 3.3], 19, false),
        round(1, false, [], 0, false),
        round(2, true, [3.9, 3.5, 3.9, 3.6], 21, false),
      ],
    },
    {
      key: `subtree:${ids.success}`,
      kind: 'subtree',
      label: 'Customer Success (with sub-teams)',
      rounds: [round(2, false, [], 0, false)],
    },
  ],
  tables: [
    {
      id: 'latest',
      title: 'Latest round by team',
      columns: ['Team', 'Meaning', 'Growth', 'Belonging', 'Psychological safety', 'n'],
      rows: [
        ['Everyone in view', 4.0, 3.7, 4.1, 3.9, 60],
        ['Engineering (with sub-teams)', 3.9, 3.5, 3.9, 3.6, 21],
        ['Customer Success (with sub-teams)', null, null, null, null, null],
      ],
    },
  ],
};

const interval = (estimate: number, low: number, high: number) => ({ estimate, low, high });
const share = (count: number, n: number) => ({
  count,
  share: count / n,
  low: Math.max(0, count / n - 0.15),
  high: Math.min(1, count / n + 0.15),
});

export const impactFixture: Impact = {
  decidedAt: '2026-12-01T03:00:00.000Z',
  minimum: 5,
  scope: 'organisation',
  benchmark: {
    source: 'external',
    citation:
      'Lacerenza, C. N., Reyes, D. L., Marlow, S. L., Joseph, D. L., & Salas, E. (2017). Leadership training design, delivery, and implementation: A meta-analysis. Journal of Applied Psychology, 102(12), 1686–1718.',
    reactions: 0.63,
    learning: 0.73,
    transfer: 0.82,
    results: 0.72,
  },
  programmes: [
    {
      id: ids.programme,
      name: 'Leading others 2026',
      startsOn: '2026-02-01',
      endsOn: '2026-07-31',
      enrolled: 24,
      capabilities: [
        {
          key: 'building-relationships',
          name: 'Building relationships',
          n: 18,
          status: 'shown',
          meanBefore: 3.21,
          meanAfter: 3.64,
          dRm: interval(0.58, 0.24, 0.92),
          dAv: interval(0.51, 0.2, 0.82),
          shares: { improved: share(9, 18), noChange: share(7, 18), declined: share(2, 18) },
          blocks: {
            kind: 'association',
            all: m(8, 0.61),
            fewer: m(10, 0.27),
            difference: interval(0.34, -0.02, 0.7),
          },
        },
        {
          key: 'delegating-tracking',
          name: 'Delegating and tracking',
          n: 17,
          status: 'shown',
          meanBefore: 2.94,
          meanAfter: 3.02,
          dRm: interval(0.09, -0.25, 0.43),
          dAv: interval(0.08, -0.22, 0.38),
          shares: { improved: share(4, 17), noChange: share(10, 17), declined: share(3, 17) },
          blocks: null,
        },
        {
          key: 'setting-direction',
          name: 'Setting direction',
          n: 16,
          status: 'no-variance',
          meanBefore: 3.5,
          meanAfter: 3.5,
          dRm: null,
          dAv: null,
          shares: null,
          blocks: null,
        },
        {
          key: 'strategic-thinking',
          name: 'Strategic thinking',
          n: null,
          status: 'withheld',
          meanBefore: null,
          meanAfter: null,
          dRm: null,
          dAv: null,
          shares: null,
          blocks: null,
        },
      ],
    },
  ],
  tables: [
    {
      id: 'impact',
      title: 'Change per programme and capability',
      columns: ['Programme', 'Capability', 'n', 'd_rm', 'd_rm low', 'd_rm high'],
      rows: [
        ['Leading others 2026', 'Building relationships', 18, 0.58, 0.24, 0.92],
        ['Leading others 2026', 'Strategic thinking', null, null, null, null],
      ],
    },
  ],
};

/** The response of GET /api/analytics/<page>, by page. */
export const analyticsFixtures = {
  heatmap: heatmapFixture,
  balance: balanceFixture,
  derailers: derailersFixture,
  funnel: funnelFixture,
  climate: climateFixture,
  impact: impactFixture,
} as const;
