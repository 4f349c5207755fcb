// Background work of 360s: reminders (one job per reminder, see invitations.ts) and closing
// campaigns whose deadline has passed (a schedule every minute; rater writes also check the deadline
// themselves, so the job only has to make the status visible, not enforce it). Handlers read
// `services` when they run, so they see the configuration the server settled on (PORT=0).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { approvalRemindJob } from './approval-emails.ts';
import { remindJob } from './invitations.ts';
import { closeDueCampaigns } from './transitions.ts';

export const closeDueCampaignsJob = defineJob({
  name: 'feedback.close-due',
  payload: z.object({}),
  schedule: { cron: '* * * * *' },
  async handler(_payload, { services }) {
    const closed = await services.db.asSystem((tx) => closeDueCampaigns(tx));
    if (closed) services.log.info({ closed }, 'closed 360 campaigns past their deadline');
  },
});

export const feedbackJobs = [remindJob, approvalRemindJob, closeDueCampaignsJob];
