import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../../src/domains/framework/default-framework.ts';
import type { FrameworkDefinition } from '../../src/domains/framework/definition.ts';
import { frameworkItems, frameworkVersions } from '../../src/domains/framework/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Version = {
  id: string;
  number: number;
  status: 'draft' | 'published';
  sourceVersionNumber: number | null;
  capabilityCount: number;
  itemCount: number;
  definition: FrameworkDefinition;
};

describe.each(testDatabaseKinds())('framework versions on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;
  let admin: Client;
  let participant: Client;

  const versionCount = async () =>
    Number(
      (
        await h.services.db.inOrganisation(org.organisationId, (tx) =>
          tx.select({ n: count() }).from(frameworkVersions),
        )
      )[0]!.n,
    );
  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = (await res.json()) as T;
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
    return body;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
    admin = new Client(h.app);
    participant = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('gives every new organisation the default framework, published as version 1', async () => {
    const current = await json<Version>(await participant.get('/api/framework'), 200);
    expect(current).toMatchObject({ number: 1, status: 'published', capabilityCount: 22, itemCount: 83 });
    expect(current.definition).toEqual(DEFAULT_FRAMEWORK);
    expect((await participant.get('/api/framework/versions')).status).toBe(403);
  });

  it('customises a draft (values, new items, wording, retirement) and publishes it as version 2', async () => {
    const draft = await json<Version>(await admin.post('/api/framework/versions'), 201);
    expect(draft).toMatchObject({ number: 2, status: 'draft', sourceVersionNumber: 1 });
    const again = await json<ErrorBody>(await admin.post('/api/framework/versions'), 409);
    expect(again.error.message).toMatch(/version 2 is already a draft/);

    const d = structuredClone(draft.definition);
    d.blocks.splice(5, 0, {
      key: 'our-values',
      name: 'Our values',
      kind: 'values',
      description: 'What Acme stands for.',
    });
    d.capabilities.splice(14, 0, {
      key: 'customer-first',
      block: 'our-values',
      name: 'Customer first',
      description: 'Starting from what customers need.',
      explanation: 'We exist for our customers; decisions start from their needs.',
      practice: null,
      derailer: false,
      responseScale: 'agreement',
      items: [1, 2, 3].map((n) => ({
        key: `customer-first-${n}`,
        self: `I put customers first (${n}).`,
        observer: `They put customers first (${n}).`,
        reversed: false,
        retired: false,
      })),
    });
    const awareness = d.capabilities[0]!;
    awareness.items[0]!.self = 'I know which situations bring out my best and my worst.';
    awareness.items[3]!.retired = true;
    awareness.items.push({
      key: 'self-awareness-5',
      self: 'I ask others how I come across.',
      observer: 'They ask others how they come across.',
      reversed: false,
      retired: false,
    });
    const saved = await json<Version>(await admin.put(`/api/framework/versions/${draft.id}`, d), 200);
    expect(saved.definition).toEqual(d);
    expect(saved).toMatchObject({ capabilityCount: 23, itemCount: 86 });

    // The draft is not what people are assessed on until it is published.
    expect((await json<Version>(await participant.get('/api/framework'), 200)).number).toBe(1);
    const published = await json<Version>(
      await admin.post(`/api/framework/versions/${draft.id}/publish`),
      200,
    );
    expect(published).toMatchObject({ number: 2, status: 'published' });
    const current = await json<Version>(await participant.get('/api/framework'), 200);
    expect(current.number).toBe(2);
    expect(current.definition.capabilities.map((c) => c.key)).toContain('customer-first');

    const versions = await json<Version[]>(await admin.get('/api/framework/versions'), 200);
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('never changes a published version: the API refuses, and so does the database', async () => {
    const [v1, v2] = (await json<Version[]>(await admin.get('/api/framework/versions'), 200)).reverse();
    const edit = await admin.put(`/api/framework/versions/${v1!.id}`, v1Definition());
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as ErrorBody).error.message).toMatch(
      /version 1 is published and cannot change/,
    );
    expect((await admin.delete(`/api/framework/versions/${v2!.id}`)).status).toBe(409);
    expect((await admin.post(`/api/framework/versions/${v2!.id}/publish`)).status).toBe(409);

    await expect(
      h.services.db.inOrganisation(org.organisationId, (tx) =>
        tx
          .update(frameworkItems)
          .set({ selfText: 'Sneaky rewording.' })
          .where(eq(frameworkItems.versionId, v1!.id)),
      ),
    ).rejects.toThrow();
    await expect(
      h.services.db.inOrganisation(org.organisationId, (tx) =>
        tx.delete(frameworkVersions).where(eq(frameworkVersions.id, v1!.id)),
      ),
    ).rejects.toThrow();
    const after = await json<Version>(await admin.get(`/api/framework/versions/${v1!.id}`), 200);
    expect(after.definition).toEqual(DEFAULT_FRAMEWORK);
  });

  function v1Definition(): FrameworkDefinition {
    return structuredClone(DEFAULT_FRAMEWORK);
  }

  it('refuses a bad draft naming the field and the rule, and writes nothing', async () => {
    const draft = await json<Version>(await admin.post('/api/framework/versions'), 201);
    const missing = structuredClone(draft.definition) as unknown as {
      capabilities: { items: Record<string, unknown>[] }[];
    };
    delete missing.capabilities[3]!.items[1]!.self;
    const res = await json<ErrorBody>(await admin.put(`/api/framework/versions/${draft.id}`, missing), 400);
    expect(res.error.fields).toEqual({ 'capabilities.3.items.1.self': 'is required' });
    // Rules across the document are checked once every field is well formed.
    const dangling = structuredClone(draft.definition);
    dangling.capabilities[4]!.block = 'nowhere';
    const refused = await json<ErrorBody>(
      await admin.put(`/api/framework/versions/${draft.id}`, dangling),
      400,
    );
    expect(refused.error.fields?.['capabilities.4.block']).toMatch(/must be one of the blocks/);
    const unchanged = await json<Version>(await admin.get(`/api/framework/versions/${draft.id}`), 200);
    expect(unchanged.definition).toEqual(draft.definition);
    expect((await admin.delete(`/api/framework/versions/${draft.id}`)).status).toBe(204);
    expect((await admin.get(`/api/framework/versions/${draft.id}`)).status).toBe(404);
  });

  it('exports JSON and YAML files and imports them back as a draft', async () => {
    const versions = await json<Version[]>(await admin.get('/api/framework/versions'), 200);
    const v1 = versions.find((v) => v.number === 1)!;
    const yaml = await admin.get(`/api/framework/versions/${v1.id}/export?format=yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(yaml.headers.get('content-disposition')).toBe('attachment; filename="lodestar-framework-v1.yaml"');
    const yamlText = await yaml.text();
    expect(yamlText).toMatch(/^format: lodestar-framework\/1\n/);
    const jsonExport = await admin.get(`/api/framework/versions/${v1.id}/export`);
    expect(jsonExport.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(await jsonExport.text())).toEqual({ ...DEFAULT_FRAMEWORK });
    expect((await admin.get(`/api/framework/versions/${v1.id}/export?format=xml`)).status).toBe(400);

    const imported = await json<Version>(
      await admin.request('POST', '/api/framework/versions/import', yamlText, {
        'content-type': 'application/yaml',
      }),
      201,
    );
    expect(imported).toMatchObject({ status: 'draft', number: 3, sourceVersionNumber: null });
    expect(imported.definition).toEqual(DEFAULT_FRAMEWORK);
    const twice = await admin.request('POST', '/api/framework/versions/import', yamlText, {
      'content-type': 'application/yaml',
    });
    expect(twice.status).toBe(409);
    expect((await admin.delete(`/api/framework/versions/${imported.id}`)).status).toBe(204);
  });

  it('refuses a bad file naming each path, rule and line, and writes nothing', async () => {
    const before = await versionCount();
    const lines = (await (await admin.get('/api/framework/versions')).json()) as Version[];
    const text = await (
      await admin.get(`/api/framework/versions/${lines.at(-1)!.id}/export?format=yaml`)
    ).text();
    const rows = text.split('\n');
    const at = rows.findIndex((l) => l.includes('self: I can bring people round to an idea'));
    rows.splice(at, 1);
    const typo = rows.findIndex((l) => l.trim() === 'derailer: true');
    rows[typo] = rows[typo]!.replace('derailer: true', 'derailer: maybe');
    const res = await json<ErrorBody>(
      await admin.request('POST', '/api/framework/versions/import', rows.join('\n'), {
        'content-type': 'text/yaml',
      }),
      400,
    );
    expect(res.error.code).toBe('invalid_framework');
    expect(res.error.fields).toEqual({
      'capabilities[3].items[1].self': `is required (line ${at})`,
      'capabilities[14].derailer': `must be true or false (line ${typo + 1})`,
    });
    expect(res.error.message).toMatch(/2 problems; first: capabilities\[3\]\.items\[1\]\.self: is required/);
    const notYaml = await admin.request('POST', '/api/framework/versions/import', '{"name": [', {
      'content-type': 'application/json',
    });
    expect(notYaml.status).toBe(400);
    expect(((await notYaml.json()) as ErrorBody).error.message).toMatch(/not valid JSON or YAML/);
    expect(await versionCount()).toBe(before);
  });
});
