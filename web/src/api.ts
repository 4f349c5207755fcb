// The one way the web app talks to the server. Types come from the shared zod contracts; only
// types are imported so neither zod nor the server's schema modules end up in the bundle.
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
  FrameworkDefinitionInput,
  VersionDetail,
  VersionSummary,
} from '../../src/domains/framework/contracts.ts';
import type {
  acceptInvitationRequest,
  invitationInfo,
  loginRequest,
  passwordResetConfirm,
  ViewerResponse,
} from '../../src/identity/auth/contracts.ts';
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
import { peopleApi } from '../../src/identity/people/endpoints.ts';
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
  const response = await send('GET', '/api/auth/csrf', {});
  if (!response.ok) throw await toError(response);
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
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
  options: Omit<RequestOptions, 'json'> = {},
): Promise<CallResult<E>> {
  const { params, query, body } = args as { params?: object; query?: object; body?: unknown };
  return request<CallResult<E>>(endpoint.method.toUpperCase(), pathOf(endpoint, params, query), {
    ...options,
    ...(body !== undefined ? { json: body } : {}),
  });
}

/** A plain link target (not fetched), e.g. a download the browser makes with the session cookie. */
export function hrefOf<E extends Endpoint>(endpoint: E, args: Omit<CallArgs<E>, 'body'>): string {
  const { params, query } = args as { params?: object; query?: object };
  return pathOf(endpoint, params, query);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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

const enc = encodeURIComponent;

export const api = {
  me: () => request<Viewer>('GET', '/api/me', { quiet401: true }),
  login: (body: z.input<typeof loginRequest>) =>
    request<Viewer>('POST', '/api/auth/login', { json: body, quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout', { quiet401: true }),
  logoutEverywhere: () => request<{ ok: true }>('POST', '/api/auth/logout-all', { quiet401: true }),
  requestPasswordReset: (email: string) =>
    request<{ ok: true }>('POST', '/api/auth/password-reset', { json: { email } }),
  confirmPasswordReset: (body: z.input<typeof passwordResetConfirm>) =>
    request<Viewer>('POST', '/api/auth/password-reset/confirm', { json: body, quiet401: true }),
  invitation: (token: string) => request<InvitationInfo>('GET', `/api/auth/invitation/${enc(token)}`),
  acceptInvitation: (body: z.input<typeof acceptInvitationRequest>) =>
    request<Viewer>('POST', '/api/auth/invitation/accept', { json: body, quiet401: true }),

  people: () => call(peopleApi.list, {}),
  person: (id: string) => call(peopleApi.get, { params: { id } }),
  /** Adds one person; with `invite`, emails them an invitation in the same transaction. */
  createPerson: (person: NewPerson) => request<PersonDetail>('POST', '/api/people', { json: person }),
  /** Status only (never answers or scores); 403 unless the viewer is the person, their manager or an admin. */
  personAssessments: (id: string) => request<PersonAssessments>('GET', `/api/people/${enc(id)}/assessments`),
  updatePerson: (id: string, changes: PersonUpdate) =>
    request<PersonDetail>('PATCH', `/api/people/${enc(id)}`, { json: changes }),
  invitePerson: (id: string) => request<{ ok: true }>('POST', `/api/people/${enc(id)}/invite`),
  deletePerson: (id: string) => request<undefined>('DELETE', `/api/people/${enc(id)}`),
  teams: () => request<Team[]>('GET', '/api/teams'),
  careerStages: () => request<CareerStage[]>('GET', '/api/career-stages'),
  importPeople: (file: Blob, options: { dryRun: boolean; skipInvalid: boolean }) =>
    request<ImportResult>(
      'POST',
      `/api/people/import?dryRun=${options.dryRun}${options.skipInvalid ? '&skipInvalid=true' : ''}`,
      { raw: { body: file, contentType: 'text/csv' } },
    ),

  outbox: (limit: number, offset: number) =>
    request<OutboxList>('GET', `/api/admin/outbox?limit=${limit}&offset=${offset}`),

  /** Starts a self-assessment on the current framework version, or resumes the one in progress. */
  startAssessment: () => request<AssessmentForm>('POST', '/api/assessments'),
  /** The assessment in progress; 404 when there is none. */
  currentAssessment: () => request<AssessmentForm>('GET', '/api/assessments/current'),
  saveAnswers: (id: string, answers: AnswerInput[]) =>
    request<{ progress: Progress; updatedAt: string }>('PUT', `/api/assessments/${enc(id)}/answers`, {
      json: { answers },
    }),
  submitAssessment: (id: string, answers: AnswerInput[]) =>
    request<ProfileResponse>('POST', `/api/assessments/${enc(id)}/submit`, { json: { answers } }),
  discardAssessment: (id: string) => request<undefined>('DELETE', `/api/assessments/${enc(id)}`),
  assessmentProfile: (id: string) => request<ProfileResponse>('GET', `/api/assessments/${enc(id)}/profile`),
  /** The latest submitted profile; 404 when none has been submitted. */
  myProfile: () => request<ProfileResponse>('GET', '/api/me/profile'),
  myAssessments: () => request<History>('GET', '/api/me/assessments'),

  stageBalance: () => request<StageBalanceList>('GET', '/api/admin/stage-balance'),
  updateStageBalance: (body: StageBalanceUpdate) =>
    request<StageBalanceList>('PUT', '/api/admin/stage-balance', { json: body }),
  frameworkVersions: () => request<VersionSummary[]>('GET', '/api/framework/versions'),
  frameworkVersion: (id: string) => request<VersionDetail>('GET', `/api/framework/versions/${enc(id)}`),
  /** Starts a draft copied from the current version; 409 when a draft exists. */
  startFrameworkDraft: () => request<VersionDetail>('POST', '/api/framework/versions'),
  /** Starts a draft from a JSON or YAML file; a 400 names every problem by its path. */
  importFramework: (file: Blob) =>
    request<VersionDetail>('POST', '/api/framework/versions/import', {
      raw: { body: file, contentType: 'application/octet-stream' },
    }),
  /** Replaces a draft's whole definition; 409 for a published version. */
  saveFrameworkDraft: (id: string, definition: FrameworkDefinitionInput) =>
    request<VersionDetail>('PUT', `/api/framework/versions/${enc(id)}`, { json: definition }),
  discardFrameworkDraft: (id: string) => request<undefined>('DELETE', `/api/framework/versions/${enc(id)}`),
  publishFrameworkDraft: (id: string) =>
    request<VersionDetail>('POST', `/api/framework/versions/${enc(id)}/publish`),
  instrumentQuality: (versionId: string) =>
    request<QualityReport>('GET', `/api/framework/versions/${enc(versionId)}/quality`),
};

/** A plain link target (not fetched): the browser downloads the file with the session cookie. */
export const frameworkExportUrl = (versionId: string, format: 'json' | 'yaml'): string =>
  `/api/framework/versions/${enc(versionId)}/export?format=${format}`;

/** A plain link target (not fetched): the browser downloads the file with the session cookie. */
export const instrumentQualityCsvUrl = (versionId: string): string =>
  `/api/framework/versions/${enc(versionId)}/quality.csv`;
