// A person's page lists their self-assessments as status only (GET /api/people/:id/assessments):
// the person, their manager and admins may read it; another participant, a coach without the
// reporting line, and another organisation may not; and no answer, score or item ever leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentForm, PersonAssessments } from '../../src/domains/assessments/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

describe.each(testDatabaseKinds())('person activity on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;
  let participant: Client;
  let coach: Client;
  let admin: Client;
  let outsider: Client;
  let form: AssessmentForm;
  const idOf = (role: 'participant' | 'coach' | 'admin') =>
    org.people.find((p) => p.email === `${role}@acme.test`)!.id;
  const path = (role: 'participant' | 'coach' | 'admin') => `/api/people/${idOf(role)}/assessments`;

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
    await addOrganisation(h.services, 'other');
    participant = new Client(h.app);
    coach = new Client(h.app);
    admin = new Client(h.app);
    outsider = new Client(h.app);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
    expect((await coach.signIn('coach@acme.test', PASSWORD)).status).toBe(200);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
    expect((await outsider.signIn('admin@other.test', PASSWORD)).status).toBe(200);
    // One submitted self-assessment (every answer 4) and one in progress (one answer of 2).
    form = (await (await participant.post('/api/assessments')).json()) as AssessmentForm;
    const answers = form.pages.flatMap((p) => p.items.map((i) => ({ item: i.key, value: 4 })));
    expect((await participant.post(`/api/assessments/${form.id}/submit`, { answers })).status).toBe(200);
    const open = (await (await participant.post('/api/assessments')).json()) as AssessmentForm;
    const first = open.pages[0]!.items[0]!.key;
    expect(
      (await participant.put(`/api/assessments/${open.id}/answers`, { answers: [{ item: first, value: 2 }] }))
        .status,
    ).toBe(200);
  });
  afterAll(() => h.close());

  it('shows the person their own, as status only', async () => {
    const res = await participant.get(path('participant'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PersonAssessments;
    expect(body.items.map((i) => i.status)).toEqual(['submitted', 'open']);
    expect(body.items[0]!.submittedAt).not.toBeNull();
    expect(body.items[1]!.progress.answered).toBe(1);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(
        ['id', 'progress', 'startedAt', 'status', 'submittedAt', 'version'].sort(),
      );
    }
  });

  it('refuses another participant and a coach who is not their manager, as for an unknown person', async () => {
    const res = await coach.get(path('participant'));
    // 404, like an unknown id: a signed-in route does not tell who exists beyond what it shows.
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain(form.id);
    expect((await participant.get(path('admin'))).status).toBe(404);
  });

  it('lets their manager and admins read the status, never answers, scores or items', async () => {
    const patched = await admin.patch(`/api/people/${idOf('participant')}`, { managerId: idOf('coach') });
    expect(patched.status).toBe(200);
    for (const viewer of [coach, admin]) {
      const res = await viewer.get(path('participant'));
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as PersonAssessments;
      expect(body.items).toHaveLength(2);
      expect(text).not.toMatch(/"answers"|"scores"|"capabilities"|"blocks"|"leadShare"/);
      // No item key of the form (the answers' keys) appears anywhere.
      for (const page of form.pages)
        for (const item of page.items) expect(text).not.toContain(`"${item.key}"`);
    }
  });

  it('reads as missing from another organisation and for an unknown id', async () => {
    expect((await outsider.get(path('participant'))).status).toBe(404);
    expect((await admin.get('/api/people/00000000-0000-4000-8000-000000000000/assessments')).status).toBe(
      404,
    );
    // A malformed id reads as an unknown one (issue 13, point 10).
    expect((await participant.get('/api/people/not-an-id/assessments')).status).toBe(404);
  });
});
