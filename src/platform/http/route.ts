// Every API route is declared with `route()`: method, path, who may call it, and zod contracts for
// its input and output. The app mounts them, the OpenAPI document is generated from them, and
// the authorisation test walks them all — so a route cannot exist without saying who may call it.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Services } from '../services.ts';

/** The roles a person can hold; routes declare which of them may call. */
export const ROLES = ['participant', 'coach', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route. Deny by default: a route with no access cannot be declared. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface Viewer {
  organisationId: string;
  personId: string;
  sessionId: string;
  roles: Role[];
  email: string;
  name: string;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<B, Q, P, A extends Access> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  /** The signed-in person; null only on public routes. */
  viewer: A extends 'public' ? Viewer | null : Viewer;
  /** The raw request body, for routes that take a file (rawBody: true). */
  raw: Uint8Array;
  services: Services;
  c: Context;
}

export interface RouteSpec<B = undefined, Q = undefined, P = undefined, A extends Access = Access> {
  method: Method;
  /** Hono path syntax, e.g. /api/people/:id */
  path: string;
  summary: string;
  tag: string;
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /** The success body's contract; documented in OpenAPI. */
  response?: Schema;
  status?: 200 | 201 | 202 | 204;
  /** Take the body as bytes (file uploads) instead of JSON. */
  rawBody?: { contentTypes: readonly string[]; maxBytes: number };
  handler(ctx: HandlerContext<B, Q, P, A>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of routes with different contracts; each was checked by route().
export type AnyRoute = RouteSpec<any, any, any, Access>;

export function route<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  const A extends Access = Access,
>(spec: RouteSpec<B, Q, P, A>): AnyRoute {
  return spec as AnyRoute;
}

export function canAccess(access: Access, viewer: Viewer | null): boolean {
  if (access === 'public') return true;
  if (!viewer) return false;
  if (access === 'signed-in') return true;
  return access.some((role) => viewer.roles.includes(role));
}
