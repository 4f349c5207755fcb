// Invitation and password-reset links: single-use, expiring, stored only as SHA-256 hashes.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { composeToken, hashSecret, newSecret, parseToken } from '../../platform/http/tokens.ts';
import { queueEmail } from '../../platform/mail/mailer.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { people } from '../people/schema.ts';
import { authTokens } from './schema.ts';

export type LinkPurpose = 'invitation' | 'password-reset';

export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  'password-reset': 3600_000,
};

const PATHS: Record<LinkPurpose, string> = { invitation: '/invitation', 'password-reset': '/reset-password' };

/**
 * Issues a link for a person and emails it, in the caller's tenant transaction. Earlier unused
 * links of the same purpose are revoked, so only the newest works.
 */
export async function sendLink(
  scope: Pick<OrganisationScope, 'tx' | 'jobs' | 'publicUrl' | 'organisationId'>,
  { person, purpose }: { person: { id: string; name: string; email: string }; purpose: LinkPurpose },
): Promise<string> {
  const { tx, jobs, publicUrl, organisationId } = scope;
  await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(eq(authTokens.personId, person.id), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)),
    );
  const { secret, hash } = newSecret();
  await tx.insert(authTokens).values({
    organisationId,
    personId: person.id,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
  });
  const [org] = await tx.select({ name: organisations.name }).from(organisations);
  const url = `${publicUrl}${PATHS[purpose]}/${composeToken(organisationId, secret)}`;
  const hours = LINK_LIFETIME_MS[purpose] / 3600_000;
  const validity = hours >= 24 ? `${hours / 24} days` : `${hours} hour${hours === 1 ? '' : 's'}`;
  const text =
    purpose === 'invitation'
      ? `Hello ${person.name},\n\n${org?.name ?? 'Your organisation'} invites you to Lodestar, where you can see yourself as a leader, ask for feedback and own your development plan.\n\nSet your password here (the link works once, for ${validity}):\n${url}\n`
      : `Hello ${person.name},\n\nSomeone asked to reset your Lodestar password. If it was you, choose a new one here (the link works once, for ${validity}):\n${url}\n\nIf it was not you, ignore this message: your password stays as it is.\n`;
  await queueEmail(tx, jobs, organisationId, {
    to: person.email,
    subject: purpose === 'invitation' ? `You are invited to Lodestar` : 'Reset your Lodestar password',
    text,
  });
  return url;
}

/** The person a link belongs to, if the link is unused and unexpired; consumes it when `consume`. */
export async function redeemLink(
  tx: Tx,
  token: string,
  purpose: LinkPurpose,
  consume: boolean,
): Promise<{ personId: string; name: string; email: string } | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const live = and(
    eq(authTokens.tokenHash, hashSecret(parsed.secret)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, new Date()),
  );
  const found = consume
    ? await tx
        .update(authTokens)
        .set({ usedAt: new Date() })
        .where(live)
        .returning({ personId: authTokens.personId })
    : await tx.select({ personId: authTokens.personId }).from(authTokens).where(live);
  const personId = found[0]?.personId;
  if (!personId) return null;
  const [person] = await tx
    .select({ name: people.name, email: people.email })
    .from(people)
    .where(eq(people.id, personId));
  return person ? { personId, ...person } : null;
}
