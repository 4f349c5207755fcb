// The life of a 360, as rules and nothing else (pure: no database, no clock). A campaign goes
// nominating → awaiting_approval → open ⇄ closed → released (docs/decisions/0007), and each action on
// it is allowed for some viewer roles in some statuses. Each rule is written once, here: the detail
// view's `can` block asks `allowed`, and every operation calls `guard`, which refuses with the same
// rule (and says why: 404 when the viewer has no part in the action, 403 when their role may not, 409
// when the campaign is not in the right status).
import { type Relation, type Sharing, visibility } from '../../identity/visibility.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { CampaignKind, CampaignStatus } from './contracts.ts';

/** How the viewer relates to the campaign's subject (identity/visibility), as the API names it. */
export type ViewerRole = 'subject' | 'manager' | 'coach' | 'admin';
export const VIEWER_ROLES: readonly ViewerRole[] = ['subject', 'manager', 'coach', 'admin'];
export const ROLE_OF: Record<Relation, ViewerRole> = {
  self: 'subject',
  manager: 'manager',
  coach: 'coach',
  admin: 'admin',
};
const RELATION_OF: Record<ViewerRole, Relation> = {
  subject: 'self',
  manager: 'manager',
  coach: 'coach',
  admin: 'admin',
};

export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = [
  'nominating',
  'awaiting_approval',
  'open',
  'closed',
  'released',
];

/** What the rules read of a campaign (a CampaignRow has it all). */
export interface CampaignState {
  status: CampaignStatus;
  /** Absent means a full 360. */
  kind?: CampaignKind;
  approvalRequired: boolean;
  subjectManagerId: string | null;
  sharedWithManager: boolean;
  sharedCoachId: string | null;
}

/** Every action on a campaign; all but `readReport` are the detail view's `can` block. */
export const ACTIONS = [
  'editNominations',
  'submitNominations',
  'approve',
  'close',
  'reopen',
  'changeDeadline',
  'resendInvitations',
  'release',
  'share',
  'launchPulse',
  'readReport',
] as const;
export type Action = (typeof ACTIONS)[number];
export type CanBlock = Record<Exclude<Action, 'readReport'>, boolean>;

interface Rule {
  /** Whether the viewer's role may take the action (in a status where it can be taken). */
  who(role: ViewerRole, c: CampaignState): boolean;
  /** Whether the campaign's status admits the action at all. */
  when(c: CampaignState): boolean;
  /** Which is checked first, and so which refusal a viewer failing both gets. */
  statusFirst?: boolean;
  refuseWho(role: ViewerRole, c: CampaignState): ApiError;
  refuseWhen(c: CampaignState): ApiError;
}

const ownerOrAdmin = (role: ViewerRole) => role === 'subject' || role === 'admin';
const onlyOwnerOrAdmin = (what: string) => () =>
  new ApiError(403, 'forbidden', `only the subject or an admin can ${what}`);
const is =
  (...statuses: CampaignStatus[]) =>
  (c: CampaignState) =>
    statuses.includes(c.status);
const spaced = (status: CampaignStatus) => status.replace('_', ' ');
const hidden = () => notFound('feedback campaign');

/**
 * Who edits the rater list: the subject while nominating, the manager while approving, and once
 * open whoever approves (the manager when approval is on and there is one), else the subject.
 */
function editor(c: CampaignState): ViewerRole | null {
  // A pulse asks the same people as its 360: its list is copied, never edited (they may decline).
  if (c.kind === 'pulse') return null;
  if (c.status === 'nominating') return 'subject';
  if (c.status === 'awaiting_approval') return 'manager';
  if (c.status === 'open') return c.approvalRequired && c.subjectManagerId ? 'manager' : 'subject';
  return null;
}

/**
 * What the subject shared of their report. The coach it is shared with is the coach they chose, and
 * sharing is their consent (no other coach relates to the subject through this campaign).
 */
export const sharingOf = (c: CampaignState): Sharing => ({
  withManager: c.sharedWithManager,
  withCoach: c.sharedCoachId !== null,
});

/** The report is content: the visibility policy decides (admins see status only). */
const readsContent = (role: ViewerRole, c: CampaignState) =>
  visibility(RELATION_OF[role], sharingOf(c)) === 'content';

const RULES: Record<Action, Rule> = {
  editNominations: {
    who: (role, c) => editor(c) === role,
    when: is('nominating', 'awaiting_approval', 'open'),
    statusFirst: true,
    refuseWho: (_, c) =>
      conflict(
        c.kind === 'pulse'
          ? 'a pulse asks the same raters as its 360: its list cannot change'
          : 'you cannot change the raters of this 360 at this stage',
      ),
    refuseWhen: () => conflict('this 360 is closed: its raters can no longer change'),
  },
  submitNominations: {
    who: (role) => role === 'subject',
    when: is('nominating'),
    refuseWho: hidden,
    refuseWhen: () => conflict('the rater list has already been submitted'),
  },
  approve: {
    who: (role) => role === 'manager',
    when: is('awaiting_approval'),
    refuseWho: (role) =>
      ownerOrAdmin(role)
        ? new ApiError(403, 'forbidden', 'only the subject’s manager approves the raters')
        : hidden(),
    refuseWhen: () => conflict('this 360 is not waiting for approval'),
  },
  close: {
    who: ownerOrAdmin,
    when: is('open'),
    refuseWho: onlyOwnerOrAdmin('close a 360'),
    refuseWhen: (c) => conflict(`only an open 360 can be closed; this one is ${c.status}`),
  },
  reopen: {
    who: ownerOrAdmin,
    when: is('closed'),
    refuseWho: onlyOwnerOrAdmin('reopen a 360'),
    refuseWhen: (c) =>
      conflict(
        c.status === 'released'
          ? 'a released 360 is final: its report is frozen'
          : `only a closed 360 can be reopened; this one is ${c.status}`,
      ),
  },
  changeDeadline: {
    who: ownerOrAdmin,
    when: is('open'),
    refuseWho: onlyOwnerOrAdmin('change the deadline of a 360'),
    refuseWhen: (c) =>
      conflict(
        c.status === 'closed'
          ? 'this 360 is closed: reopen it with a new deadline instead'
          : c.status === 'released'
            ? 'a released 360 is final: its report is frozen'
            : `the deadline can be changed once the 360 is open; this one is ${spaced(c.status)}`,
      ),
  },
  // Whoever may manage the raters of an open 360: the subject, admins (as for close, reopen and the
  // deadline), and the manager when they edit the open list.
  resendInvitations: {
    who: (role, c) =>
      ownerOrAdmin(role) || (role === 'manager' && editor({ ...c, status: 'open' }) === 'manager'),
    when: is('open'),
    refuseWho: () =>
      new ApiError(
        403,
        'forbidden',
        'only the subject, an admin or the approving manager can resend invitations',
      ),
    refuseWhen: (c) =>
      conflict(
        c.status === 'closed'
          ? 'this 360 is closed: reopen it to resend invitations'
          : c.status === 'released'
            ? 'a released 360 is final: invitations can no longer be sent'
            : `invitations can be resent once the 360 is open; this one is ${spaced(c.status)}`,
      ),
  },
  release: {
    who: ownerOrAdmin,
    when: is('open', 'closed'),
    refuseWho: onlyOwnerOrAdmin('release a 360 report'),
    refuseWhen: (c) =>
      conflict(
        c.status === 'released' ? 'this report is already released' : 'raters have not been invited yet',
      ),
  },
  share: {
    who: (role) => role === 'subject',
    when: is('released'),
    refuseWho: () =>
      new ApiError(403, 'forbidden', 'only the person the report is about decides who sees it'),
    refuseWhen: () => conflict('the report can be shared once it is released'),
  },
  // Only the person asks their raters again, and only after a released full 360 (pulse.ts adds: their
  // latest one, with nothing else running).
  launchPulse: {
    who: (role) => role === 'subject',
    when: (c) => c.status === 'released' && c.kind !== 'pulse',
    refuseWho: () => new ApiError(403, 'forbidden', 'only the person the 360 is about can ask for a pulse'),
    refuseWhen: (c) =>
      conflict(
        c.kind === 'pulse'
          ? 'a pulse follows a full 360: ask for it from the 360'
          : 'a pulse can follow a 360 once its report is released',
      ),
  },
  readReport: {
    who: readsContent,
    when: is('released'),
    statusFirst: true,
    refuseWho: (role) =>
      new ApiError(
        403,
        'not_shared',
        role === 'admin'
          ? 'administrators see completion status only; the report is visible when its owner shares it with you'
          : 'the report has not been shared with you',
      ),
    refuseWhen: () => conflict('the report is not released yet'),
  },
};

/** Whether a viewer in `role` may take `action` on the campaign now. */
export function allowed(action: Action, role: ViewerRole, c: CampaignState): boolean {
  const rule = RULES[action];
  return rule.when(c) && rule.who(role, c);
}

/** Refuses, by the same rule as `allowed`, an action the viewer may not take now. */
export function guard(action: Action, role: ViewerRole, c: CampaignState): void {
  const rule = RULES[action];
  const checks = [
    () => (rule.who(role, c) ? null : rule.refuseWho(role, c)),
    () => (rule.when(c) ? null : rule.refuseWhen(c)),
  ];
  for (const check of rule.statusFirst ? checks.reverse() : checks) {
    const refusal = check();
    if (refusal) throw refusal;
  }
}

/** The detail view's `can` block. */
export function canBlock(role: ViewerRole, c: CampaignState): CanBlock {
  return {
    editNominations: allowed('editNominations', role, c),
    submitNominations: allowed('submitNominations', role, c),
    approve: allowed('approve', role, c),
    close: allowed('close', role, c),
    reopen: allowed('reopen', role, c),
    changeDeadline: allowed('changeDeadline', role, c),
    resendInvitations: allowed('resendInvitations', role, c),
    release: allowed('release', role, c),
    share: allowed('share', role, c),
    launchPulse: allowed('launchPulse', role, c),
  };
}
