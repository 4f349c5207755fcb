// The team climate instrument: statements written for Lodestar (not taken from any published survey),
// one set per version. Direct reports say how far they agree with each about the environment their
// leader creates. A round stores the version and item keys it asked, so results stay readable when a
// later version rewords, adds or drops items; a key is never reused for a different statement.
//
// Factors: the seed's three (meaning, growth, belonging), three items each, and psychological safety
// with two, because without it the other three are not said honestly (docs/decisions/0022).
import type { FactorKey } from './constants.ts';

export interface ClimateItem {
  key: string;
  factor: FactorKey;
  text: string;
}

export interface ClimateFactor {
  key: FactorKey;
  name: string;
  /** One line on what the factor is about, for the results page and a plan focus. */
  description: string;
}

export interface ClimateInstrument {
  version: number;
  factors: readonly ClimateFactor[];
  items: readonly ClimateItem[];
}

export const CLIMATE_FACTORS: readonly ClimateFactor[] = [
  {
    key: 'meaning',
    name: 'Meaning',
    description: 'People see why their work matters and how it connects to the bigger picture.',
  },
  {
    key: 'growth',
    name: 'Growth',
    description:
      'People are stretched, get feedback that helps, and are supported in what they want to learn.',
  },
  {
    key: 'belonging',
    name: 'Belonging',
    description: 'People can be themselves, are included, and feel that others in the team care about them.',
  },
  {
    key: 'safety',
    name: 'Psychological safety',
    description: 'People can admit mistakes and disagree without fearing what happens next.',
  },
];

const VERSION_1: ClimateInstrument = {
  version: 1,
  factors: CLIMATE_FACTORS,
  items: [
    {
      key: 'meaning.contribution',
      factor: 'meaning',
      text: 'I can see how my work contributes to what our organisation is trying to achieve.',
    },
    { key: 'meaning.worthwhile', factor: 'meaning', text: 'The work I do here feels worthwhile to me.' },
    {
      key: 'meaning.reasons',
      factor: 'meaning',
      text: 'My leader explains the reasons behind decisions that change my work.',
    },
    {
      key: 'growth.stretch',
      factor: 'growth',
      text: 'In recent months I have taken on work that stretched what I can do.',
    },
    { key: 'growth.feedback', factor: 'growth', text: 'The feedback I get here helps me do better work.' },
    {
      key: 'growth.direction',
      factor: 'growth',
      text: 'My leader takes a real interest in what I want to learn next.',
    },
    { key: 'belonging.self', factor: 'belonging', text: 'I can be myself in this team.' },
    {
      key: 'belonging.included',
      factor: 'belonging',
      text: 'I am included in the conversations and decisions that concern me.',
    },
    {
      key: 'belonging.noticed',
      factor: 'belonging',
      text: 'Someone in this team would notice if I were having a hard time.',
    },
    {
      key: 'safety.mistakes',
      factor: 'safety',
      text: 'When someone here gets something wrong, we treat it as something to learn from.',
    },
    {
      key: 'safety.disagree',
      factor: 'safety',
      text: 'I can disagree with my leader without worrying about what it will cost me.',
    },
  ],
};

/** Every version ever used, by number; the newest is what new rounds ask. */
const VERSIONS: ReadonlyMap<number, ClimateInstrument> = new Map([[1, VERSION_1]]);
export const CURRENT_INSTRUMENT: ClimateInstrument = VERSION_1;

/** The instrument a round used (its stored version); every item key across versions resolves. */
export function instrumentVersion(version: number): ClimateInstrument {
  const found = VERSIONS.get(version);
  if (!found) throw new Error(`unknown climate instrument version ${version}`);
  return found;
}

/** An item by key in any version (keys are never reused), for reading an old round's items. */
export function climateItem(key: string): ClimateItem | undefined {
  for (const v of VERSIONS.values()) {
    const item = v.items.find((i) => i.key === key);
    if (item) return item;
  }
  return undefined;
}

export const factorOf = (key: FactorKey): ClimateFactor => CLIMATE_FACTORS.find((f) => f.key === key)!;
