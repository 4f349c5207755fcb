// Every API route is declared with `route(endpoint, options)`: the endpoint (endpoint.ts: method,
// path, zod contracts, shared with the web client) plus who may call it and the handler. The app
// mounts them, the OpenAPI document is generated from them, and the authorisation test walks them
// all — so a route cannot exist without saying who may call it.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { TenantScope } from '../scope.ts';
import type { Services } from '../services.ts';
import type { Endpoint } from './endpoint.ts';
import type { Access, Viewer } from './viewer.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Maybe = z.ZodType | undefined;
type AnyEndpoint = Endpoint<Maybe, Maybe, Maybe, Maybe>;
// The endpoint's own type arguments (its optional fields would add `undefined` to each).
type ParamsOf<E> = E extends Endpoint<infer P, Maybe, Maybe, Maybe> ? Out<P> : never;
type QueryOf<E> = E extends Endpoint<Maybe, infer Q, Maybe, Maybe> ? Out<Q> : never;
type BodyOf<E> = E extends Endpoint<Maybe, Maybe, infer B, Maybe> ? Out<B> : never;
type ResponseOf<E> = E extends Endpoint<Maybe, Maybe, Maybe, infer R> ? R : never;

export interface HandlerContext<E extends AnyEndpoint, A extends Access, T extends boolean> {
  body: BodyOf<E>;
  query: QueryOf<E>;
  params: ParamsOf<E>;
  /** The signed-in person; null only on public routes. */
  viewer: A extends 'public' ? Viewer | null : Viewer;
  /** The viewer's organisation, in one transaction (routes declared with `tenant: true`). */
  scope: T extends true ? TenantScope : undefined;
  /** The raw request body, for routes that take a file (rawBody). */
  raw: Uint8Array;
  services: Services;
  c: Context;
}

/**
 * What a handler may return: the response contract's input (checked at compile time), or a
 * Response it built itself (a file, a cached encoded body, another status) — tests parse those
 * against the contract too when they are JSON (app.ts).
 */
export type Reply<E extends AnyEndpoint> =
  ResponseOf<E> extends z.ZodType ? z.input<ResponseOf<E>> | Response : NoContent;
// biome-ignore lint/suspicious/noConfusingVoidType: a handler without a response contract returns nothing (204).
type NoContent = Response | void;

export interface RouteOptions<E extends AnyEndpoint, A extends Access, T extends boolean> {
  summary: string;
  tag: string;
  access: A;
  /**
   * Open a transaction in the viewer's organisation (row-level security applies) and hand the
   * handler its scope. Hot single-statement paths leave it off (docs/decisions/0008).
   */
  tenant?: T;
  /**
   * `false` lets a state-changing request through without the CSRF header (app.ts). Only for a
   * public route whose request carries its own proof, a signed link in its query (signed-links.ts),
   * that a mail provider POSTs with no cookie (RFC 8058 one-click unsubscribe). A forged cross-site
   * request cannot know that token, which is what the CSRF header protects against elsewhere. Only
   * on paths without parameters.
   */
  csrf?: false;
  /**
   * A signed-in route whose handler refuses (403) callers outside a group that is not a role, e.g.
   * "team leaders" (teams.leader_id): says who, for the OpenAPI summary and the access walk, which
   * otherwise takes a 403 from a signed-in route for a leak of the deny-by-default rule.
   */
  narrowedTo?: string;
  handler(ctx: HandlerContext<E, A, T>): Promise<Reply<E>>;
}

export interface RouteSpec extends AnyEndpoint {
  summary: string;
  tag: string;
  access: Access;
  tenant?: boolean;
  csrf?: false;
  narrowedTo?: string;
  // biome-ignore lint/suspicious/noExplicitAny: routes of every contract in one list; route() checked each one.
  handler(ctx: HandlerContext<any, Access, boolean>): Promise<unknown>;
}
export type AnyRoute = RouteSpec;

export function route<E extends AnyEndpoint, const A extends Access, T extends boolean = false>(
  endpoint: E,
  options: RouteOptions<E, A, T>,
): AnyRoute {
  if (options.tenant && options.access === 'public') {
    throw new Error(`${endpoint.method} ${endpoint.path}: a public route has no viewer, so no tenant scope`);
  }
  if (options.csrf === false && (options.access !== 'public' || endpoint.path.includes(':'))) {
    throw new Error(
      `${endpoint.method} ${endpoint.path}: only a public route without path parameters may skip the CSRF check`,
    );
  }
  return { ...endpoint, ...options } as unknown as AnyRoute;
}

export function canAccess(access: Access, viewer: Viewer | null): boolean {
  if (access === 'public') return true;
  if (!viewer) return false;
  if (access === 'signed-in') return true;
  return access.some((role) => viewer.roles.includes(role));
}
