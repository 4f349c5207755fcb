// Soak: a mixed load for N minutes (`npm run bench -- soak [--db …] [--minutes N]`, default 2) on
// 16 connections — a quarter each reading the people directory (admin), reading a released 360
// report (its subject), rater links saving drafts and submitting every tenth request, and people
// saving self-assessment answers and submitting every tenth. The server's resident memory is
// sampled throughout; after a warm-up (a quarter of the run, at most 60 s) it may not grow by more
// than 10 % from the first samples to the last ones, or the run fails (exit 1, "rss_ok": false).
import { DEMO_PASSWORD } from '../src/demo/seed-demo.ts';
import type { Benchmark } from './run.ts';
import {
  dropFreshDatabase,
  freshDatabaseEnv,
  load,
  type PreparedRequest,
  prepareDemoWithRaterLinks,
  residentMb,
  signIn,
  startServerProcess,
} from './support.ts';

const CONNECTIONS = 16;
const PORT = 3911;
const MAX_GROWTH = 0.1;
const ADMIN = 'amara.okafor@northwind.example';

type Form = { id: string; pages: { items: { key: string }[] }[] };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const bench: Benchmark = {
  name: 'soak',
  description: `mixed load (directory, reports, rater and assessment saves/submits), ${CONNECTIONS} connections, --minutes N (default 2); fails if RSS grows > 10 % after warm-up`,
  async run(ctx) {
    const minutes = ctx.minutes ?? 2;
    const seconds = Math.round(minutes * 60);
    const warmup = Math.min(60, Math.round(seconds / 4));
    const every = Math.max(5, Math.round(seconds / 180));
    const env = await freshDatabaseEnv(ctx);
    // Rater connections submit one request in ten; generous, and a connection that runs out reads.
    const demo = await prepareDemoWithRaterLinks(ctx, env, PORT, Math.max(2000, minutes * 1500));
    if (!demo.released) throw new Error('the demo organisation has no released 360 to read');
    const server = await startServerProcess(env, PORT);
    const url = server.url;
    const samples: { t: number; mb: number }[] = [];
    let figures: Record<string, unknown>;
    try {
      const admin = await signIn(url, ADMIN, DEMO_PASSWORD);
      const subject = await signIn(url, demo.released.email, DEMO_PASSWORD);
      const assessors = await Promise.all(
        demo.emails
          .filter((e) => e !== ADMIN && e !== demo.released!.email)
          .slice(0, CONNECTIONS / 4)
          .map((e) => signIn(url, e, DEMO_PASSWORD)),
      );
      const headersOf = (s: { cookie: string; csrf: string }) => ({
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate, br',
      });
      const raterForm = (await (await fetch(`${url}/api/rate/${demo.tokens[0]}`)).json()) as Form;
      const raterItems = raterForm.pages.flatMap((p) => p.items.map((i) => i.key));
      const answersFor = (keys: string[]) =>
        keys.map((item) => ({ item, value: 1 + Math.floor(Math.random() * 5) }));

      let nextToken = 0;
      const state = Array.from({ length: CONNECTIONS }, () => ({
        n: 0,
        token: '',
        form: null as Form | null,
      }));
      const prepare = async (connection: number): Promise<PreparedRequest> => {
        const s = state[connection]!;
        s.n++;
        const role = connection % 4;
        if (role === 0) return { method: 'GET', path: '/api/people', headers: headersOf(admin) };
        if (role === 1) {
          return {
            method: 'GET',
            path: `/api/feedback/campaigns/${demo.released!.campaignId}/report`,
            headers: headersOf(subject),
          };
        }
        if (role === 2) {
          if (!s.token || s.n % 10 === 1) s.token = demo.tokens[++nextToken] ?? '';
          if (!s.token) return { method: 'GET', path: '/api/people', headers: headersOf(admin) };
          const submit = s.n % 10 === 0;
          const body = JSON.stringify({
            answers: answersFor(submit ? raterItems : raterItems.slice(0, 10)),
            ...(submit ? { comments: { keep: 'Clear priorities.', change: 'Delegate more.' } } : {}),
          });
          return submit
            ? { method: 'POST', path: `/api/rate/${s.token}/submit`, headers: headersOf(admin), body }
            : { method: 'PUT', path: `/api/rate/${s.token}`, headers: headersOf(admin), body };
        }
        const session = assessors[Math.floor(connection / 4)]!;
        if (!s.form) {
          // Unmeasured: start (or resume) the assessment the next requests save and submit.
          const res = await fetch(`${url}/api/assessments`, { method: 'POST', headers: headersOf(session) });
          s.form = (await res.json()) as Form;
        }
        const keys = s.form.pages.flatMap((p) => p.items.map((i) => i.key));
        const submit = s.n % 10 === 0;
        const request = {
          method: submit ? 'POST' : 'PUT',
          path: `/api/assessments/${s.form.id}/${submit ? 'submit' : 'answers'}`,
          headers: headersOf(session),
          body: JSON.stringify({ answers: answersFor(submit ? keys : keys.slice(0, 12)) }),
        };
        if (submit) s.form = null;
        return request;
      };

      const started = performance.now();
      const sampler = setInterval(() => {
        samples.push({ t: Math.round((performance.now() - started) / 1000), mb: residentMb(server.pid) });
      }, every * 1000);
      let result: Awaited<ReturnType<typeof load>>;
      try {
        result = await load({
          url,
          path: '/',
          connections: CONNECTIONS,
          seconds,
          prepare,
          expectStatus: 200,
        });
      } finally {
        clearInterval(sampler);
      }
      const after = samples.filter((s) => s.t >= warmup).map((s) => s.mb);
      const baseline = median(after.slice(0, 3));
      const end = median(after.slice(-3));
      const growth = baseline ? (end - baseline) / baseline : 0;
      ctx.log(`RSS MB every ${every} s: ${samples.map((s) => s.mb).join(' ')}`);
      figures = {
        minutes,
        connections: CONNECTIONS,
        ...result,
        warmup_s: warmup,
        rss_start_mb: samples[0]?.mb ?? 0,
        rss_after_warmup_mb: baseline,
        rss_end_mb: end,
        rss_max_mb: Math.max(...samples.map((s) => s.mb)),
        rss_growth_pct: Math.round(growth * 1000) / 10,
        rss_samples: samples.length,
        rss_ok: after.length >= 2 && growth <= MAX_GROWTH,
      };
      if (!figures.rss_ok) process.exitCode = 1;
    } finally {
      await server.stop();
      await dropFreshDatabase(ctx, env);
    }
    return figures;
  },
};
export default bench;
