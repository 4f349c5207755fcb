// GET /api/home for the demo participant with a plan, in an organisation of 10,000 people, at 32
// concurrent connections for 20 s (issue #6 figure: p99 < 30 ms on PostgreSQL). The people come in
// through the CSV import (one request); the plan, its focus areas, experiments and practice logs
// through the development API as the participant, so the rows are exactly what the app writes.
import { loadavg } from 'node:os';
import { homeResponse } from '../src/domains/home/contracts.ts';
import type { Benchmark } from './run.ts';
import { dropFreshDatabase, freshDatabaseEnv, load, signIn, startServerProcess } from './support.ts';

const PEOPLE = 10_000;
const CONNECTIONS = 32;
const SECONDS = 20;
const PASSWORD = 'lodestar-demo';
const PARTICIPANT = 'sam.taylor@northwind.example';
const DAY = 86_400_000;

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** Adds people until the organisation has PEOPLE, in one import. */
async function seedPeople(url: string, admin: { cookie: string; csrf: string }): Promise<number> {
  const count = async () =>
    (
      await json<{ total: number }>(
        await fetch(`${url}/api/people`, { headers: { cookie: admin.cookie } }),
        'people',
      )
    ).total;
  const existing = await count();
  const rows = ['email,name,career_stage,team,manager_email'];
  for (let i = existing; i < PEOPLE; i++) {
    rows.push(
      `home${i}@northwind.example,Home Person ${i},individual-contributor,Home ${i % 40},${PARTICIPANT}`,
    );
  }
  await json(
    await fetch(`${url}/api/people/import`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
      body: rows.join('\n'),
    }),
    'import',
  );
  return count();
}

interface Plan {
  id: string;
  focusAreas: { id: string; experiments: { id: string; action: string }[] }[];
}

/** A fresh plan for the participant: 3 focus areas, 2 experiments each, practice on the running ones. */
async function givePlan(url: string, session: { cookie: string; csrf: string }) {
  const headers = {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'content-type': 'application/json',
  };
  const post = <T>(path: string, body: unknown, what: string) =>
    fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) =>
      json<T>(r, what),
    );
  // Starting a plan closes the one the demo may have given the participant.
  const plan = await post<Plan>(
    '/api/plans',
    {
      title: 'Benchmark plan',
      focusAreas: ['Listening', 'Delegating', 'Vision'].map((title) => ({
        kind: 'other',
        title,
        goal: `Get better at ${title.toLowerCase()}`,
      })),
    },
    'starting a plan',
  );
  for (const [i, focus] of plan.focusAreas.entries()) {
    const experiment = (n: number, status: 'planned' | 'running', startsOn: string, reviewOn: string) =>
      post<Plan>(
        `/api/focus-areas/${focus.id}/experiments`,
        {
          action: `Experiment ${i}.${n}`,
          situation: 'In one-to-ones',
          frequency: 'Twice a week',
          signal: 'People say more',
          startsOn,
          reviewOn,
          status,
        },
        'adding an experiment',
      );
    await experiment(1, 'running', day(-14), day(i))
      .then((p) => p.focusAreas[i]!.experiments.find((e) => e.action === `Experiment ${i}.1`)!.id)
      .then(async (id) => {
        for (let n = 0; n < 5; n++)
          await post(`/api/experiments/${id}/practice`, { didIt: n % 2 === 0 }, 'practice');
      });
    await experiment(2, 'planned', day(i + 1), day(i + 21));
  }
}

const bench: Benchmark = {
  name: 'home',
  description: `GET /api/home (${PEOPLE} people, participant with a plan) at ${CONNECTIONS} connections for ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const server = await startServerProcess(env, 3911);
    try {
      const admin = await signIn(server.url, 'amara.okafor@northwind.example', PASSWORD);
      const seeding = performance.now();
      const people = await seedPeople(server.url, admin);
      ctx.log(`seeded ${people} people in ${Math.round(performance.now() - seeding)} ms`);
      const participant = await signIn(server.url, PARTICIPANT, PASSWORD);
      await givePlan(server.url, participant);
      const today = new Date().toISOString().slice(0, 10);
      const path = `/api/home?today=${today}`;
      const check = homeResponse.parse(
        await json(await fetch(`${server.url}${path}`, { headers: { cookie: participant.cookie } }), 'home'),
      );
      if (check.plan?.focusAreas.length !== 3) throw new Error('the plan did not land');
      ctx.log(
        `home: next step ${check.nextStep.code}, ${check.dueThisWeek.length} due, module ${check.suggestedModule?.title}`,
      );
      const headers = { cookie: participant.cookie, 'accept-encoding': 'gzip, deflate, br' };
      await load({ url: server.url, path, headers, connections: CONNECTIONS, seconds: 3 });
      const load1 = loadavg()[0]!;
      const result = await load({
        url: server.url,
        path,
        headers,
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      return {
        people,
        connections: CONNECTIONS,
        seconds: SECONDS,
        ...result,
        due: check.dueThisWeek.length,
        load_average_1m: Math.round(((load1 + loadavg()[0]!) / 2) * 100) / 100,
      };
    } finally {
      await server.stop();
      await dropFreshDatabase(ctx, env);
    }
  },
};
export default bench;
