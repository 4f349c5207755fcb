// The HTTP application: middleware, the declared API routes, OpenAPI, health checks and the web app.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { asViewer } from '../scope.ts';
import type { Services } from '../services.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies.ts';
import { ApiError, invalidInput } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { type AnyRoute, canAccess } from './route.ts';
import type { StaticSite } from './static.ts';
import { safeEqual } from './tokens.ts';
import type { Viewer } from './viewer.ts';

const JSON_BODY_LIMIT = 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Env = { Variables: { requestId: string } };

export interface AppOptions {
  services: Services;
  routes: AnyRoute[];
  /** Who a session cookie belongs to (identity's sessions), or null for none. */
  viewerOf: (sessionCookie: string) => Promise<Viewer | null>;
  site?: StaticSite | undefined;
  isReady?: () => boolean;
}

export function createApp({ services, routes, viewerOf, site, isReady = () => true }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const { log } = services;

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    if (c.req.path.startsWith('/api/')) {
      log.info(
        {
          requestId,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    }
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
    }),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) return apiError(c, err);
    log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(
      { error: { code: 'internal', message: 'something went wrong on our side; it has been logged' } },
      500,
    );
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    if (!isReady()) return c.json({ ready: false }, 503);
    try {
      await services.db.asSystem((tx) => tx.execute('SELECT 1'));
      return c.json({ ready: true });
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      return c.json({ ready: false }, 503);
    }
  });

  // CSRF: every state-changing API request must echo the CSRF cookie in a header, except on the
  // few public routes that carry a signed link instead (route.ts `csrf: false`).
  const withoutCsrf = new Set(
    routes.filter((r) => r.csrf === false).map((r) => `${r.method.toUpperCase()} ${r.path}`),
  );
  app.use('/api/*', async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !withoutCsrf.has(`${c.req.method} ${c.req.path}`)) {
      const cookie = getCookie(c, CSRF_COOKIE);
      const header = c.req.header(CSRF_HEADER);
      if (!cookie || !header || !safeEqual(cookie, header)) {
        throw new ApiError(
          403,
          'csrf_failed',
          'missing or wrong X-CSRF-Token header: send the value of the lodestar_csrf cookie (GET /api/auth/csrf sets it)',
        );
      }
    }
    await next();
  });

  const document = openApiDocument(routes);
  app.get('/api/openapi.json', (c) => c.json(document));

  for (const spec of routes) {
    app.on(spec.method.toUpperCase(), spec.path, (c) => handle(c, spec, services, viewerOf));
  }

  app.all('/api/*', (c) =>
    apiError(c, new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`)),
  );

  if (site) {
    app.get('*', (c) => site.serve(c));
  }
  return app;
}

function apiError(c: Context, err: ApiError): Response {
  for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  return c.json(err.toBody(), err.status);
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

async function readJson(c: Context): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > JSON_BODY_LIMIT) throw new ApiError(413, 'too_large', 'the request body is larger than 1 MB');
  const text = await c.req.text();
  if (text.length > JSON_BODY_LIMIT)
    throw new ApiError(413, 'too_large', 'the request body is larger than 1 MB');
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body is not valid JSON');
  }
  // PostgreSQL stores no NUL character in text or JSON, and a lone surrogate is not text at all
  // (it would be stored as U+FFFD): refuse both here, naming where they are, rather than fail inside
  // a statement or store something other than what was sent. JSON carries either only as a \u escape.
  if (/\\u(0000|d[89a-f])/i.test(text)) refuseBadText(body, 'body');
  return body;
}

const NUL_RULE = 'must not contain the NUL character (U+0000)';
const SURROGATE_RULE = 'must be valid Unicode text (it holds a lone surrogate)';
const UTF8_RULE = 'must be valid UTF-8 text, percent-encoded';

/** Why a string cannot be stored as text, or null if it can. */
function textProblem(value: string): string | null {
  if (value.includes('\0')) return NUL_RULE;
  // ES2024's String.prototype.isWellFormed: in Node 20, not in our ES2023 lib types.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return SURROGATE_RULE;
  return null;
}

/**
 * The dotted path ('' for the root) of the first string or key that cannot be stored as text, with
 * the rule it breaks; null if none. Walks with its own stack: a body nested thousands deep must not
 * overflow the call stack.
 */
function findBadText(root: unknown): { path: string; rule: string } | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const rule = textProblem(value);
      if (rule) return { path, rule };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // Pushed in reverse, so the first field is looked at first.
    for (const [key, inner] of Object.entries(value).reverse()) {
      const at = path ? `${path}.${key}` : key;
      const rule = textProblem(key);
      if (rule) return { path: at, rule };
      stack.push({ value: inner, path: at });
    }
  }
  return null;
}

function badText(where: string, field: string, rule: string): ApiError {
  return new ApiError(400, 'invalid_input', `invalid ${where}: ${field}: ${rule}`, { [field]: rule });
}

function refuseBadText(value: unknown, where: 'body' | 'query parameter' | 'path parameter'): void {
  const bad = findBadText(value);
  if (bad) throw badText(where, bad.path || where, bad.rule);
}

function decodes(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
}

/** A parameter name for an error message, decoded where it can be. */
function leniently(raw: string): string {
  return raw.replace(/(%[0-9a-f]{2})+/gi, (m) => (decodes(m) ? decodeURIComponent(m) : m)) || '(empty)';
}

/**
 * Every query and path parameter must be text the database can store: no NUL, no lone surrogate,
 * and no percent-encoding that is not UTF-8 (Hono would pass such a value on undecoded, as if it
 * were the text sent). Checked for every route in this one place, before any contract.
 */
function refuseBadParameters(c: Context, spec: AnyRoute): void {
  const url = new URL(c.req.url);
  for (const pair of url.search.slice(1).split('&')) {
    const [name = '', value = ''] = pair.replace(/\+/g, ' ').split(/=(.*)/s);
    if (!decodes(name) || !decodes(value)) throw badText('query parameter', leniently(name), UTF8_RULE);
  }
  // Route paths are fixed segments and `:name` segments, so they line up with the request's.
  const pattern = spec.path.split('/');
  url.pathname.split('/').forEach((segment, i) => {
    const name = pattern[i]?.startsWith(':') ? pattern[i]!.slice(1) : null;
    if (name && !decodes(segment)) throw badText('path parameter', name, UTF8_RULE);
  });
  for (const [name, values] of Object.entries(c.req.queries())) {
    for (const value of values) {
      const rule = textProblem(name) ?? textProblem(value);
      if (rule) throw badText('query parameter', name, rule);
    }
  }
  refuseBadText(c.req.param(), 'path parameter');
}

async function readRaw(c: Context, spec: AnyRoute): Promise<Uint8Array> {
  const limits = spec.rawBody!;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && !limits.contentTypes.includes(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `send the file as one of: ${limits.contentTypes.join(', ')}`,
    );
  }
  const mb = `${Math.round(limits.maxBytes / 1024 / 1024)} MB`;
  if (Number(c.req.header('content-length') ?? 0) > limits.maxBytes) {
    throw new ApiError(413, 'too_large', `the file is larger than ${mb}`);
  }
  const body = new Uint8Array(await c.req.arrayBuffer());
  if (body.byteLength > limits.maxBytes)
    throw new ApiError(413, 'too_large', `the file is larger than ${mb}`);
  return body;
}

async function handle(
  c: Context,
  spec: AnyRoute,
  services: Services,
  viewerOf: AppOptions['viewerOf'],
): Promise<Response> {
  const cookie = getCookie(c, SESSION_COOKIE);
  const viewer: Viewer | null = cookie ? await viewerOf(cookie) : null;
  if (!canAccess(spec.access, viewer)) {
    throw viewer
      ? new ApiError(403, 'forbidden', 'your roles do not allow this')
      : new ApiError(401, 'unauthenticated', 'sign in first');
  }
  refuseBadParameters(c, spec);
  const params = parse(spec.params, c.req.param(), 'path parameter');
  const query = parse(spec.query, c.req.query(), 'query parameter');
  let body: unknown;
  let raw: Uint8Array = new Uint8Array();
  if (spec.rawBody) raw = await readRaw(c, spec);
  else if (spec.body) body = parse(spec.body, await readJson(c), 'body');
  const context = { body, query, params, viewer, raw, services, c, scope: undefined };
  const result = spec.tenant
    ? await asViewer(services, viewer!, (scope) => spec.handler({ ...context, scope }))
    : await spec.handler(context);
  const response = toResponse(c, spec, result);
  if (services.config.checkResponses) await checkResponse(spec, response);
  return response;
}

function toResponse(c: Context, spec: AnyRoute, result: unknown): Response {
  if (result instanceof Response) return result;
  const status = spec.status ?? 200;
  if (status === 204) return c.body(null, 204);
  return c.json(result as object, status as ContentfulStatusCode);
}

/**
 * Tests and development parse every successful JSON response against the route's contract, so the
 * OpenAPI document cannot drift from what is sent: a mismatch is a 500 that fails the test.
 */
async function checkResponse(spec: AnyRoute, response: Response): Promise<void> {
  if (!spec.response || response.status >= 300 || response.status === 204) return;
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return;
  const copy = response.clone();
  const bytes = new Uint8Array(await copy.arrayBuffer());
  const text =
    response.headers.get('content-encoding') === 'gzip'
      ? new TextDecoder().decode(gunzipSync(bytes))
      : new TextDecoder().decode(bytes);
  const checked = spec.response.safeParse(JSON.parse(text));
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path} sent a response its contract refuses: ${problems.join('; ')}`,
    );
  }
}
