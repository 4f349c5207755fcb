// The OpenAPI document is generated from the same zod contracts that validate requests.
import { z } from 'zod';
import type { AnyRoute } from './route.ts';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'openapi-3.0',
    // What `.catch()` puts in place of a bad value (e.g. a malformed id, see params.ts) is not a
    // default a client may rely on by leaving the value out.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'catch') delete ctx.jsonSchema.default;
    },
  });
}

export function openApiDocument(routes: AnyRoute[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const shape = (
        jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
      ).properties;
      const required = (jsonSchema(schema, 'input') as { required?: string[] }).required ?? [];
      for (const [name, s] of Object.entries(shape ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || required.includes(name),
          schema: s,
        });
      }
    }
    const status = String(r.status ?? 200);
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      'x-access': r.access === 'public' || r.access === 'signed-in' ? r.access : { roles: r.access },
      ...(r.narrowedTo ? { 'x-narrowed-to': r.narrowedTo } : {}),
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      ...(r.rawBody
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                r.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
              ),
            },
          }
        : {}),
      responses: {
        [status]: {
          description: 'success',
          ...(r.response
            ? { content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
            : {}),
        },
        default: {
          description: 'error',
          content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Lodestar API',
      version: '0.1.0',
      description:
        'State-changing requests need the X-CSRF-Token header (value of the lodestar_csrf cookie; GET /api/auth/csrf sets it).',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lodestar_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
