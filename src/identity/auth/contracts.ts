// Request and response contracts of sign-in, shared by the server and the web app.
import { z } from 'zod';
import { linkParam } from '../../platform/http/params.ts';
import { ROLES } from '../../platform/http/viewer.ts';

export const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'))
  .transform((e) => e.toLowerCase());

export const newPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const loginRequest = z.object({
  email,
  password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
  /** Needed only when the same email belongs to people in more than one organisation. */
  organisation: z.string().max(100).optional(),
});

export const viewerResponse = z.object({
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
  }),
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  csrfToken: z.string(),
});
export type ViewerResponse = z.infer<typeof viewerResponse>;

/** Links carry `organisationId.secret`, so a token is looked up inside its own organisation. */
export const linkToken = z
  .string()
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/, 'is not a valid link token');

export const acceptInvitationRequest = z.object({ token: linkToken, password: newPassword });
export const passwordResetRequest = z.object({ email });
export const passwordResetConfirm = z.object({ token: linkToken, password: newPassword });
export const invitationInfo = z.object({ name: z.string(), email: z.string(), organisation: z.string() });
export const ok = z.object({ ok: z.literal(true) });

export const tokenParams = z.object({ token: linkParam(linkToken) });

export const csrfResponse = z.object({ csrfToken: z.string() });
