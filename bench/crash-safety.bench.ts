// Crash safety (DESIGN.md §3.3, "nothing acknowledged is lost"): 16 raters submitting their forms
// and 16 people saving and submitting self-assessments, 32 requests at a time, against the real
// server in a child process, which is killed with SIGKILL several times mid-run and restarted on the
// same data directory or database. Afterwards every write the server answered 2xx must be there
// exactly once with what was sent, and no row may be half-written. Exits non-zero when anything is
// lost, duplicated or partial. Not a speed figure: `acknowledged` only shows how much was tried.
//
//   npm run bench -- crash-safety [--db pglite|postgres]    (KILLS and PHASE_SECONDS below)
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import { hashSecret, parseToken } from '../src/platform/http/tokens.ts';
import type { Benchmark } from './run.ts';
import {
  dropFreshDatabase,
  freshDatabaseEnv,
  prepareDemoWithRaterLinks,
  type ServerProcess,
  signIn,
  startServerProcess,
} from './support.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const PHASE_SECONDS = Number(process.env.CRASH_PHASE_SECONDS ?? 6);
const RATERS = 16;
const ASSESSORS = 16;
const PORT = 3910;

type Answers = Record<string, number | null>;
type Session = { cookie: string; csrf: string };
type Form = { id: string; pages: { items: { key: string }[] }[] };

const randomAnswers = (keys: string[], canSay: boolean): Answers =>
  Object.fromEntries(
    keys.map((k, i) => [k, canSay && i % 11 === 0 ? null : 1 + Math.floor(Math.random() * 5)]),
  );
const asList = (answers: Answers) => Object.entries(answers).map(([item, value]) => ({ item, value }));

/** Acknowledged writes, by what identifies them afterwards. */
interface Ledger {
  raters: Map<string, { answers: Answers; keep: string }>; // token hash → what was submitted
  saves: Map<string, Answers>; // assessment id → union of acknowledged saved answers
  submits: Map<string, Answers>; // assessment id → answers of the acknowledged submit
}

const bench: Benchmark = {
  name: 'crash-safety',
  description: `${RATERS} rater submits + ${ASSESSORS} assessment saves/submits at once, SIGKILL ×${KILLS}, verify every acknowledged write`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    // 8 links per campaign; enough for the run on an idle machine (raters stop if they run out).
    const { tokens, emails: everyone } = await prepareDemoWithRaterLinks(ctx, env, PORT, 12_000);
    const emails = everyone.slice(0, ASSESSORS);
    const openDb = () =>
      openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });

    let server: ServerProcess = await startServerProcess(env, PORT);
    const url = server.url;
    const sessions: Session[] = [];
    for (const email of emails) sessions.push(await signIn(url, email, DEMO_PASSWORD));
    const rater = await signIn(url, emails[0]!, DEMO_PASSWORD); // any CSRF pair does for rater links
    const raterForm = (await (await fetch(`${url}/api/rate/${tokens[0]}`)).json()) as Form;
    const raterItems = raterForm.pages.flatMap((p) => p.items.map((i) => i.key));

    const ledger: Ledger = { raters: new Map(), saves: new Map(), submits: new Map() };
    let nextToken = 0;
    let assessmentItems = 0;
    const runStarted = new Date();
    let stopping = false;
    let failures = 0; // non-2xx answers while the server was up (connection errors are expected)
    const post = (path: string, session: Session, method: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const raterLoop = async () => {
      while (!stopping) {
        const token = tokens[nextToken++];
        if (!token) return;
        const answers = randomAnswers(raterItems, true);
        const keep = `keep ${token.slice(-12)}`;
        try {
          const res = await post(`/api/rate/${token}/submit`, rater, 'POST', {
            answers: asList(answers),
            comments: { keep, change: 'delegate more' },
          });
          await res.arrayBuffer();
          if (res.ok) ledger.raters.set(hashSecret(parseToken(token)!.secret), { answers, keep });
          else if (!stopping) failures++;
        } catch {
          // The server died under this request: not acknowledged, so nothing is owed.
        }
      }
    };
    const assessorLoop = async (session: Session) => {
      while (!stopping) {
        try {
          const started = await post('/api/assessments', session, 'POST');
          if (!started.ok) {
            await started.arrayBuffer();
            if (!stopping) failures++;
            continue;
          }
          const form = (await started.json()) as Form;
          const keys = form.pages.flatMap((p) => p.items.map((i) => i.key));
          assessmentItems = keys.length;
          const answers = randomAnswers(keys, false);
          // The draft may already hold answers from an attempt cut short: a save adds to them.
          const entries = Object.entries(answers);
          const half = Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2)));
          const saved = await post(`/api/assessments/${form.id}/answers`, session, 'PUT', {
            answers: asList(half),
          });
          await saved.arrayBuffer();
          if (!saved.ok) {
            if (!stopping) failures++;
            continue;
          }
          ledger.saves.set(form.id, { ...ledger.saves.get(form.id), ...half });
          const submitted = await post(`/api/assessments/${form.id}/submit`, session, 'POST', {
            answers: asList(answers),
          });
          await submitted.arrayBuffer();
          if (submitted.ok) ledger.submits.set(form.id, answers);
          else if (!stopping) failures++;
        } catch {
          // Killed mid-request.
        }
      }
    };

    const restarts: number[] = [];
    for (let phase = 0; phase <= KILLS; phase++) {
      stopping = false;
      const workers = [...Array.from({ length: RATERS }, raterLoop), ...sessions.map((s) => assessorLoop(s))];
      await new Promise((r) => setTimeout(r, PHASE_SECONDS * 1000 * (0.6 + Math.random() * 0.8)));
      if (phase < KILLS) {
        const exited = new Promise((r) => server.child.once('exit', r));
        server.child.kill('SIGKILL');
        await exited;
        stopping = true;
        await Promise.all(workers);
        const t0 = performance.now();
        server = await startServerProcess(env, PORT);
        restarts.push(Math.round(performance.now() - t0));
        ctx.log(
          `kill ${phase + 1}: acknowledged so far ${ledger.raters.size} rater submits, ${ledger.submits.size} assessment submits; restarted in ${restarts.at(-1)} ms`,
        );
      } else {
        stopping = true;
        await Promise.all(workers);
      }
    }
    await server.stop();

    // The server is down (PGlite allows one process): compare the database with the ledger.
    const db = await openDb();
    let lost = 0;
    let duplicated = 0;
    let partial = 0;
    const examples: string[] = [];
    const record = (what: string) => {
      if (examples.length < 5) examples.push(what);
    };
    const same = (a: unknown, b: Answers) => Object.entries(b).every(([k, v]) => (a as Answers)[k] === v);
    try {
      const raterRows = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT token_hash AS hash, status, answers, comments->>'keep' AS keep,
                     comments->>'change' AS change, submitted_at IS NOT NULL AS stamped
                FROM feedback_raters WHERE email LIKE '%@bench.example' AND status <> 'invited'`,
          z.object({
            hash: col.text,
            status: col.text,
            answers: z.record(z.string(), z.number().nullable()),
            keep: col.text.nullable(),
            change: col.text.nullable(),
            stamped: z.boolean(),
          }),
        ),
      );
      const byHash = new Map<string, (typeof raterRows)[number][]>();
      for (const row of raterRows) byHash.set(row.hash, [...(byHash.get(row.hash) ?? []), row]);
      for (const row of raterRows) {
        const complete =
          row.status === 'submitted' &&
          row.stamped &&
          Object.keys(row.answers).length === raterItems.length &&
          row.keep !== null &&
          row.change !== null;
        if (!complete) {
          partial++;
          record(`partial rater row ${row.hash.slice(0, 8)}: ${row.status}`);
        }
      }
      for (const [hash, sent] of ledger.raters) {
        const rows = byHash.get(hash) ?? [];
        if (rows.length > 1) duplicated++;
        const row = rows[0];
        if (row?.status !== 'submitted' || row.keep !== sent.keep || !same(row.answers, sent.answers)) {
          lost++;
          record(`rater submit ${hash.slice(0, 8)} ${row ? 'differs' : 'missing'}`);
        }
      }

      const assessmentRows = await db.asSystem((tx) =>
        queryRows(
          tx,
          // Also the drafts the demo seed left open, which the run resumed.
          sql`SELECT a.id::text AS id, a.person_id::text AS person, a.status, a.answers,
                     (SELECT count(*) FROM assessments b WHERE b.id = a.id) AS copies
                FROM assessments a WHERE a.started_at >= ${runStarted} OR a.updated_at >= ${runStarted}`,
          z.object({
            id: col.text,
            person: col.text,
            status: col.text,
            answers: z.record(z.string(), z.number().nullable()),
            copies: col.count,
          }),
        ),
      );
      const byId = new Map(assessmentRows.map((r) => [r.id, r]));
      for (const row of assessmentRows) {
        if (row.copies > 1) duplicated++;
        if (row.status === 'submitted' && Object.keys(row.answers).length !== assessmentItems) {
          partial++;
          record(`partial submitted assessment ${row.id}: ${Object.keys(row.answers).length} answers`);
        }
      }
      for (const [id, answers] of ledger.submits) {
        const row = byId.get(id);
        if (row?.status !== 'submitted' || !same(row.answers, answers)) {
          lost++;
          record(`assessment submit ${id} ${row ? row.status : 'missing'}`);
        }
      }
      for (const [id, answers] of ledger.saves) {
        const row = byId.get(id);
        if (!row || !same(row.answers, answers)) {
          lost++;
          record(`assessment save ${id} ${row ? 'differs' : 'missing'}`);
        }
      }
    } finally {
      await db.close();
      // CI runs this on every submission: leave no database behind on the shared server.
      await dropFreshDatabase(ctx, env);
    }
    const acknowledged = ledger.raters.size + ledger.submits.size + ledger.saves.size;
    for (const line of examples) ctx.log(line);
    ctx.log(
      `verified ${acknowledged} acknowledged writes (${ledger.raters.size} rater submits, ${ledger.saves.size} assessment saves, ${ledger.submits.size} assessment submits): lost ${lost}, duplicated ${duplicated}, partial ${partial}`,
    );
    if (lost || duplicated || partial) process.exitCode = 1;
    return {
      kills: KILLS,
      connections: RATERS + ASSESSORS,
      acknowledged,
      rater_submits: ledger.raters.size,
      assessment_saves: ledger.saves.size,
      assessment_submits: ledger.submits.size,
      lost,
      duplicated,
      partial,
      non_2xx_while_up: failures,
      restart_ms_max: Math.max(...restarts, 0),
      ok: lost === 0 && duplicated === 0 && partial === 0,
    };
  },
};
export default bench;
