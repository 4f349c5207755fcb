// The rater list of a 360: the subject nominates, sends it (to the manager for approval, or straight
// out when none is needed), the manager approves it (optionally edited), and whoever edits the list
// (lifecycle.ts) may change it while open. An edit never discards what a rater gave and looks the
// same whoever it touches (docs/decisions/0007).
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { requestApproval } from './approval-emails.ts';
import { campaignDetail } from './campaign-detail.ts';
import { type CampaignRow, findCampaignFor, invalid, ratersOf, setStatus } from './campaign-row.ts';
import type { CampaignDetail, NominationInput } from './contracts.ts';
import { inviteRaters } from './invitations.ts';
import { guard } from './lifecycle.ts';
import { feedbackRaters } from './schema.ts';
import { loadSettings } from './settings.ts';

async function subjectEmail(tx: Tx, organisationId: string, subjectId: string): Promise<string> {
  const [row] = await tx
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, subjectId)));
  return row!.email;
}

/**
 * Takes raters off the list: their link is revoked and the row stays, marked `removed_at`. What a
 * rater gave is never discarded: a submission stays (its answers and comments count in the report
 * as before) and a decline stays a decline. Only a rater who had not answered becomes 'removed',
 * their drafts discarded. The choice is made on the row as the UPDATE finds it, so a rater who
 * submits while the edit waits on their row keeps the submission, and one who submits after it gets
 * `link_invalid`, like any revoked link.
 */
async function takeOffList(tx: Tx, organisationId: string, raterIds: ReadonlyArray<string>): Promise<void> {
  if (!raterIds.length) return;
  const unanswered = sql`${feedbackRaters.status} = 'invited'`;
  await tx
    .update(feedbackRaters)
    .set({
      status: sql`CASE WHEN ${unanswered} THEN 'removed' ELSE ${feedbackRaters.status} END`,
      answers: sql`CASE WHEN ${unanswered} THEN '{}'::jsonb ELSE ${feedbackRaters.answers} END`,
      comments: sql`CASE WHEN ${unanswered} THEN '{}'::jsonb ELSE ${feedbackRaters.comments} END`,
      tokenHash: null,
      removedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        inArray(feedbackRaters.id, [...raterIds]),
        isNull(feedbackRaters.removedAt),
      ),
    );
}

/**
 * Replaces the rater list. An edit never discards what a rater gave, and it answers and counts the
 * same way whatever the rater had done, so it cannot tell the editor (the subject, or their manager)
 * who has answered (see `countsFor`):
 * - A kept id keeps its row and link; a name-only change keeps everything.
 * - An omitted rater is taken off the list (`takeOffList`): link revoked; a submission or decline
 *   stays and counts, drafts of a rater who had not answered are discarded.
 * - A changed email or group is a new nomination: the old row is taken off the list as above and a
 *   new row gets its own link and invitation, starting empty. Before invitations go out (no link was
 *   ever issued, nothing can have been given), the row is simply corrected instead.
 * When the campaign is open, new raters are invited at once.
 */
async function applyNominations(
  scope: TenantScope,
  c: CampaignRow,
  nominations: ReadonlyArray<NominationInput>,
): Promise<void> {
  const { tx, organisationId: org } = scope;
  const existing = await ratersOf(tx, org, c.id);
  const byId = new Map(existing.map((r) => [r.id, r]));
  const own = await subjectEmail(tx, org, c.subjectId);
  // Each person is asked once: an answer kept from an earlier nomination and one through a new link
  // would count the same person twice and could make a group of two look like three. Refused alike
  // whatever that person had done, so the refusal tells nothing.
  const askedBefore = new Set(
    (
      await tx
        .select({ email: feedbackRaters.email })
        .from(feedbackRaters)
        .where(
          and(
            eq(feedbackRaters.organisationId, org),
            eq(feedbackRaters.campaignId, c.id),
            isNotNull(feedbackRaters.removedAt),
            isNotNull(feedbackRaters.invitedAt),
          ),
        )
    ).map((r) => r.email),
  );
  const problems: Record<string, string> = {};
  const seenEmail = new Map<string, number>();
  const seenId = new Set<string>();
  nominations.forEach((n, i) => {
    const before = n.id ? byId.get(n.id) : undefined;
    if (before?.invitedAt && before.email === n.email && before.group !== n.group) {
      problems[`nominations.${i}.group`] =
        'cannot change once the invitation has gone out: each person is asked once, in one group';
    }
    if (askedBefore.has(n.email) && before?.email !== n.email) {
      problems[`nominations.${i}.email`] =
        'was asked in this 360 before and taken off the list: each person is asked once';
    }
    if (n.email === own) {
      problems[`nominations.${i}.email`] =
        'is the subject’s own address: self-ratings come from their self-assessment';
    }
    const first = seenEmail.get(n.email);
    if (first !== undefined)
      problems[`nominations.${i}.email`] = `is already nominated (nominations.${first})`;
    else seenEmail.set(n.email, i);
    if (n.id !== undefined) {
      if (!byId.has(n.id)) problems[`nominations.${i}.id`] = 'is not a nomination of this campaign';
      else if (seenId.has(n.id)) problems[`nominations.${i}.id`] = 'appears more than once';
      seenId.add(n.id);
    }
  });
  if (Object.keys(problems).length) throw invalid(problems);

  const toInvite: { id: string; name: string; email: string }[] = [];
  const open = c.status === 'open';
  const kept = new Set<string>();
  const added: NominationInput[] = [];
  for (const n of nominations) {
    const before = n.id ? byId.get(n.id) : undefined;
    if (!before) {
      added.push(n);
      continue;
    }
    const changed = before.email !== n.email || before.group !== n.group;
    if (changed && before.invitedAt !== null) {
      added.push(n); // a new nomination; the old row is taken off the list below
      continue;
    }
    kept.add(before.id);
    if (changed || before.name !== n.name) {
      await tx
        .update(feedbackRaters)
        .set({ group: n.group, name: n.name, email: n.email, updatedAt: sql`now()` })
        .where(and(eq(feedbackRaters.organisationId, org), eq(feedbackRaters.id, before.id)));
    }
    // A rater on the list without a link yet (never invited) is invited once the campaign is open;
    // those who answered or declined are not invited again.
    if (open && before.status === 'invited' && before.tokenHash === null)
      toInvite.push({ id: before.id, name: n.name, email: n.email });
  }
  await takeOffList(
    tx,
    org,
    existing.filter((r) => !kept.has(r.id)).map((r) => r.id),
  );
  if (added.length) {
    const rows = await tx
      .insert(feedbackRaters)
      .values(
        added.map((n) => ({
          organisationId: org,
          campaignId: c.id,
          group: n.group,
          name: n.name,
          email: n.email,
        })),
      )
      .returning({ id: feedbackRaters.id, name: feedbackRaters.name, email: feedbackRaters.email });
    toInvite.push(...rows);
  }
  if (open) await inviteAll(scope, c, toInvite);
}

async function inviteAll(
  scope: TenantScope,
  c: CampaignRow,
  raters: ReadonlyArray<{ id: string; name: string; email: string }>,
): Promise<void> {
  const settings = await loadSettings(scope.tx, scope.organisationId);
  await inviteRaters(
    scope,
    {
      kind: c.kind,
      subjectName: c.subjectName,
      deadline: c.deadline,
      reminderIntervalDays: settings.reminderIntervalDays,
      maxReminders: settings.maxReminders,
    },
    raters,
  );
}

export async function updateNominations(
  scope: TenantScope,
  { id, nominations }: { id: string; nominations: ReadonlyArray<NominationInput> },
): Promise<CampaignDetail> {
  const { campaign, role } = await findCampaignFor(scope, id, true);
  guard('editNominations', role, campaign);
  await applyNominations(scope, campaign, nominations);
  return campaignDetail(scope, id);
}

async function openAndInvite(scope: TenantScope, c: CampaignRow): Promise<void> {
  const org = scope.organisationId;
  const raters = (await ratersOf(scope.tx, org, c.id)).filter((r) => r.status === 'invited');
  if (!raters.length) {
    throw invalid({ nominations: 'needs at least one rater' });
  }
  await setStatus(scope.tx, org, c.id, 'open');
  await inviteAll(scope, { ...c, status: 'open' }, raters);
}

/** The subject sends the list: to the manager for approval, or straight out when none is needed. */
export async function submitNominations(scope: TenantScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('submitNominations', role, c);
  if (c.approvalRequired && c.subjectManagerId) {
    const raters = await ratersOf(scope.tx, scope.organisationId, c.id);
    if (!raters.length) {
      throw invalid({ nominations: 'needs at least one rater' });
    }
    await setStatus(scope.tx, scope.organisationId, c.id, 'awaiting_approval');
    await requestApproval(scope, c.id);
  } else {
    await openAndInvite(scope, c);
  }
  return campaignDetail(scope, id);
}

/** The subject's manager approves the list, optionally edited; invitations go out at once. */
export async function approveNominations(
  scope: TenantScope,
  { id, nominations: edited }: { id: string; nominations?: ReadonlyArray<NominationInput> | undefined },
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('approve', role, c);
  if (edited && c.kind === 'pulse') {
    throw invalid({ nominations: 'cannot change: a pulse asks the same raters as its 360' });
  }
  if (edited) await applyNominations(scope, c, edited);
  await openAndInvite(scope, c);
  return campaignDetail(scope, id);
}
