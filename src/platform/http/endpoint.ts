// An endpoint is the part of a route both sides share: method, path and the zod contracts of its
// input and output. The server declares each route on an endpoint (route.ts adds who may call it
// and the handler); the web client calls endpoints (web/src/api.ts), so neither side writes a path
// or a type the other could disagree with.
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** Hono path syntax, e.g. /api/people/:id */
  path: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body's contract: checked at compile time against the handler, and in tests. */
  response?: R;
  status?: 200 | 201 | 202 | 204;
  /** Take the body as bytes (file uploads) instead of JSON. */
  rawBody?: { contentTypes: readonly string[]; maxBytes: number };
}

export function endpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(spec: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return spec;
}

/**
 * An endpoint's method and path, with its contracts as types only: for a page that must not ship
 * zod (the rater page has its own small bundle). The server declares the full endpoint by spreading
 * the shape and adding the very schemas the type arguments name, so the two cannot disagree.
 */
export function endpointShape<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(method: Method, path: string): Endpoint<P, Q, B, R> {
  return { method, path };
}

type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: the endpoint's params, query and body as their schemas accept them. */
export type CallArgs<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType | undefined>
    ? (P extends z.ZodType ? { params: In<P> } : { params?: undefined }) &
        (Q extends z.ZodType ? { query?: In<Q> } : { query?: undefined }) &
        (B extends z.ZodType ? { body: In<B> } : { body?: undefined })
    : never;

/** What a caller gets back: the response schema's output (JSON dates stay strings on the wire). */
export type CallResult<E> =
  E extends Endpoint<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? Out<R>
    : never;

/** The path with its :parameters filled in (URI-encoded) and the query string appended. */
export function pathOf(e: Pick<Endpoint, 'path'>, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`${e.path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
