// How well each scale of a framework version measures, on the organisation's own responses:
// psych::alpha-style reliability per capability once enough people have answered, with weak items
// flagged. Pure: responses in, report (or CSV) out.
import { PsychometricsError, reliabilityReport } from '../../core/psychometrics/index.ts';
import {
  type FrameworkDefinition,
  responseScaleOf,
  selfAssessedCapabilities,
} from '../framework/definition.ts';
import type { QualityReport } from './contracts.ts';
import type { Answers } from './profile.ts';

/** Below this many respondents alpha is too unstable to act on (its standard error is large). */
export const MIN_RESPONDENTS = 30;
/** A corrected item–total correlation below this suggests the item measures something else. */
export const FLAG_BELOW = 0.3;

type Scales = QualityReport['scales'];

/** One report per self-assessed capability; `responses` holds one answer set per respondent. */
export function instrumentQuality(
  definition: FrameworkDefinition,
  responses: ReadonlyArray<Answers>,
): { respondents: number; scales: Scales } {
  const scales: Scales = selfAssessedCapabilities(definition).map((capability) => {
    const items = capability.items.filter((item) => !item.retired);
    const rows = responses
      .map((answers) => items.map((item) => answers.get(item.key) ?? null))
      .filter((row) => row.some((v) => v !== null));
    const base = {
      capability: { key: capability.key, name: capability.name, derailer: capability.derailer },
      n: rows.length,
      rawAlpha: null,
      stdAlpha: null,
      g6: null,
      averageR: null,
      mean: null,
      sd: null,
      items: [],
    };
    if (rows.length < MIN_RESPONDENTS) {
      return {
        ...base,
        status: 'insufficient' as const,
        message: `not enough responses yet: n = ${rows.length}, reliability is reported from n = ${MIN_RESPONDENTS}`,
      };
    }
    const max = responseScaleOf(definition, capability).labels.length;
    try {
      const report = reliabilityReport(rows, {
        keys: items.map((item) => ({ item: item.key, reversed: item.reversed })),
        min: 1,
        max,
      });
      const flagged = report.items.filter((i) => i.r_drop < FLAG_BELOW).length;
      return {
        ...base,
        status: 'computed' as const,
        message:
          `alpha ${report.raw_alpha.toFixed(2)} on n = ${report.n}` +
          (flagged ? `; ${flagged} item${flagged > 1 ? 's' : ''} below r.drop ${FLAG_BELOW.toFixed(2)}` : ''),
        rawAlpha: report.raw_alpha,
        stdAlpha: report.std_alpha,
        g6: report.G6,
        averageR: report.average_r,
        mean: report.mean,
        sd: report.sd,
        items: report.items.map((stat, i) => ({
          key: stat.item,
          text: items[i]!.self,
          reversed: stat.reversed,
          n: stat.n,
          mean: stat.mean,
          sd: stat.sd,
          rawR: stat.raw_r,
          rDrop: stat.r_drop,
          alphaIfDeleted: stat.alpha_if_deleted,
          flagged: stat.r_drop < FLAG_BELOW,
        })),
      };
    } catch (err) {
      if (!(err instanceof PsychometricsError)) throw err;
      return { ...base, status: 'not-computable' as const, message: err.message };
    }
  });
  return { respondents: responses.length, scales };
}

const CSV_COLUMNS = [
  'capability',
  'capability_name',
  'derailer',
  'status',
  'n',
  'raw_alpha',
  'std_alpha',
  'G6',
  'average_r',
  'item',
  'item_text',
  'reversed',
  'item_n',
  'item_mean',
  'item_sd',
  'raw_r',
  'r_drop',
  'alpha_if_deleted',
  'flagged',
  'message',
] as const;

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toFixed(6))) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per item (scale figures repeated), or one row for a scale without figures. */
export function qualityCsv(report: QualityReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const scale of report.scales) {
    const scaleCells = [
      scale.capability.key,
      scale.capability.name,
      scale.capability.derailer,
      scale.status,
      scale.n,
      scale.rawAlpha,
      scale.stdAlpha,
      scale.g6,
      scale.averageR,
    ];
    const itemRows = scale.items.length
      ? scale.items.map((i) => [
          i.key,
          i.text,
          i.reversed,
          i.n,
          i.mean,
          i.sd,
          i.rawR,
          i.rDrop,
          i.alphaIfDeleted,
          i.flagged,
        ])
      : [[null, null, null, null, null, null, null, null, null, null]];
    for (const itemCells of itemRows) {
      lines.push([...scaleCells, ...itemCells, scale.message].map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
