// Bad input to the library's admin API: every field is named with its rule, nothing is written, and
// unknown or malformed ids read as unknown (404), never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminModuleDetail, AdminModuleRow } from '../../src/domains/library/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import { libraryModuleInput } from './library-support.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe.each(testDatabaseKinds())('library input on %s', (kind) => {
  let h: Harness;
  let admin: Client;

  const count = async () =>
    ((await (await admin.get('/api/library/admin/modules')).json()) as AdminModuleRow[]).length;
  const refused = async (res: Response) => {
    const body = (await res.json()) as ErrorBody;
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    return body.error.fields ?? {};
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await addOrganisation(h.services, 'acme');
    admin = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('names every bad field of a new module and writes nothing', async () => {
    const before = await count();
    const fields = await refused(
      await admin.post('/api/library/admin/modules', {
        ...libraryModuleInput(),
        title: '  ',
        summary: 'x'.repeat(201),
        minutes: 3,
        stages: [],
        practice: { action: 'y'.repeat(201), situation: 'here', frequency: 'often' },
        reflection: 42,
        capabilityKey: 'Not A Key',
        colour: 'red',
      }),
    );
    expect(fields).toEqual({
      title: 'is required',
      summary: 'must be at most 200 characters',
      minutes: 'must be between 5 and 120',
      stages: 'needs at least one career stage',
      'practice.action': 'must be at most 200 characters',
      'practice.signal': 'is required',
      reflection: 'must be text',
      capabilityKey: 'must be lower-case letters and digits joined by hyphens',
      '(body)': 'is not a known field',
    });
    expect(await count()).toBe(before);
  });

  it('checks what only the server knows: capabilities, career stages, and Markdown without HTML', async () => {
    const before = await count();
    const fields = await refused(
      await admin.post(
        '/api/library/admin/modules',
        libraryModuleInput({
          capabilityKey: 'no-such-capability',
          stages: ['manager', 'intern'],
          body: 'Hello <script>alert(1)</script>',
        }),
      ),
    );
    expect(fields).toEqual({
      capabilityKey: 'is not a capability of the current framework',
      stages:
        'intern is not a career stage; use: individual-contributor, team-lead, manager, senior-leader, executive',
      body: 'must be Markdown without HTML (found <script>)',
    });
    expect(await count()).toBe(before);
    const images = await refused(
      await admin.post(
        '/api/library/admin/modules',
        libraryModuleInput({ body: 'See ![x](https://e.example/x.png)' }),
      ),
    );
    expect(images).toEqual({ body: 'must not contain images' });
    expect(await count()).toBe(before);
  });

  it('refuses a bad draft edit by field and keeps the draft as it was', async () => {
    const created = await (await admin.post('/api/library/admin/modules', libraryModuleInput())).json();
    const { id } = created as AdminModuleDetail;
    const fields = await refused(
      await admin.put(`/api/library/admin/modules/${id}/draft`, {
        ...libraryModuleInput(),
        capabilityKey: undefined,
        minutes: 7.5,
        stages: ['manager', 'manager'],
      }),
    );
    expect(fields).toEqual({
      minutes: 'must be a whole number of minutes',
      stages: 'must not name a career stage twice',
    });
    const after = (await (await admin.get(`/api/library/admin/modules/${id}`)).json()) as AdminModuleDetail;
    expect(after.draft!.content).toEqual(created.draft.content);
  });

  it('answers unknown and malformed ids with 404 on every admin route', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const base = `/api/library/admin/modules/${id}`;
      const answers = [
        await admin.get(base),
        await admin.get(`${base}/versions`),
        await admin.post(`${base}/draft`),
        await admin.put(`${base}/draft`, libraryModuleInput({ capabilityKey: undefined })),
        await admin.delete(`${base}/draft`),
        await admin.post(`${base}/publish`),
        await admin.post(`${base}/retire`),
        await admin.post(`${base}/restore`),
      ];
      expect(answers.map((r) => r.status)).toEqual(Array(answers.length).fill(404));
    }
  });

  it('previews Markdown as participants will see it, sanitised', async () => {
    const res = await admin.post('/api/library/admin/preview', {
      body: '## Hi\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))',
    });
    const { html } = (await res.json()) as { html: string };
    expect(res.status).toBe(200);
    expect(html).toContain('<h2>Hi</h2>');
    expect(html).not.toMatch(/<img|href="javascript/);
  });
});
