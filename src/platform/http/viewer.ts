// Who is asking: the signed-in person a request acts for, and the roles routes grant access by.

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
