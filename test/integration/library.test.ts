// The library through its API: what participants find (search, filters, only published and not
// retired), and admins' versioning (draft, publish, supersede, discard, retire, restore). Modules
// come from the loader's fixtures, so the test holds with or without the built-in content.
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltInModules, readContentFolder } from '../../src/domains/library/built-in.ts';
import type {
  AdminModuleDetail,
  AdminModuleRow,
  LibraryFacets,
  ModuleDetail,
  ModuleList,
  ModuleVersion,
} from '../../src/domains/library/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import { libraryModuleInput } from './library-support.ts';

const FIXTURES = readContentFolder(join(import.meta.dirname, '../../src/domains/library/testing/content'));
const QUESTIONS = 'building-relationships/fixture-questions-first';
const GAME_FACE = 'game-face/fixture-say-how-it-is-going';

describe.each(testDatabaseKinds())('library on %s', (kind) => {
  let h: Harness;
  let admin: Client;
  let participant: Client;
  let otherAdmin: Client;
  let otherParticipant: Client;
  let acmeId: string;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = (await res.json()) as T;
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
    return body;
  };
  const list = async (client: Client, query = '') =>
    (await json<ModuleList>(await client.get(`/api/library/modules${query}`), 200)).items;
  const keysOf = (items: { key: string }[]) => items.map((i) => i.key);
  const idOf = async (key: string) => (await list(admin)).find((m) => m.key === key)!.id;

  beforeAll(async () => {
    h = await startHarness(kind);
    const acme = await addOrganisation(h.services, 'acme');
    const other = await addOrganisation(h.services, 'other');
    acmeId = acme.organisationId;
    for (const org of [acme, other]) {
      const added = await h.services.db.inOrganisation(org.organisationId, (tx) =>
        installBuiltInModules(tx, org.organisationId, FIXTURES),
      );
      expect(added).toBe(2);
    }
    admin = new Client(h.app);
    participant = new Client(h.app);
    otherAdmin = new Client(h.app);
    otherParticipant = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
    expect((await otherAdmin.signIn('admin@other.test', PASSWORD)).status).toBe(200);
    expect((await otherParticipant.signIn('participant@other.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('installs built-in modules once: a second install adds nothing', async () => {
    const again = await h.services.db.inOrganisation(acmeId, (tx) =>
      installBuiltInModules(tx, acmeId, FIXTURES),
    );
    expect(again).toBe(0);
  });

  it('lists published modules with their capability, practice and stages', async () => {
    const items = await list(participant);
    const questions = items.find((m) => m.key === QUESTIONS)!;
    expect(questions).toMatchObject({
      origin: 'built-in',
      capabilityKey: 'building-relationships',
      capabilityName: 'Building strong relationships',
      version: 1,
      title: 'Fixture — questions first',
      minutes: 20,
      stages: ['individual-contributor', 'team-lead'],
      practice: { action: 'Ask one open question before I give my view' },
    });
    expect(keysOf(items)).toContain(GAME_FACE);
  });

  it('searches by word (stemmed) and by part of a title, and filters by capability, stage and time', async () => {
    // "listening" is in the body as "listening"; stemming also finds "listen".
    expect(keysOf(await list(participant, '?q=listen'))).toContain(QUESTIONS);
    expect(keysOf(await list(participant, '?q=listen'))).not.toContain(GAME_FACE);
    expect(keysOf(await list(participant, '?q=Fixture%20%E2%80%94%20que'))).toEqual([QUESTIONS]);
    expect(keysOf(await list(participant, '?q=100%25_'))).toEqual([]);

    const faces = await list(participant, '?capability=game-face');
    expect(keysOf(faces)).toContain(GAME_FACE);
    expect(faces.every((m) => m.capabilityKey === 'game-face')).toBe(true);

    const executives = await list(participant, '?stage=executive');
    expect(keysOf(executives)).toContain(GAME_FACE);
    expect(keysOf(executives)).not.toContain(QUESTIONS);
    expect(executives.every((m) => m.stages.includes('executive'))).toBe(true);

    const short = await list(participant, '?maxMinutes=15');
    expect(keysOf(short)).toContain(GAME_FACE);
    expect(keysOf(short)).not.toContain(QUESTIONS);
    expect(short.every((m) => m.minutes <= 15)).toBe(true);

    const combined = await list(participant, '?q=fixture&stage=team-lead&maxMinutes=20');
    expect(keysOf(combined)).toContain(QUESTIONS);
    expect(keysOf(combined)).not.toContain(GAME_FACE);

    const bad = await json<{ error: { fields: Record<string, string> } }>(
      await participant.get('/api/library/modules?maxMinutes=soon&capability=Not%20A%20Key'),
      400,
    );
    expect(Object.keys(bad.error.fields).sort()).toEqual(['capability', 'maxMinutes']);
  });

  it('offers every capability of the framework with its count, and the career stages', async () => {
    const facets = await json<LibraryFacets>(await participant.get('/api/library/facets'), 200);
    expect(facets.capabilities).toHaveLength(22);
    expect(facets.capabilities.find((c) => c.key === 'game-face')).toMatchObject({
      name: 'Game face',
      blockName: 'Old behaviours to unlearn',
    });
    expect(facets.capabilities.find((c) => c.key === 'game-face')!.count).toBeGreaterThanOrEqual(1);
    expect(facets.stages.map((s) => s.key)).toEqual([
      'individual-contributor',
      'team-lead',
      'manager',
      'senior-leader',
      'executive',
    ]);
  });

  it('shows one module with its body rendered as sanitised HTML', async () => {
    const detail = await json<ModuleDetail>(
      await participant.get(`/api/library/modules/${await idOf(QUESTIONS)}`),
      200,
    );
    expect(detail.html).toContain('<h2>Why it matters</h2>');
    expect(detail.html).toContain('<ol>');
    expect(detail.reflection).toBe('What did I hear that I would have missed if I had spoken first?');
    expect(detail.practice.signal).toBe('I can name one thing I learned that changed my plan');
    for (const path of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await participant.get(`/api/library/modules/${path}`)).status).toBe(404);
    }
  });

  it('versions a built-in module: a draft is invisible until published, and the old version is kept', async () => {
    const id = await idOf(GAME_FACE);
    const base = `/api/library/admin/modules/${id}`;
    const draft = await json<AdminModuleDetail>(await admin.post(`${base}/draft`), 201);
    expect(draft).toMatchObject({ publishedVersion: 1, draftVersion: 2, origin: 'built-in' });
    expect(draft.draft!.content).toEqual(draft.published!.content);
    expect((await admin.post(`${base}/draft`)).status).toBe(409);

    const edited = { ...draft.draft!.content, title: 'Say how it is really going' };
    const saved = await json<AdminModuleDetail>(await admin.put(`${base}/draft`, edited), 200);
    expect(saved).toMatchObject({ title: 'Say how it is really going', draft: { authorName: 'acme admin' } });
    const seen = await json<ModuleDetail>(await participant.get(`/api/library/modules/${id}`), 200);
    expect(seen).toMatchObject({ version: 1, title: 'Fixture — say how it is going' });

    const published = await json<AdminModuleDetail>(await admin.post(`${base}/publish`), 200);
    expect(published).toMatchObject({ publishedVersion: 2, draftVersion: null, draft: null });
    expect(await json<ModuleDetail>(await participant.get(`/api/library/modules/${id}`), 200)).toMatchObject({
      version: 2,
      title: 'Say how it is really going',
    });
    const history = await json<ModuleVersion[]>(await admin.get(`${base}/versions`), 200);
    expect(history.map((v) => [v.version, v.status, v.content.title])).toEqual([
      [2, 'published', 'Say how it is really going'],
      [1, 'superseded', 'Fixture — say how it is going'],
    ]);

    // No draft now: editing, publishing and discarding are state conflicts.
    expect((await admin.put(`${base}/draft`, edited)).status).toBe(409);
    expect((await admin.post(`${base}/publish`)).status).toBe(409);
    expect((await admin.delete(`${base}/draft`)).status).toBe(409);

    // A discarded draft leaves no trace in the history.
    await json(await admin.post(`${base}/draft`), 201);
    expect((await admin.delete(`${base}/draft`)).status).toBe(204);
    expect(await json<ModuleVersion[]>(await admin.get(`${base}/versions`), 200)).toHaveLength(2);
  });

  it('never lets a published version change, even by hand', async () => {
    const id = await idOf(QUESTIONS);
    const change = h.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE library_module_versions SET title = 'changed' WHERE module_id = ${id}`),
    );
    await expect(change).rejects.toThrow();
  });

  it('retires and restores: participants see neither list entry nor page while retired', async () => {
    const id = await idOf(QUESTIONS);
    const base = `/api/library/admin/modules/${id}`;
    const retired = await json<AdminModuleDetail>(await admin.post(`${base}/retire`), 200);
    expect(retired.retiredAt).not.toBeNull();
    expect(keysOf(await list(participant))).not.toContain(QUESTIONS);
    expect((await participant.get(`/api/library/modules/${id}`)).status).toBe(404);
    const rows = await json<AdminModuleRow[]>(await admin.get('/api/library/admin/modules'), 200);
    expect(rows.find((r) => r.id === id)!.retiredAt).not.toBeNull();
    expect((await admin.post(`${base}/retire`)).status).toBe(409);

    expect((await json<AdminModuleDetail>(await admin.post(`${base}/restore`), 200)).retiredAt).toBeNull();
    expect(keysOf(await list(participant))).toContain(QUESTIONS);
    expect((await admin.post(`${base}/restore`)).status).toBe(409);
  });

  it('adds an organisation module as a draft, visible to participants only once published', async () => {
    const created = await json<AdminModuleDetail>(
      await admin.post('/api/library/admin/modules', libraryModuleInput({ title: 'Our value: Care!' })),
      201,
    );
    expect(created).toMatchObject({
      key: 'org/building-relationships/our-value-care',
      origin: 'organisation',
      publishedVersion: null,
      draftVersion: 1,
      published: null,
      draft: { status: 'draft', authorName: 'acme admin' },
    });
    expect(created.draft!.html).toContain('<strong>care</strong>');
    const id = created.id;
    expect(keysOf(await list(participant))).not.toContain(created.key);
    expect((await participant.get(`/api/library/modules/${id}`)).status).toBe(404);

    await json(await admin.post(`/api/library/admin/modules/${id}/publish`), 200);
    expect(keysOf(await list(participant, '?q=care'))).toContain(created.key);

    // The same title again gets a key of its own.
    const twin = await json<AdminModuleDetail>(
      await admin.post('/api/library/admin/modules', libraryModuleInput({ title: 'Our value: Care!' })),
      201,
    );
    expect(twin.key).toBe('org/building-relationships/our-value-care-2');
    // Discarding the only version of a module never published removes the module.
    expect((await admin.delete(`/api/library/admin/modules/${twin.id}/draft`)).status).toBe(204);
    expect((await admin.get(`/api/library/admin/modules/${twin.id}`)).status).toBe(404);

    // Another organisation sees none of it, under any route.
    expect(keysOf(await list(otherParticipant))).not.toContain(created.key);
    expect((await otherParticipant.get(`/api/library/modules/${id}`)).status).toBe(404);
    const theirs = await json<AdminModuleRow[]>(await otherAdmin.get('/api/library/admin/modules'), 200);
    expect(theirs.map((r) => r.id)).not.toContain(id);
    for (const path of ['', '/versions']) {
      expect((await otherAdmin.get(`/api/library/admin/modules/${id}${path}`)).status).toBe(404);
    }
    expect((await otherAdmin.post(`/api/library/admin/modules/${id}/retire`)).status).toBe(404);
  });
});
