// `lodestar stats …`: reliability and agreement statistics on a CSV file, for analysts who want the
// same figures the platform reports (and R's psych/multilevel give) without running R.
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import {
  type AgreementReport,
  agreementReport,
  CsvInputError,
  numericColumns,
  PsychometricsError,
  parseColumnList,
  parseCsvTable,
  parseScaleKeys,
  type ReliabilityReport,
  reliabilityReport,
  textColumn,
  uniformNullVariance,
} from '../core/psychometrics/index.ts';

/** Input the user can fix: reported as one line, exit code 1, no stack trace and no help text. */
class StatsInputError extends Error {}

function parseNumber(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) {
      throw new InvalidArgumentError(`${flag} must be a number.`);
    }
    return number;
  };
}

function parsePoints(value: string): number {
  const points = Number(value);
  if (!Number.isInteger(points) || points < 2) {
    throw new InvalidArgumentError('--points must be a whole number of at least 2.');
  }
  return points;
}

function readCsvFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StatsInputError(`file not found: ${file}`);
    if (code === 'EISDIR') throw new StatsInputError(`not a file: ${file}`);
    if (code === 'EACCES') throw new StatsInputError(`permission denied: ${file}`);
    throw new StatsInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * Runs a command body; user-fixable failures become one line on stderr and exit code 1. Not
 * command.error(): a root command with showHelpAfterError() would append the usage text to what is
 * a data problem, not a usage problem.
 */
function reportingInputErrors(command: Command, body: () => void): void {
  try {
    body();
  } catch (error) {
    if (
      !(
        error instanceof StatsInputError ||
        error instanceof CsvInputError ||
        error instanceof PsychometricsError
      )
    ) {
      throw error;
    }
    const output = command.configureOutput();
    const writeErr = output.writeErr ?? ((text: string) => process.stderr.write(text));
    writeErr(`error: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}

function write(command: Command, text: string): void {
  const output = command.configureOutput();
  (output.writeOut ?? ((chunk: string) => process.stdout.write(chunk)))(text);
}

function formatNumber(value: number | null, decimals = 3): string {
  if (value === null || Number.isNaN(value)) return 'NA';
  return value.toFixed(decimals);
}

/** Left-aligns the first column and right-aligns the others, two spaces apart. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function reliabilityText(report: ReliabilityReport): string {
  const summary = formatTable(
    ['n', 'raw_alpha', 'std_alpha', 'G6', 'average_r', 'median_r', 's_n', 'ase', 'mean', 'sd'],
    [
      [
        String(report.n),
        formatNumber(report.raw_alpha),
        formatNumber(report.std_alpha),
        formatNumber(report.G6),
        formatNumber(report.average_r),
        formatNumber(report.median_r),
        formatNumber(report.s_n, 2),
        formatNumber(report.ase, 4),
        formatNumber(report.mean, 2),
        formatNumber(report.sd, 2),
      ],
    ],
  );
  const items = formatTable(
    [
      'item',
      'n',
      'mean',
      'sd',
      'raw_r',
      'std_r',
      'r_cor',
      'r_drop',
      'alpha_if_deleted',
      'std_alpha_if_deleted',
    ],
    report.items.map((item) => [
      item.reversed ? `-${item.item}` : item.item,
      String(item.n),
      formatNumber(item.mean, 2),
      formatNumber(item.sd, 2),
      formatNumber(item.raw_r),
      formatNumber(item.std_r),
      formatNumber(item.r_cor),
      formatNumber(item.r_drop),
      formatNumber(item.alpha_if_deleted),
      formatNumber(item.std_alpha_if_deleted),
    ]),
  );
  return `Reliability of ${report.items.length} items (psych::alpha; "-" marks reverse-keyed items)\n\n${summary}\n\n${items}\n`;
}

function agreementText(report: AgreementReport, itemCount: number, points: number): string {
  const rows = report.groups.reduce((total, group) => total + group.n, 0);
  const groups = formatTable(
    ['group', 'n', 'rwg_j'],
    report.groups.map((group) => [group.group, String(group.n), formatNumber(group.rwg_j)]),
  );
  return (
    `Agreement over ${itemCount} items: ${report.groups.length} groups, n = ${rows} complete rows, ` +
    `uniform null variance ${formatNumber(uniformNullVariance(points), 4)} (${points}-point scale)\n\n` +
    `${groups}\n\nICC(1) = ${formatNumber(report.icc1)}   ICC(2) = ${formatNumber(report.icc2)}   (of each row's mean of the items)\n`
  );
}

interface ReliabilityOptions {
  keys: string;
  min?: number;
  max?: number;
  json?: boolean;
}

interface AgreementOptions {
  group: string;
  items: string;
  points: number;
  json?: boolean;
}

function runReliability(command: Command, file: string, options: ReliabilityOptions): void {
  const keys = parseScaleKeys(options.keys);
  if (keys.length < 2) throw new StatsInputError(`--keys must name at least 2 items; got ${keys.length}`);
  if (options.min !== undefined && options.max !== undefined && options.min >= options.max) {
    throw new StatsInputError(`--min (${options.min}) must be below --max (${options.max})`);
  }
  const table = parseCsvTable(readCsvFile(file));
  const range = { min: options.min, max: options.max };
  const responses = numericColumns(
    table,
    keys.map((key) => key.item),
    range,
  );
  const report = reliabilityReport(responses, { keys, ...range });
  write(command, options.json ? `${JSON.stringify(report)}\n` : reliabilityText(report));
}

function runAgreement(command: Command, file: string, options: AgreementOptions): void {
  const items = parseColumnList(options.items);
  const table = parseCsvTable(readCsvFile(file));
  const groups = textColumn(table, options.group);
  const responses = numericColumns(table, items);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of responses.values) {
    if (Number.isNaN(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  // The null variance assumes answers on `points` consecutive values; a wider spread means the flag is wrong.
  if (high - low > options.points - 1) {
    throw new StatsInputError(
      `answers range from ${low} to ${high}, more than a ${options.points}-point scale allows`,
    );
  }
  const report = agreementReport(groups, responses, { nullVariance: uniformNullVariance(options.points) });
  write(
    command,
    options.json ? `${JSON.stringify(report)}\n` : agreementText(report, items.length, options.points),
  );
}

/** Adds `stats reliability` and `stats agreement` to the program. */
export function registerStatsCommands(program: Command): void {
  const stats = program
    .command('stats')
    .description('psychometric statistics on a CSV file (same results as R psych/multilevel)');

  stats
    .command('reliability')
    .description("Cronbach's alpha and item statistics for one scale (psych::alpha)")
    .argument('<file>', 'CSV file with a header row; blank cells are missing answers')
    .requiredOption(
      '--keys <items>',
      'comma-separated item columns; prefix reverse-keyed items with "-", e.g. "-A1,A2,A3"',
    )
    .option('--min <value>', 'lowest possible answer (default: lowest in the data)', parseNumber('--min'))
    .option('--max <value>', 'highest possible answer (default: highest in the data)', parseNumber('--max'))
    .option('--json', 'print one JSON object instead of a table')
    .action((file: string, options: ReliabilityOptions, command: Command) => {
      reportingInputErrors(command, () => runReliability(command, file, options));
    });

  stats
    .command('agreement')
    .description('within-group agreement rwg(j) per group and ICC(1)/ICC(2) (multilevel package)')
    .argument('<file>', 'CSV file with a header row; rows with a blank item or group are left out')
    .requiredOption('--group <column>', 'column holding the group id')
    .requiredOption('--items <columns>', 'comma-separated item columns, e.g. "I1,I2,I3"')
    .requiredOption(
      '--points <n>',
      'number of answer options on the scale (sets the uniform null variance)',
      parsePoints,
    )
    .option('--json', 'print one JSON object instead of a table')
    .action((file: string, options: AgreementOptions, command: Command) => {
      reportingInputErrors(command, () => runAgreement(command, file, options));
    });
}
