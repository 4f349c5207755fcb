// Message lookup. Each domain keeps its own catalogue beside its pages (e.g.
// domains/people/i18n/en.ts); this file composes them, so `t(key)` checks every key and its
// placeholders at compile time. Adding a language means adding, beside each domain's en.ts, a file
// with the same keys, composing them below like `en`, and registering the result in `catalogues`;
// the locale is chosen once, from the browser's preferences.
import { appEn } from '../app/i18n/en.ts';
import { alignmentEn } from '../domains/alignment/i18n/en.ts';
import { analyticsEn } from '../domains/analytics/i18n/en.ts';
import { assessmentsEn } from '../domains/assessments/i18n/en.ts';
import { checkinsEn } from '../domains/checkins/i18n/en.ts';
import { climateEn } from '../domains/climate/i18n/en.ts';
import { developmentEn } from '../domains/development/i18n/en.ts';
import { feedbackEn } from '../domains/feedback/i18n/en.ts';
import { frameworkEn } from '../domains/framework/i18n/en.ts';
import { homeEn } from '../domains/home/i18n/en.ts';
import { libraryEn } from '../domains/library/i18n/en.ts';
import { nudgesEn } from '../domains/nudges/i18n/en.ts';
import { pathwaysEn } from '../domains/pathways/i18n/en.ts';
import { peopleEn } from '../domains/people/i18n/en.ts';
import { programmesEn } from '../domains/programmes/i18n/en.ts';
import { progressEn } from '../domains/progress/i18n/en.ts';
import { reflectionEn } from '../domains/reflection/i18n/en.ts';
import { authEn } from '../platform/auth/i18n/en.ts';
import { mailEn } from '../platform/mail/i18n/en.ts';

/** The English messages, the shape every other language must follow. Each domain prefixes its keys. */
export const en = {
  ...appEn,
  ...authEn,
  ...mailEn,
  ...peopleEn,
  ...assessmentsEn,
  ...frameworkEn,
  ...feedbackEn,
  ...alignmentEn,
  ...developmentEn,
  ...libraryEn,
  ...pathwaysEn,
  ...reflectionEn,
  ...progressEn,
  ...homeEn,
  ...checkinsEn,
  ...nudgesEn,
  ...climateEn,
  ...programmesEn,
  ...analyticsEn,
} as const;

export type MessageKey = keyof typeof en;
/** The keys `tn` takes: those with `.one` / `.other` forms, without the suffix. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;
/**
 * A translation must provide every key (the compiler lists the missing ones), and may add the
 * plural forms its language needs beyond one/other, e.g. Polish `.few` and `.many`.
 */
export type Messages = { readonly [K in MessageKey]: string } & {
  readonly [K in `${PluralBase}.${'zero' | 'two' | 'few' | 'many'}`]?: string;
};

const catalogues: Record<string, Messages> = { en };

function chooseLocale(preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (catalogues[tag]) return tag;
    const base = tag.split('-')[0]!.toLowerCase();
    if (catalogues[base]) return base;
  }
  return 'en';
}

export const locale = chooseLocale(
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language],
);
const messages: Messages = catalogues[locale] ?? en;

/** The names between braces in a message, e.g. `{name}`, as a union of string literals. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
type Values<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;
type Args<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [values: Values<K>];

const numberFormat = new Intl.NumberFormat(locale);

function fill(template: string, values: Record<string, string | number> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  return fill(messages[key], args[0]);
}

type PluralValues<B extends PluralBase> = Values<`${B}.other` & MessageKey>;

const plurals = new Intl.PluralRules(locale);

/** A plural message: the form Intl.PluralRules picks for `count`, falling back to `<key>.other`. */
export function tn<B extends PluralBase>(base: B, count: number, values: PluralValues<B>): string {
  const forms = messages as Readonly<Record<string, string | undefined>>;
  const template = forms[`${base}.${plurals.select(count)}`] ?? forms[`${base}.other`]!;
  return fill(template, values as Record<string, string | number>);
}

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
export const formatNumber = (n: number): string => numberFormat.format(n);
