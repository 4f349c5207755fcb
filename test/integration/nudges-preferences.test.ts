// The digest settings: the signed-in person's own only, the defaults until they save, and every bad
// field named with its rule (400, nothing written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestPreferences } from '../../src/domains/nudges/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import { json } from './nudges-support.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const PATH = '/api/nudges/preferences';
const valid = {
  frequency: 'fortnightly',
  weekday: 5,
  hour: 16,
  timeZone: 'Asia/Kolkata',
  quietHours: { start: 22, end: 6 },
};

describe.each(testDatabaseKinds())('digest preferences on %s', (kind) => {
  let h: Harness;
  let me: Client;
  let colleague: Client;

  beforeAll(async () => {
    h = await startHarness(kind);
    await addOrganisation(h.services, 'prefs');
    me = new Client(h.app);
    colleague = new Client(h.app);
    expect((await me.signIn('participant@prefs.test', PASSWORD)).status).toBe(200);
    expect((await colleague.signIn('coach@prefs.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('answers the defaults until saved: weekly, Monday 08:00 UTC, no quiet hours', async () => {
    expect(await json(await me.get(PATH), 200)).toEqual({
      frequency: 'weekly',
      weekday: 1,
      hour: 8,
      timeZone: 'UTC',
      quietHours: null,
      saved: false,
    });
  });

  it('saves the person’s own choices only', async () => {
    expect(await json(await me.put(PATH, valid), 200)).toEqual({ ...valid, saved: true });
    expect(await json<DigestPreferences>(await me.get(PATH), 200)).toEqual({ ...valid, saved: true });
    expect((await json<DigestPreferences>(await colleague.get(PATH), 200)).saved).toBe(false);
    // A time zone in another case is stored in Intl's spelling; quiet hours may be none.
    const next = { ...valid, timeZone: 'europe/london', quietHours: null };
    expect(await json(await me.put(PATH, next), 200)).toMatchObject({
      timeZone: 'Europe/London',
      quietHours: null,
    });
  });

  it('needs a sign-in', async () => {
    const anonymous = new Client(h.app);
    await anonymous.get('/api/auth/csrf');
    expect((await anonymous.get(PATH)).status).toBe(401);
    expect((await anonymous.put(PATH, valid)).status).toBe(401);
  });

  it.each([
    ['frequency', { frequency: 'daily' }, 'must be one of: off, weekly, fortnightly'],
    ['weekday', { weekday: 0 }, 'must be a weekday from 1 (Monday) to 7 (Sunday)'],
    ['weekday', { weekday: 8 }, 'must be a weekday from 1 (Monday) to 7 (Sunday)'],
    ['weekday', { weekday: 2.5 }, 'must be a weekday from 1 (Monday) to 7 (Sunday)'],
    ['weekday', { weekday: '1' }, 'must be a weekday from 1 (Monday) to 7 (Sunday)'],
    ['hour', { hour: 24 }, 'must be an hour from 0 to 23'],
    ['hour', { hour: -1 }, 'must be an hour from 0 to 23'],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }, 'must be an IANA time zone such as Europe/London'],
    ['timeZone', { timeZone: '+01:00' }, 'must be an IANA time zone such as Europe/London'],
    ['timeZone', { timeZone: '' }, 'must be an IANA time zone such as Europe/London'],
    ['timeZone', { timeZone: 'x'.repeat(65) }, 'must be at most 64 characters'],
    ['quietHours.end', { quietHours: { start: 5, end: 5 } }, 'must differ from start'],
    ['quietHours.start', { quietHours: { start: 24, end: 5 } }, 'must be an hour from 0 to 23'],
    ['quietHours', { quietHours: 'nights' }, 'must be {start, end} hours, or null for none'],
  ])('refuses a bad %s (%j)', async (field, change, rule) => {
    const before = await json<DigestPreferences>(await me.get(PATH), 200);
    const body = await json<ErrorBody>(await me.put(PATH, { ...valid, ...change }), 400);
    expect(body.error.fields?.[field]).toBe(rule);
    expect(body.error.message).toContain(field);
    expect(await json(await me.get(PATH), 200)).toEqual(before);
  });

  it('refuses a missing or an unknown field', async () => {
    const { hour: _, ...noHour } = valid;
    expect((await json<ErrorBody>(await me.put(PATH, noHour), 400)).error.fields).toHaveProperty('hour');
    const extra = await json<ErrorBody>(await me.put(PATH, { ...valid, personId: 'someone' }), 400);
    expect(extra.error.message).toContain('personId');
  });
});
