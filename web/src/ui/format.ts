// Number formats for scores and statistics, in the reader's locale. Scores always show the same
// number of decimals, so a column of them lines up and "4.0" is not read as a rounder figure than "3.8".
import { locale } from '../i18n/index.ts';

const fixed = (digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const oneDecimal = fixed(1);
const twoDecimals = fixed(2);
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const shortDate = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });

/** A scale score such as 3.8. */
export const formatScore = (n: number): string => oneDecimal.format(n);
/** A statistic such as alpha 0.84 or r.drop 0.27. */
export const formatStat = (n: number): string => twoDecimals.format(n);
/** A share from 0..1 as a whole percentage, e.g. 0.384 → "38%". */
export const formatShare = (share: number): string => percent.format(share);
/** Month and year, for chart axes, e.g. "Mar 2025". */
export const formatMonth = (iso: string): string => shortDate.format(new Date(iso));
