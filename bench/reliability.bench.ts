// Full psych::alpha-style reliability report on 60 items × 100,000 respondents of synthetic
// correlated Likert data. Targets: < 1 s and < 500 MB resident. When Rscript with psych is
// installed, psych::alpha is timed on the same data for a speed ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ResponseMatrix, reliabilityReport, type ScaleKey } from '../src/core/psychometrics/index.ts';
import { normalFrom, seededRandom } from '../src/core/seeded-random.ts';
import type { Benchmark } from './run.ts';

const ROWS = 100_000;
const ITEMS = 60;
const RUNS = 5;
const SEED = 20_240_601;

/**
 * One-factor data: each answer is a loading times the person's latent level plus noise, cut into six
 * categories; every fifth item is worded in reverse (and keyed so). `missingRate` blanks answers at random.
 */
function syntheticLikert(rows: number, items: number, missingRate: number, seed: number): ResponseMatrix {
  const random = seededRandom(seed);
  const normal = normalFrom(random);
  const loadings = Array.from({ length: items }, (_, i) => 0.4 + (0.4 * i) / (items - 1));
  const thresholds = [-1.5, -0.75, 0, 0.75, 1.5];
  const values = new Float64Array(rows * items);
  for (let r = 0; r < rows; r++) {
    const level = normal();
    for (let i = 0; i < items; i++) {
      if (missingRate > 0 && random() < missingRate) {
        values[r * items + i] = Number.NaN;
        continue;
      }
      const loading = loadings[i]!;
      let latent = loading * level + Math.sqrt(1 - loading * loading) * normal();
      if (i % 5 === 4) latent = -latent;
      let category = 1;
      for (const threshold of thresholds) if (latent > threshold) category++;
      values[r * items + i] = category;
    }
  }
  return { rowCount: rows, itemCount: items, values };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeReports(data: ResponseMatrix, keys: ScaleKey[]): { ms: number; alpha: number } {
  let alpha = reliabilityReport(data, { keys, min: 1, max: 6 }).raw_alpha; // warm-up (JIT)
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    alpha = reliabilityReport(data, { keys, min: 1, max: 6 }).raw_alpha;
    times.push(performance.now() - started);
  }
  return { ms: Math.round(medianOf(times) * 10) / 10, alpha };
}

/** Times psych::alpha on the same data when R and psych are installed; null otherwise. */
function timePsych(data: ResponseMatrix, keys: ScaleKey[], log: (line: string) => void): number | null {
  if (spawnSync('sh', ['-c', 'command -v Rscript']).status !== 0) {
    log('Rscript not installed: skipping the psych::alpha comparison');
    return null;
  }
  if (spawnSync('Rscript', ['-e', 'library(psych)']).status !== 0) {
    log('R package psych not installed: skipping the psych::alpha comparison');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lodestar-bench-'));
  try {
    const csv = join(dir, 'items.csv');
    const lines = [keys.map((key) => key.item).join(',')];
    for (let r = 0; r < data.rowCount; r++) {
      lines.push(Array.from(data.values.subarray(r * data.itemCount, (r + 1) * data.itemCount)).join(','));
    }
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const reversed = keys.filter((key) => key.reversed).map((key) => `"${key.item}"`);
    const alphaCall = `psych::alpha(x, keys = c(${reversed.join(',')}), warnings = FALSE)`;
    const script = [
      'suppressMessages(library(psych))',
      `x <- read.csv("${csv}")`,
      `invisible(${alphaCall})`,
      `t <- sapply(1:3, function(i) system.time(${alphaCall})[["elapsed"]])`,
      'cat(median(t) * 1000)',
    ].join('; ');
    const result = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const ms = Number(result.stdout.trim().split(/\s+/).pop());
    return Number.isFinite(ms) ? ms : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'reliability',
  description: 'psych::alpha-equivalent reliability report, 60 items × 100,000 rows (median of 5 runs)',
  async run(ctx) {
    const keys: ScaleKey[] = Array.from({ length: ITEMS }, (_, i) => ({
      item: `Q${i + 1}`,
      reversed: i % 5 === 4,
    }));
    const complete = syntheticLikert(ROWS, ITEMS, 0, SEED);
    const { ms, alpha } = timeReports(complete, keys);
    ctx.log(`complete data: ${ms} ms, raw_alpha ${alpha.toFixed(4)}`);

    const withMissing = syntheticLikert(ROWS, ITEMS, 0.02, SEED);
    const missing = timeReports(withMissing, keys);
    ctx.log(`2% missing answers (pairwise path): ${missing.ms} ms`);

    const rMs = timePsych(complete, keys, ctx.log);
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      rows: ROWS,
      items: ITEMS,
      ms,
      rss_mb: rssMb,
      ms_2pct_missing: missing.ms,
      raw_alpha: Math.round(alpha * 1e6) / 1e6,
      meets_targets: ms < 1000 && rssMb < 500,
      r_psych_ms: rMs,
      speedup_vs_r: rMs === null ? null : Math.round((rMs / ms) * 10) / 10,
    };
  },
};

export default benchmark;
