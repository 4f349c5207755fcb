// 360 campaigns: launch (admin for a cohort, or a participant for themself), nominate, approve,
// close, reopen, release, share. Every function runs in the caller's tenant transaction. Who may
// see a campaign is decided once, in `findCampaignFor`: the subject, their manager, the coach it
// is shared with, and admins (status only). Anyone else gets 404, never 403, so ids reveal nothing.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type MINIMUM_GROUPS, minimumForGroup } from '../../core/disclosure/index.ts';
import { people } from '../../identity/people/schema.ts';
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { currentVersion, publishedVersion } from '../framework/service.ts';
import { requestApproval } from './approval-emails.ts';
import { type CampaignRow, campaignQuery } from './campaign-row.ts';
import {
  type AdminCampaignList,
  type CampaignDetail,
  type CampaignList,
  type CampaignStatus,
  type CampaignSummary,
  type LaunchCohortResponse,
  type NominationInput,
  RATER_GROUP_KEYS,
  type RaterGroupKey,
  type ResendResponse,
  type Warning,
} from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import {
  claimResendSlot,
  inviteRaters,
  RESEND_INTERVAL_MS,
  resendInvitation,
  resumeReminders,
} from './invitations.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';
import { loadSettings } from './settings.ts';

export interface FeedbackScope {
  tx: Tx;
  kind: DatabaseKind;
  viewer: Viewer;
  jobs: JobQueue;
  publicUrl: string;
}

export type ViewerRole = 'subject' | 'manager' | 'coach' | 'admin';

/** Nomination guidance shown to the subject; outside it is a warning, never a refusal. */
export const GUIDANCE: Record<RaterGroupKey, { label: string; min: number; max: number }> = {
  manager: { label: 'Manager', min: 1, max: 1 },
  peers: { label: 'Peers', min: 3, max: 8 },
  direct_reports: { label: 'Direct reports', min: 3, max: 10 },
  others: { label: 'Others', min: 0, max: 8 },
};

function roleOf(viewer: Viewer, c: CampaignRow): ViewerRole | null {
  if (c.subjectId === viewer.personId) return 'subject';
  if (c.subjectManagerId === viewer.personId) return 'manager';
  if (c.sharedCoachId === viewer.personId && viewer.roles.includes('coach')) return 'coach';
  if (viewer.roles.includes('admin')) return 'admin';
  return null;
}

/** Whether the viewer may read the released report's content. Admins see status only. */
export function canReadReport(role: ViewerRole, c: CampaignRow): boolean {
  if (c.status !== 'released') return false;
  if (role === 'subject') return true;
  if (role === 'manager') return c.sharedWithManager;
  if (role === 'coach') return true; // roleOf only gives 'coach' to the coach it is shared with
  return false;
}

export async function findCampaignFor(
  scope: Pick<FeedbackScope, 'tx' | 'viewer'>,
  id: string,
  lock = false,
): Promise<{ campaign: CampaignRow; role: ViewerRole }> {
  const q = campaignQuery(scope.tx).where(
    and(eq(feedbackCampaigns.organisationId, scope.viewer.organisationId), eq(feedbackCampaigns.id, id)),
  );
  const [campaign] = lock ? await q.for('update', { of: feedbackCampaigns }) : await q;
  const role = campaign ? roleOf(scope.viewer, campaign) : null;
  if (!campaign || !role) throw notFound('feedback campaign');
  return { campaign, role };
}

// ---------------------------------------------------------------------------------------------
// Launch
// ---------------------------------------------------------------------------------------------

async function createCampaign(
  scope: FeedbackScope,
  subjectId: string,
  origin: 'admin' | 'self',
  deadline: Date,
): Promise<string | null> {
  const { tx, kind, viewer } = scope;
  const settings = await loadSettings(tx, viewer.organisationId);
  const version = await currentVersion(tx, kind, viewer.organisationId);
  if (!instrumentOf(version.definition).scale) {
    throw new ApiError(
      409,
      'mixed_scales',
      'the current framework version mixes rating scales of different lengths; a 360 report needs one',
    );
  }
  const [row] = await tx
    .insert(feedbackCampaigns)
    .values({
      organisationId: viewer.organisationId,
      subjectId,
      createdById: viewer.personId,
      origin,
      versionId: version.id,
      deadline,
      policy: settings.policy,
      approvalRequired: settings.approvalRequired,
    })
    .onConflictDoNothing()
    .returning({ id: feedbackCampaigns.id });
  return row?.id ?? null;
}

/** A deadline someone gave (launch, reopen, change): it must lie in the future. */
function futureDeadline(given: string): Date {
  const deadline = new Date(given);
  if (deadline.getTime() <= Date.now()) {
    throw new ApiError(400, 'invalid_input', 'invalid body: deadline: must be in the future', {
      deadline: 'must be in the future',
    });
  }
  return deadline;
}

async function defaultDeadline(tx: Tx, organisationId: string, given: string | undefined): Promise<Date> {
  if (given) return futureDeadline(given);
  const settings = await loadSettings(tx, organisationId);
  return new Date(Date.now() + settings.defaultDurationDays * 86_400_000);
}

/** An admin launches a 360 for each person of a cohort; people with one in progress are skipped. */
export async function launchForCohort(
  scope: FeedbackScope,
  subjectIds: ReadonlyArray<string>,
  deadlineInput: string | undefined,
): Promise<LaunchCohortResponse> {
  const { tx, viewer } = scope;
  const unique = [...new Set(subjectIds)];
  const found = await tx
    .select({ id: people.id, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, viewer.organisationId), inArray(people.id, unique)));
  const known = new Map(found.map((p) => [p.id, p.status]));
  const problems: Record<string, string> = {};
  subjectIds.forEach((id, i) => {
    if (!known.has(id)) problems[`subjectIds.${i}`] = 'is not a person of this organisation';
    else if (known.get(id) === 'disabled') problems[`subjectIds.${i}`] = 'is a disabled person';
  });
  if (Object.keys(problems).length) {
    const [field, rule] = Object.entries(problems)[0]!;
    throw new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
  }
  const deadline = await defaultDeadline(tx, viewer.organisationId, deadlineInput);
  const result: LaunchCohortResponse = { campaigns: [], skipped: [] };
  for (const subjectId of unique) {
    const id = await createCampaign(scope, subjectId, 'admin', deadline);
    if (id) result.campaigns.push({ id, subjectId });
    else result.skipped.push({ subjectId, reason: 'already has a 360 in progress' });
  }
  return result;
}

/** A participant asks for their own 360. */
export async function requestOwn(
  scope: FeedbackScope,
  deadlineInput: string | undefined,
): Promise<CampaignDetail> {
  const deadline = await defaultDeadline(scope.tx, scope.viewer.organisationId, deadlineInput);
  const id = await createCampaign(scope, scope.viewer.personId, 'self', deadline);
  if (!id) throw conflict('you already have a 360 in progress; finish or release it first');
  return campaignDetail(scope, id);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const countsRow = z.object({
  campaignId: z.string(),
  group: z.enum(RATER_GROUP_KEYS),
  invited: col.count,
  responded: col.count,
  declined: col.count,
});

/**
 * Response counts per rater group, never per rater: the one thing the subject, their manager and
 * admins learn about who answered. So an edit to the list must move them the same way whoever it
 * touches. `invited` counts every nomination that is on the list or was ever sent an invitation
 * (taken off since, or re-addressed: the new address is a nomination of its own), so it never drops
 * once invitations are out; `responded` and `declined` count the raters who submitted or declined,
 * whether or not still on the list, since an edit never discards either. Removing a rater therefore
 * changes no count, and re-addressing one raises `invited` by one, whatever that rater had done.
 * Release freezes these same counts into the report (`freezeReport`).
 */
export async function countsFor(tx: Tx, organisationId: string, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  return queryRows(
    tx,
    sql`SELECT campaign_id AS "campaignId", rater_group AS "group",
               -- On the list, answered or declined (on it or not), or invited before being taken off:
               count(*) FILTER (WHERE status <> 'removed' OR invited_at IS NOT NULL)::int AS invited,
               count(*) FILTER (WHERE status = 'submitted')::int AS responded,
               count(*) FILTER (WHERE status = 'declined')::int AS declined
          FROM feedback_raters
         WHERE organisation_id = ${organisationId}
           AND campaign_id IN (${sql.join(
             campaignIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
         GROUP BY campaign_id, rater_group`,
    countsRow,
  );
}

function summarise(c: CampaignRow, role: ViewerRole, counts: z.infer<typeof countsRow>[]): CampaignSummary {
  const mine = counts.filter((r) => r.campaignId === c.id);
  const sum = (k: 'invited' | 'responded' | 'declined') => mine.reduce((s, r) => s + r[k], 0);
  return {
    id: c.id,
    subject: { id: c.subjectId, name: c.subjectName },
    status: c.status,
    origin: c.origin,
    deadline: c.deadline.toISOString(),
    createdAt: c.createdAt.toISOString(),
    releasedAt: c.releasedAt?.toISOString() ?? null,
    viewerRole: role,
    progress: { invited: sum('invited'), responded: sum('responded'), declined: sum('declined') },
    reportAvailable: canReadReport(role, c),
  };
}

/** Campaigns the viewer is part of: their own, their reports', and those shared with them. */
export async function listCampaigns(scope: FeedbackScope): Promise<CampaignList> {
  const { tx, viewer } = scope;
  const rows = await campaignQuery(tx)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, viewer.organisationId),
        sql`(${feedbackCampaigns.subjectId} = ${viewer.personId} OR ${people.managerId} = ${viewer.personId}
             OR ${feedbackCampaigns.sharedCoachId} = ${viewer.personId})`,
      ),
    )
    .orderBy(asc(feedbackCampaigns.createdAt));
  const visible = rows
    .map((c) => ({ c, role: roleOf(viewer, c) }))
    .filter((x): x is { c: CampaignRow; role: ViewerRole } => x.role !== null && x.role !== 'admin');
  const counts = await countsFor(
    tx,
    viewer.organisationId,
    visible.map((x) => x.c.id),
  );
  return { campaigns: visible.map((x) => summarise(x.c, x.role, counts)) };
}

/** Every campaign of the organisation with completion counts: no names of raters, no content. */
export async function listForAdmin(scope: FeedbackScope): Promise<AdminCampaignList> {
  const { tx, viewer } = scope;
  const rows = await campaignQuery(tx)
    .where(eq(feedbackCampaigns.organisationId, viewer.organisationId))
    .orderBy(asc(feedbackCampaigns.createdAt));
  const counts = await countsFor(
    tx,
    viewer.organisationId,
    rows.map((c) => c.id),
  );
  return {
    campaigns: rows.map((c) => {
      const s = summarise(c, 'admin', counts);
      return {
        id: s.id,
        subject: s.subject,
        status: s.status,
        deadline: s.deadline,
        releasedAt: s.releasedAt,
        progress: s.progress,
      };
    }),
  };
}

interface RaterRow {
  id: string;
  group: RaterGroupKey;
  name: string;
  email: string;
  status: 'invited' | 'submitted' | 'declined' | 'removed';
  tokenHash: string | null;
  invitedAt: Date | null;
}

/** The raters on the list (not taken off it), which is all the subject and manager ever see. */
async function ratersOf(tx: Tx, organisationId: string, campaignId: string): Promise<RaterRow[]> {
  return tx
    .select({
      id: feedbackRaters.id,
      group: feedbackRaters.group,
      name: feedbackRaters.name,
      email: feedbackRaters.email,
      status: feedbackRaters.status,
      tokenHash: feedbackRaters.tokenHash,
      invitedAt: feedbackRaters.invitedAt,
    })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        eq(feedbackRaters.campaignId, campaignId),
        isNull(feedbackRaters.removedAt),
      ),
    )
    .orderBy(asc(feedbackRaters.group), asc(feedbackRaters.name), asc(feedbackRaters.id));
}

function editableBy(role: ViewerRole, c: CampaignRow): boolean {
  if (c.status === 'nominating') return role === 'subject';
  if (c.status === 'awaiting_approval') return role === 'manager';
  if (c.status === 'open')
    return c.approvalRequired && c.subjectManagerId ? role === 'manager' : role === 'subject';
  return false;
}

async function warningsFor(
  tx: Tx,
  organisationId: string,
  c: CampaignRow,
  raters: ReadonlyArray<Pick<RaterRow, 'group' | 'email'>>,
  subjectDirectReports: number,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  const settings = await loadSettings(tx, organisationId);
  for (const group of RATER_GROUP_KEYS) {
    const n = raters.filter((r) => r.group === group).length;
    // Someone nobody reports to has no direct reports to ask: an empty group is right, not short.
    if (group === 'direct_reports' && n === 0 && subjectDirectReports === 0) continue;
    const g = GUIDANCE[group];
    const minimum = minimumForGroup(c.policy, group);
    if (group !== 'manager' && n > 0 && n < minimum) {
      warnings.push({
        field: `groups.${group}`,
        code: 'below-minimum',
        message: `${g.label}: with fewer than ${minimum} raters their answers cannot be shown as a group of their own`,
      });
    } else if (n < g.min) {
      warnings.push({
        field: `groups.${group}`,
        code: 'below-guidance',
        message: `${g.label}: we suggest ${g.min === g.max ? g.min : `${g.min}–${g.max}`}; the list has ${n}`,
      });
    }
    if (n > g.max) {
      warnings.push({
        field: `groups.${group}`,
        code: 'above-guidance',
        message: `${g.label}: we suggest at most ${g.max}; the list has ${n}`,
      });
    }
  }
  if (!c.subjectManagerId && c.approvalRequired) {
    warnings.push({
      field: 'manager',
      code: 'no-manager',
      message: 'There is no manager on record to approve the list, so it goes out when submitted',
    });
  }
  const emails = [...new Set(raters.map((r) => r.email))];
  if (emails.length) {
    const open = await queryRows(
      tx,
      sql`SELECT r.email, count(*)::int AS n
            FROM feedback_raters r
            JOIN feedback_campaigns c ON c.organisation_id = r.organisation_id AND c.id = r.campaign_id
           WHERE r.organisation_id = ${organisationId} AND r.status = 'invited' AND c.status = 'open'
             AND c.id <> ${c.id} AND r.email IN (${sql.join(
               emails.map((e) => sql`${e}`),
               sql`, `,
             )})
           GROUP BY r.email`,
      z.object({ email: z.string(), n: col.count }),
    );
    const busy = new Map(open.map((o) => [o.email, o.n]));
    raters.forEach((r, i) => {
      const n = busy.get(r.email) ?? 0;
      if (n > settings.fatigueThreshold) {
        warnings.push({
          field: `nominations.${i}.email`,
          code: 'rater-fatigue',
          message: `${r.email} already has ${n} open feedback requests (more than ${settings.fatigueThreshold}); consider someone else`,
        });
      }
    });
  }
  return warnings;
}

/** How many people (not disabled) have the subject as their manager in the directory. */
async function directReportsOf(tx: Tx, organisationId: string, personId: string): Promise<number> {
  const [row] = await queryRows(
    tx,
    sql`SELECT count(*)::int AS n FROM people
         WHERE organisation_id = ${organisationId} AND manager_id = ${personId} AND status <> 'disabled'`,
    z.object({ n: col.count }),
  );
  return row?.n ?? 0;
}

export async function campaignDetail(scope: FeedbackScope, id: string): Promise<CampaignDetail> {
  const { tx, kind, viewer } = scope;
  const { campaign: c, role } = await findCampaignFor(scope, id);
  const counts = await countsFor(tx, viewer.organisationId, [c.id]);
  const seesList = role === 'subject' || role === 'manager';
  const raters = seesList ? await ratersOf(tx, viewer.organisationId, c.id) : [];
  const version = await publishedVersion(tx, kind, viewer.organisationId, c.versionId);
  const [manager] = c.subjectManagerId
    ? await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organisationId, viewer.organisationId), eq(people.id, c.subjectManagerId)))
    : [];
  const [coach] =
    c.sharedCoachId && role === 'subject'
      ? await tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organisationId, viewer.organisationId), eq(people.id, c.sharedCoachId)))
      : [];
  const isSubject = role === 'subject';
  const before = c.status !== 'released';
  const subjectDirectReports = await directReportsOf(tx, viewer.organisationId, c.subjectId);
  return {
    ...summarise(c, role, counts),
    version: { id: version.id, number: version.number, name: version.definition.name },
    approvalRequired: c.approvalRequired,
    manager: manager ?? null,
    nominations: raters.map((r) => ({ id: r.id, group: r.group, name: r.name, email: r.email })),
    guidance: RATER_GROUP_KEYS.map((group) => ({
      group,
      label: GUIDANCE[group].label,
      recommendedMin: GUIDANCE[group].min,
      recommendedMax: GUIDANCE[group].max,
      disclosureMinimum:
        group === 'manager'
          ? c.policy.managerShownSeparately
            ? 1
            : minimumForGroup(c.policy, 'manager')
          : c.policy.minimumByGroup[group as (typeof MINIMUM_GROUPS)[number]],
    })),
    subjectDirectReports,
    warnings:
      seesList && before ? await warningsFor(tx, viewer.organisationId, c, raters, subjectDirectReports) : [],
    groups: RATER_GROUP_KEYS.map((group) => {
      const row = counts.find((r) => r.group === group);
      return {
        group,
        invited: row?.invited ?? 0,
        responded: row?.responded ?? 0,
        declined: row?.declined ?? 0,
      };
    }),
    sharing: { withManager: c.sharedWithManager, coach: isSubject ? (coach ?? null) : null },
    can: {
      editNominations: editableBy(role, c),
      submitNominations: isSubject && c.status === 'nominating',
      approve: role === 'manager' && c.status === 'awaiting_approval',
      close: (isSubject || role === 'admin') && c.status === 'open',
      reopen: (isSubject || role === 'admin') && c.status === 'closed',
      changeDeadline: (isSubject || role === 'admin') && c.status === 'open',
      resendInvitations: maySendAgain(role, c) && c.status === 'open',
      release: (isSubject || role === 'admin') && (c.status === 'open' || c.status === 'closed'),
      share: isSubject && c.status === 'released',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Nominations
// ---------------------------------------------------------------------------------------------

function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

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
  scope: FeedbackScope,
  c: CampaignRow,
  nominations: ReadonlyArray<NominationInput>,
): Promise<void> {
  const { tx, viewer } = scope;
  const org = viewer.organisationId;
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
  scope: FeedbackScope,
  c: CampaignRow,
  raters: ReadonlyArray<{ id: string; name: string; email: string }>,
): Promise<void> {
  const settings = await loadSettings(scope.tx, scope.viewer.organisationId);
  await inviteRaters(
    {
      tx: scope.tx,
      jobs: scope.jobs,
      publicUrl: scope.publicUrl,
      organisationId: scope.viewer.organisationId,
    },
    {
      subjectName: c.subjectName,
      deadline: c.deadline,
      reminderIntervalDays: settings.reminderIntervalDays,
      maxReminders: settings.maxReminders,
    },
    raters,
  );
}

export async function updateNominations(
  scope: FeedbackScope,
  id: string,
  nominations: ReadonlyArray<NominationInput>,
): Promise<CampaignDetail> {
  const { campaign, role } = await findCampaignFor(scope, id, true);
  if (!editableBy(role, campaign)) {
    throw conflict(
      campaign.status === 'closed' || campaign.status === 'released'
        ? 'this 360 is closed: its raters can no longer change'
        : 'you cannot change the raters of this 360 at this stage',
    );
  }
  await applyNominations(scope, campaign, nominations);
  return campaignDetail(scope, id);
}

async function setStatus(
  tx: Tx,
  organisationId: string,
  id: string,
  status: CampaignStatus,
  deadline?: Date,
) {
  await tx
    .update(feedbackCampaigns)
    .set({ status, ...(deadline ? { deadline } : {}), updatedAt: sql`now()` })
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, id)));
}

async function openAndInvite(scope: FeedbackScope, c: CampaignRow): Promise<void> {
  const org = scope.viewer.organisationId;
  const raters = (await ratersOf(scope.tx, org, c.id)).filter((r) => r.status === 'invited');
  if (!raters.length) {
    throw new ApiError(400, 'invalid_input', 'invalid body: nominations: needs at least one rater', {
      nominations: 'needs at least one rater',
    });
  }
  await setStatus(scope.tx, org, c.id, 'open');
  await inviteAll(scope, { ...c, status: 'open' }, raters);
}

/** The subject sends the list: to the manager for approval, or straight out when none is needed. */
export async function submitNominations(scope: FeedbackScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  if (role !== 'subject') throw notFound('feedback campaign');
  if (c.status !== 'nominating') throw conflict('the rater list has already been submitted');
  if (c.approvalRequired && c.subjectManagerId) {
    const raters = await ratersOf(scope.tx, scope.viewer.organisationId, c.id);
    if (!raters.length) {
      throw new ApiError(400, 'invalid_input', 'invalid body: nominations: needs at least one rater', {
        nominations: 'needs at least one rater',
      });
    }
    await setStatus(scope.tx, scope.viewer.organisationId, c.id, 'awaiting_approval');
    await requestApproval({ ...scope, organisationId: scope.viewer.organisationId }, c.id);
  } else {
    await openAndInvite(scope, c);
  }
  return campaignDetail(scope, id);
}

/** The subject's manager approves the list, optionally edited; invitations go out at once. */
export async function approveNominations(
  scope: FeedbackScope,
  id: string,
  edited: ReadonlyArray<NominationInput> | undefined,
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  if (role !== 'manager') {
    if (role === 'subject' || role === 'admin')
      throw new ApiError(403, 'forbidden', 'only the subject’s manager approves the raters');
    throw notFound('feedback campaign');
  }
  if (c.status !== 'awaiting_approval') throw conflict('this 360 is not waiting for approval');
  if (edited) await applyNominations(scope, c, edited);
  await openAndInvite(scope, c);
  return campaignDetail(scope, id);
}

function requireOwnerOrAdmin(role: ViewerRole, what: string): void {
  if (role !== 'subject' && role !== 'admin')
    throw new ApiError(403, 'forbidden', `only the subject or an admin can ${what}`);
}

export async function closeCampaign(scope: FeedbackScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  requireOwnerOrAdmin(role, 'close a 360');
  if (c.status !== 'open') throw conflict(`only an open 360 can be closed; this one is ${c.status}`);
  await setStatus(scope.tx, scope.viewer.organisationId, id, 'closed');
  return campaignDetail(scope, id);
}

export async function reopenCampaign(
  scope: FeedbackScope,
  id: string,
  deadline: string,
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  requireOwnerOrAdmin(role, 'reopen a 360');
  if (c.status !== 'closed') {
    throw conflict(
      c.status === 'released'
        ? 'a released 360 is final: its report is frozen'
        : `only a closed 360 can be reopened; this one is ${c.status}`,
    );
  }
  const when = futureDeadline(deadline);
  await setStatus(scope.tx, scope.viewer.organisationId, id, 'open', when);
  // Reminders that came due while it was closed found it closed and stopped their chain.
  await resumeRemindersOf(scope, id, when);
  return campaignDetail(scope, id);
}

/**
 * Moves the deadline of an open 360 (later, or earlier but still in the future) without closing it.
 * Everything else reads the deadline column when it acts, so it follows at once: rater links work
 * until the new deadline (every read and write compares with it), the auto-close job closes at it,
 * and a reminder re-checks it before sending. Only the reminder chains need help (`resumeReminders`).
 */
export async function changeDeadline(
  scope: FeedbackScope,
  id: string,
  deadline: string,
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  requireOwnerOrAdmin(role, 'change the deadline of a 360');
  if (c.status !== 'open') {
    throw conflict(
      c.status === 'closed'
        ? 'this 360 is closed: reopen it with a new deadline instead'
        : c.status === 'released'
          ? 'a released 360 is final: its report is frozen'
          : `the deadline can be changed once the 360 is open; this one is ${c.status.replace('_', ' ')}`,
    );
  }
  const when = futureDeadline(deadline);
  await setStatus(scope.tx, scope.viewer.organisationId, id, 'open', when);
  await resumeRemindersOf(scope, id, when);
  return campaignDetail(scope, id);
}

async function resumeRemindersOf(scope: FeedbackScope, campaignId: string, deadline: Date): Promise<void> {
  const settings = await loadSettings(scope.tx, scope.viewer.organisationId);
  await resumeReminders(
    {
      tx: scope.tx,
      jobs: scope.jobs,
      publicUrl: scope.publicUrl,
      organisationId: scope.viewer.organisationId,
    },
    campaignId,
    { deadline, reminderIntervalDays: settings.reminderIntervalDays, maxReminders: settings.maxReminders },
  );
}

export async function updateSharing(
  scope: FeedbackScope,
  id: string,
  sharing: { withManager: boolean; coachId: string | null },
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  if (role !== 'subject')
    throw new ApiError(403, 'forbidden', 'only the person the report is about decides who sees it');
  if (c.status !== 'released') throw conflict('the report can be shared once it is released');
  if (sharing.coachId) {
    const [coach] = await scope.tx
      .select({ roles: people.roles, status: people.status })
      .from(people)
      .where(and(eq(people.organisationId, scope.viewer.organisationId), eq(people.id, sharing.coachId)));
    if (!coach?.roles.includes('coach') || coach.status === 'disabled' || sharing.coachId === c.subjectId) {
      throw invalid({ coachId: 'must be an active person with the coach role' });
    }
  }
  await scope.tx
    .update(feedbackCampaigns)
    .set({ sharedWithManager: sharing.withManager, sharedCoachId: sharing.coachId, updatedAt: sql`now()` })
    .where(
      and(eq(feedbackCampaigns.organisationId, scope.viewer.organisationId), eq(feedbackCampaigns.id, id)),
    );
  return campaignDetail(scope, id);
}

/** Closes every open campaign whose deadline has passed, across organisations (system job). */
export async function closeDueCampaigns(tx: Tx): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`UPDATE feedback_campaigns SET status = 'closed', updated_at = now()
         WHERE status = 'open' AND deadline <= now() RETURNING id`,
    z.object({ id: z.string() }),
  );
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Resending an invitation
// ---------------------------------------------------------------------------------------------

/**
 * Who may resend a rater's invitation: whoever may manage the raters of an open 360 — the subject,
 * admins (as for close, reopen and the deadline), and the manager when they edit the open list
 * (approval on; see `editableBy`).
 */
function maySendAgain(role: ViewerRole, c: CampaignRow): boolean {
  if (role === 'subject' || role === 'admin') return true;
  return role === 'manager' && editableBy('manager', { ...c, status: 'open' });
}

/** The one answer to every accepted resend, whatever the rater has done (ADR 0007). */
export const RESEND_ACCEPTED: ResendResponse = {
  status: 'accepted',
  message:
    'If they have not answered yet, they get a new email with a new link; the earlier link stops working.',
};

/**
 * Resends one rater's invitation with a new link. Anonymity: nothing here may tell the caller
 * whether that rater has answered, so every rater on the list gets the same checks, the same
 * throttle and the same 202 body; only a rater still 'invited' actually gets a new link and email
 * (`resendInvitation`), and the row of one who submitted or declined is not touched at all. A rater
 * taken off the list is unknown here (404), whatever they had done.
 */
export async function resendToRater(
  scope: FeedbackScope,
  id: string,
  raterId: string,
): Promise<ResendResponse> {
  const { tx, viewer } = scope;
  // Locked, so a close or release waits for this (no email after the 360 closed).
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  if (!maySendAgain(role, c)) {
    throw new ApiError(
      403,
      'forbidden',
      'only the subject, an admin or the approving manager can resend invitations',
    );
  }
  if (c.status !== 'open') {
    throw conflict(
      c.status === 'closed'
        ? 'this 360 is closed: reopen it to resend invitations'
        : c.status === 'released'
          ? 'a released 360 is final: invitations can no longer be sent'
          : `invitations can be resent once the 360 is open; this one is ${c.status.replace('_', ' ')}`,
    );
  }
  const [rater] = await tx
    .select({ id: feedbackRaters.id })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, viewer.organisationId),
        eq(feedbackRaters.campaignId, c.id),
        eq(feedbackRaters.id, raterId),
        isNull(feedbackRaters.removedAt),
      ),
    );
  if (!rater) throw notFound('rater');
  const ctx = { tx, jobs: scope.jobs, publicUrl: scope.publicUrl, organisationId: viewer.organisationId };
  const retryAt = await claimResendSlot(ctx, rater.id);
  if (retryAt) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    const time = retryAt.toISOString().slice(11, 16);
    throw new ApiError(
      429,
      'resend_too_soon',
      `an invitation was resent to this rater less than ${RESEND_INTERVAL_MS / 60_000} minutes ago; ` +
        `you can resend it again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${time} UTC)`,
      { retryAt: retryAt.toISOString() },
      { 'Retry-After': String(seconds) },
    );
  }
  await resendInvitation(ctx, { subjectName: c.subjectName, deadline: c.deadline }, rater.id);
  return RESEND_ACCEPTED;
}

export { requireOwnerOrAdmin };
