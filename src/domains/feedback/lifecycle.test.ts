// The lifecycle rules as a table: for every action, status and role (and the settings a rule reads),
// `allowed` agrees with the table, and `guard` refuses exactly what `allowed` refuses.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../platform/http/errors.ts';
import type { CampaignStatus } from './contracts.ts';
import {
  ACTIONS,
  type Action,
  allowed,
  CAMPAIGN_STATUSES,
  type CampaignState,
  canBlock,
  guard,
  VIEWER_ROLES,
  type ViewerRole,
} from './lifecycle.ts';

// Who may, per status: S subject, M manager, C coach, A admin; E whoever edits the list once open
// (the manager when approval is on and there is one, else the subject); e the manager when they are
// that editor; m the manager when the report is shared with them. A missing status: nobody.
const TABLE: Record<Action, Partial<Record<CampaignStatus, string>>> = {
  editNominations: { nominating: 'S', awaiting_approval: 'M', open: 'E' },
  submitNominations: { nominating: 'S' },
  approve: { awaiting_approval: 'M' },
  close: { open: 'SA' },
  reopen: { closed: 'SA' },
  changeDeadline: { open: 'SA' },
  resendInvitations: { open: 'SAe' },
  release: { open: 'SA', closed: 'SA' },
  share: { released: 'S' },
  launchPulse: { released: 'S' },
  readReport: { released: 'SCm' },
};

const LETTER: Record<ViewerRole, string> = { subject: 'S', manager: 'M', coach: 'C', admin: 'A' };

function expected(action: Action, role: ViewerRole, c: CampaignState): boolean {
  const who = TABLE[action][c.status] ?? '';
  const managerEdits = c.approvalRequired && c.subjectManagerId !== null;
  if (who.includes(LETTER[role])) return true;
  if (who.includes('E')) return role === (managerEdits ? 'manager' : 'subject');
  if (who.includes('e') && role === 'manager') return managerEdits;
  if (who.includes('m') && role === 'manager') return c.sharedWithManager;
  return false;
}

const campaigns: CampaignState[] = CAMPAIGN_STATUSES.flatMap((status) =>
  [true, false].flatMap((approvalRequired) =>
    ['manager-1', null].flatMap((subjectManagerId) =>
      [true, false].map((sharedWithManager) => ({
        status,
        approvalRequired,
        subjectManagerId,
        sharedWithManager,
        sharedCoachId: status === 'released' ? 'coach-1' : null,
      })),
    ),
  ),
);

function refusal(action: Action, role: ViewerRole, c: CampaignState): ApiError | null {
  try {
    guard(action, role, c);
    return null;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

describe('campaign lifecycle', () => {
  it('allows exactly what the table says, and guards refuse exactly the rest', () => {
    let checked = 0;
    for (const action of ACTIONS) {
      for (const role of VIEWER_ROLES) {
        for (const c of campaigns) {
          const want = expected(action, role, c);
          const where = `${action} by ${role} on ${JSON.stringify(c)}`;
          expect(allowed(action, role, c), where).toBe(want);
          const refused = refusal(action, role, c);
          expect(refused === null, where).toBe(want);
          if (refused) expect([403, 404, 409], where).toContain(refused.status);
          checked++;
        }
      }
    }
    expect(checked).toBe(ACTIONS.length * VIEWER_ROLES.length * CAMPAIGN_STATUSES.length * 8);
  });

  it('gives the detail view the same answers as the guards', () => {
    for (const role of VIEWER_ROLES) {
      for (const c of campaigns) {
        for (const [action, can] of Object.entries(canBlock(role, c))) {
          expect(can).toBe(refusal(action as Action, role, c) === null);
        }
      }
    }
  });

  const state = (status: CampaignStatus, extra: Partial<CampaignState> = {}): CampaignState => ({
    status,
    approvalRequired: true,
    subjectManagerId: 'manager-1',
    sharedWithManager: false,
    sharedCoachId: null,
    ...extra,
  });

  it.each<[Action, ViewerRole, CampaignStatus, number, string]>([
    // A viewer with no part in the action learns nothing: 404 like an unknown campaign.
    ['submitNominations', 'manager', 'nominating', 404, 'feedback campaign not found'],
    ['approve', 'coach', 'awaiting_approval', 404, 'feedback campaign not found'],
    ['approve', 'subject', 'awaiting_approval', 403, 'only the subject’s manager approves the raters'],
    ['approve', 'manager', 'open', 409, 'this 360 is not waiting for approval'],
    // The list's rules answer 409 whoever asks; a closed one says so first.
    ['editNominations', 'admin', 'nominating', 409, 'you cannot change the raters of this 360 at this stage'],
    ['editNominations', 'subject', 'closed', 409, 'this 360 is closed: its raters can no longer change'],
    // Role before status: a coach is told their role may not, whatever the status.
    ['close', 'coach', 'closed', 403, 'only the subject or an admin can close a 360'],
    ['reopen', 'admin', 'released', 409, 'a released 360 is final: its report is frozen'],
    [
      'changeDeadline',
      'subject',
      'awaiting_approval',
      409,
      'the deadline can be changed once the 360 is open; this one is awaiting approval',
    ],
    [
      'resendInvitations',
      'coach',
      'open',
      403,
      'only the subject, an admin or the approving manager can resend invitations',
    ],
    ['release', 'subject', 'nominating', 409, 'raters have not been invited yet'],
    ['share', 'admin', 'released', 403, 'only the person the report is about decides who sees it'],
    // The report: not released is 409 for everyone, then whether it is shared.
    ['readReport', 'admin', 'open', 409, 'the report is not released yet'],
    ['readReport', 'manager', 'released', 403, 'the report has not been shared with you'],
  ])('%s by the %s of a campaign %s: %i', (action, role, status, code, message) => {
    const refused = refusal(action, role, state(status));
    expect(refused?.status).toBe(code);
    expect(refused?.message).toBe(message);
  });

  it('tells an admin that they see status only', () => {
    expect(refusal('readReport', 'admin', state('released'))?.code).toBe('not_shared');
    expect(refusal('readReport', 'admin', state('released'))?.message).toMatch(/completion status only/);
  });
});
