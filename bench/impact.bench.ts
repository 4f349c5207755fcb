// Issue #12 figure: the impact report < 1 s, on PostgreSQL with `seed --synthetic 10000`;
// `--people 100000` records how it grows. The report is materialised: the first request finds none
// and computes it (timed on its own), later ones read the stored row (load at 8 connections); the PDF
// is timed too. Also: the server's peak memory above idle while computing and serving it.
import { impact } from '../src/domains/analytics/contracts.ts';
import type { Benchmark } from './run.ts';
import { load } from './support.ts';
import { syntheticServer } from './synthetic-organisation.ts';

const SECONDS = 15;

const bench: Benchmark = {
  name: 'impact',
  description:
    'GET /api/analytics/impact: first computation, then stored reads at 8 connections, and the PDF',
  async run(ctx) {
    const people = ctx.people ?? 10_000;
    const org = await syntheticServer(ctx, people, 3922);
    try {
      const { url } = org.server;
      let started = performance.now();
      const first = await fetch(`${url}/api/analytics/impact`, { headers: org.get });
      if (first.status !== 200) throw new Error(`impact: ${first.status} ${await first.text()}`);
      const report = impact.parse(await first.json());
      const computeMs = Math.round(performance.now() - started);
      const cells = report.programmes.flatMap((p) => p.capabilities);
      const shown = cells.filter((c) => c.status === 'shown').length;
      ctx.log(
        `computed on first read in ${computeMs} ms: ${report.programmes.length} programmes, ${shown} of ${cells.length} shown`,
      );
      started = performance.now();
      const pdf = await fetch(`${url}/api/analytics/impact/report.pdf`, { headers: org.get });
      const pdfBytes = (await pdf.arrayBuffer()).byteLength;
      const pdfMs = Math.round(performance.now() - started);
      if (pdf.status !== 200) throw new Error(`pdf: ${pdf.status}`);
      await load({ url, path: '/api/analytics/impact', headers: org.get, connections: 8, seconds: 3 });
      const reads = await load({
        url,
        path: '/api/analytics/impact',
        headers: org.get,
        connections: 8,
        seconds: SECONDS,
      });
      return {
        people,
        seed_s: org.seedSeconds,
        compute_on_first_read_ms: computeMs,
        programmes: report.programmes.length,
        capabilities_shown: shown,
        capabilities: cells.length,
        pdf_ms: pdfMs,
        pdf_kb: Math.round(pdfBytes / 1024),
        connections: 8,
        ...reads,
        idle_mb: org.idleMb,
        peak_above_idle_mb: org.peakMb() - org.idleMb,
      };
    } finally {
      await org.close();
    }
  },
};
export default bench;
