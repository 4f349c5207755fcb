// Background work of 360s: reminders (one job per reminder, see invitations.ts) and closing
// campaigns whose deadline has passed (a schedule every minute; rater writes also check the deadline
// themselves, so the job only has to make the status visible, not enforce it). Handlers read
// `services` when they run, so they see the configuration the server settled on (PORT=0).
import type { JobQueue } from '../../platform/jobs/queue.ts';
import type { Services } from '../../platform/services.ts';
import { APPROVAL_REMIND_TASK, type ApprovalRemindPayload, sendApprovalReminder } from './approval-emails.ts';
import {
  CLOSE_DUE_TASK,
  REMIND_TASK,
  RESEND_WINDOW_TASK,
  type RemindPayload,
  sendReminder,
} from './invitations.ts';
import { closeDueCampaigns } from './transitions.ts';

export async function registerFeedbackJobs(jobs: JobQueue, services: Services): Promise<void> {
  jobs.define<RemindPayload>(REMIND_TASK, (payload) =>
    services.db.inOrganisation(payload.organisationId, (tx) =>
      sendReminder(
        { tx, jobs, publicUrl: services.config.publicUrl, organisationId: payload.organisationId },
        payload,
      ),
    ),
  );
  jobs.define<ApprovalRemindPayload>(APPROVAL_REMIND_TASK, (payload) =>
    services.db.inOrganisation(payload.organisationId, (tx) =>
      sendApprovalReminder(
        { tx, jobs, publicUrl: services.config.publicUrl, organisationId: payload.organisationId },
        payload,
      ),
    ),
  );
  // Holds a rater's resend slot until it runs at the window's end; there is nothing to do then.
  jobs.define(RESEND_WINDOW_TASK, async () => {});
  jobs.define(CLOSE_DUE_TASK, async () => {
    const closed = await services.db.asSystem((tx) => closeDueCampaigns(tx));
    if (closed) services.log.info({ closed }, 'closed 360 campaigns past their deadline');
  });
  await jobs.schedule('feedback-close-due', '* * * * *', CLOSE_DUE_TASK);
}
