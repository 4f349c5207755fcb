// The one way the web app talks to the server: `call(endpoint, args)`, `upload(...)` for raw
// bodies and `hrefOf(...)` for links, where the endpoint is the server's own route declaration
// (src/**/endpoints.ts). No page or query writes a path or restates a response type; the domain
// queries.ts files call endpoints directly. The endpoints carry their zod contracts, so zod is in
// the bundle (figures in docs/decisions/0009). The types below are the contracts' own, named for
// the pages.
import type { z } from 'zod';
import type {
  AnswerInput,
  AssessmentForm,
  History,
  PersonAssessments,
  ProfileResponse,
  QualityReport,
  StageBalanceList,
  StageBalanceUpdate,
} from '../../src/domains/assessments/contracts.ts';
import type {
  FrameworkDefinition,
  VersionDetail,
  VersionSummary,
} from '../../src/domains/framework/contracts.ts';
import type { invitationInfo, ViewerResponse } from '../../src/identity/auth/contracts.ts';
import { csrfEndpoint } from '../../src/identity/auth/csrf-endpoints.ts';
import type {
  CareerStage,
  createPersonRequest,
  ImportResult,
  PeopleList,
  PersonDetail,
  PersonSummary,
  personInput,
  team,
  updatePersonRequest,
} from '../../src/identity/people/contracts.ts';
import { type CallArgs, type CallResult, type Endpoint, pathOf } from '../../src/platform/http/endpoint.ts';
import type { OutboxList } from '../../src/platform/mail/contracts.ts';

export type Viewer = ViewerResponse;
export type Role = PersonDetail['roles'][number];
export type Team = z.infer<typeof team>;
export type InvitationInfo = z.infer<typeof invitationInfo>;
export type PersonUpdate = z.input<typeof updatePersonRequest>;
export type NewPerson = z.input<typeof createPersonRequest>;
export type PersonField = keyof z.input<typeof personInput> | 'status';
export type OutboxMessage = OutboxList['items'][number];
export type {
  AnswerInput,
  AssessmentForm,
  CareerStage,
  FrameworkDefinition,
  History,
  ImportResult,
  OutboxList,
  PeopleList,
  PersonAssessments,
  PersonDetail,
  PersonSummary,
  ProfileResponse,
  QualityReport,
  StageBalanceList,
  StageBalanceUpdate,
  VersionDetail,
  VersionSummary,
};
export type AssessmentPage = AssessmentForm['pages'][number];
export type ResponseScale = AssessmentForm['responseScales'][number];
export type Progress = AssessmentForm['progress'];
export type CapabilityScore = ProfileResponse['capabilities'][number];
export type DerailerScore = ProfileResponse['derailers'][number];
export type BlockScore = ProfileResponse['blocks'][number];
export type Balance = ProfileResponse['balance'];
export type HistoryEntry = History['items'][number];
export type QualityScale = QualityReport['scales'][number];
export type QualityItem = QualityScale['items'][number];

/** The server's error shape `{error: {code, message, fields}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'lodestar_csrf';

function csrfFromCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

let unauthenticatedHandler: (() => void) | undefined;
/** Called when a request answers 401, so the app can send the person to sign in. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

interface RequestOptions {
  json?: unknown;
  raw?: { body: BodyInit; contentType: string };
  /** For requests whose 401 is an expected answer (the start-up /api/me, sign-in itself). */
  quiet401?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

async function send(method: string, path: string, options: RequestOptions, csrf?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.body;
  }
  if (csrf) headers['X-CSRF-Token'] = csrf;
  try {
    return await fetch(path, { method, headers, body: body ?? null, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
}

async function csrfToken(refresh: boolean): Promise<string> {
  const existing = refresh ? undefined : csrfFromCookie();
  if (existing) return existing;
  const response = await send('GET', pathOf(csrfEndpoint), {});
  if (!response.ok) throw await toError(response);
  const { csrfToken: token } = (await response.json()) as CallResult<typeof csrfEndpoint>;
  return csrfFromCookie() ?? token;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? '',
        body.error.fields ?? {},
      );
    }
  } catch {
    // A proxy or crash page rather than the API's JSON: fall through to a generic error.
  }
  return new ApiError(response.status, 'http_error', response.statusText);
}

/**
 * Calls a server endpoint (its module's endpoints.ts): the path, its parameters and the types of
 * what is sent and returned all come from the route's own declaration.
 */
export function call<E extends Endpoint>(
  endpoint: E,
  args: CallArgs<E>,
  options: Pick<RequestOptions, 'quiet401'> = {},
): Promise<CallResult<E>> {
  const { params, query, body } = args as { params?: object; query?: object; body?: unknown };
  return request<CallResult<E>>(endpoint.method.toUpperCase(), pathOf(endpoint, params, query), {
    ...options,
    ...(body !== undefined ? { json: body } : {}),
  });
}

/**
 * Sends a file as the request body (the endpoint declares `rawBody`), e.g. a CSV import; the
 * query and path parameters as for `call`.
 */
export function upload<E extends Endpoint>(
  endpoint: E,
  args: Omit<CallArgs<E>, 'body'>,
  file: Blob,
  /** One of the endpoint's `rawBody.contentTypes` (the server refuses any other). */
  contentType: string,
): Promise<CallResult<E>> {
  const { params, query } = args as { params?: object; query?: object };
  return request<CallResult<E>>(endpoint.method.toUpperCase(), pathOf(endpoint, params, query), {
    raw: { body: file, contentType },
  });
}

/** A plain link target (not fetched), e.g. a download the browser makes with the session cookie. */
export function hrefOf<E extends Endpoint>(endpoint: E, args: Omit<CallArgs<E>, 'body'>): string {
  const { params, query } = args as { params?: object; query?: object };
  return pathOf(endpoint, params, query);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const safe = SAFE_METHODS.has(method);
  let response = await send(method, path, options, safe ? undefined : await csrfToken(false));
  if (!safe && response.status === 403) {
    // The cookie may have been replaced (another tab signed in): fetch a fresh one and retry once.
    const error = await toError(response.clone());
    if (error.code === 'csrf_failed') response = await send(method, path, options, await csrfToken(true));
  }
  if (!response.ok) {
    const error = await toError(response);
    if (error.status === 401 && !options.quiet401) unauthenticatedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
