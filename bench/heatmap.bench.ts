// Issue #12 figure: the capability heatmap with disclosure control, p99 < 300 ms at 8 connections on
// PostgreSQL with `seed --synthetic 10000` (~80,000 rater responses); `--people 100000` records how
// it grows. The month's decision is taken once by the job (POST /api/analytics/refresh) and timed
// here on its own; requests then read the stored decision. Also: the server's peak memory above idle.
import { heatmap } from '../src/domains/analytics/contracts.ts';
import type { Benchmark } from './run.ts';
import { load } from './support.ts';
import { syntheticServer, waitFor } from './synthetic-organisation.ts';

const SECONDS = 15;

const bench: Benchmark = {
  name: 'heatmap',
  description:
    'GET /api/analytics/heatmap (whole organisation, and one team subtree × stage) at 8 connections',
  async run(ctx) {
    const people = ctx.people ?? 10_000;
    const org = await syntheticServer(ctx, people, 3921);
    try {
      const { url } = org.server;
      const refresh = await fetch(`${url}/api/analytics/refresh`, { method: 'POST', headers: org.post });
      if (refresh.status !== 202) throw new Error(`refresh: ${refresh.status} ${await refresh.text()}`);
      const decisionMs = await waitFor(`${url}/api/analytics/heatmap`, org.get, 30 * 60_000);
      const body = heatmap.parse(
        await (await fetch(`${url}/api/analytics/heatmap`, { headers: org.get })).json(),
      );
      const shown = body.rows.flatMap((r) => r.cells).filter((c) => c !== null).length;
      const cells = body.rows.length * body.capabilities.length;
      ctx.log(
        `decided in ${decisionMs} ms; heatmap ${body.rows.length} rows, ${shown} of ${cells} cells shown`,
      );
      // A subtree filter: the team with the most released rows below the top, and its largest stage.
      const team = body.choices.teams.find((t) => t.parentTeamId !== null) ?? body.choices.teams[0]!;
      const stage = body.choices.stages[0]!.key;
      const filtered = `/api/analytics/heatmap?team=${team.id}&stage=${encodeURIComponent(stage)}`;
      await load({ url, path: '/api/analytics/heatmap', headers: org.get, connections: 8, seconds: 3 });
      const whole = await load({
        url,
        path: '/api/analytics/heatmap',
        headers: org.get,
        connections: 8,
        seconds: SECONDS,
      });
      const subtree = await load({ url, path: filtered, headers: org.get, connections: 8, seconds: SECONDS });
      return {
        people,
        seed_s: org.seedSeconds,
        seeded: org.seedSummary,
        decision_ms: decisionMs,
        rows: body.rows.length,
        cells_shown: shown,
        cells,
        connections: 8,
        ...whole,
        subtree_rps: subtree.rps,
        subtree_p50_ms: subtree.p50_ms,
        subtree_p99_ms: subtree.p99_ms,
        subtree_errors: subtree.errors,
        idle_mb: org.idleMb,
        peak_above_idle_mb: org.peakMb() - org.idleMb,
      };
    } finally {
      await org.close();
    }
  },
};
export default bench;
