// Start to /readyz: the first start on an empty database (migrations + demo seed, web build
// already present) and a restart on the existing database; then resident memory at idle.

import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, residentMb, startServerProcess } from './support.ts';

const bench: Benchmark = {
  name: 'startup',
  description: 'time from process start to /readyz, first start (with seeding) and restart; idle RSS',
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    // Build the web app once outside the measurement, as an installed copy would have it.
    const warm = await startServerProcess({ ...env, LODESTAR_SEED_DEMO: 'never' }, 3901);
    await warm.stop();
    const fresh = await freshDatabaseEnv(ctx);
    const first = await startServerProcess(fresh, 3901);
    ctx.log(`first start (seeding) ready in ${Math.round(first.readyMs)} ms`);
    await first.stop();
    const restarts: number[] = [];
    let idleRss = 0;
    for (let i = 0; i < 3; i++) {
      const s = await startServerProcess(fresh, 3901);
      restarts.push(s.readyMs);
      if (i === 2) {
        await new Promise((r) => setTimeout(r, 5000));
        idleRss = residentMb(s.pid);
      }
      await s.stop();
    }
    restarts.sort((a, b) => a - b);
    return {
      first_start_ms: Math.round(first.readyMs),
      restart_ms: Math.round(restarts[1]!),
      restart_max_ms: Math.round(restarts[2]!),
      idle_rss_mb: idleRss,
    };
  },
};
export default bench;
