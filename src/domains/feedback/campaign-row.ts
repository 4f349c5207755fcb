// A campaign as the feedback services read it: its own columns with its subject's name and manager.
import { and, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { CampaignStatus } from './contracts.ts';
import { feedbackCampaigns } from './schema.ts';

const campaignColumns = {
  id: feedbackCampaigns.id,
  subjectId: feedbackCampaigns.subjectId,
  origin: feedbackCampaigns.origin,
  versionId: feedbackCampaigns.versionId,
  status: feedbackCampaigns.status,
  deadline: feedbackCampaigns.deadline,
  policy: feedbackCampaigns.policy,
  approvalRequired: feedbackCampaigns.approvalRequired,
  sharedWithManager: feedbackCampaigns.sharedWithManager,
  sharedCoachId: feedbackCampaigns.sharedCoachId,
  releasedAt: feedbackCampaigns.releasedAt,
  createdAt: feedbackCampaigns.createdAt,
  subjectName: people.name,
  subjectManagerId: people.managerId,
};

export type CampaignRow = {
  id: string;
  subjectId: string;
  origin: 'admin' | 'self';
  versionId: string;
  status: CampaignStatus;
  deadline: Date;
  policy: (typeof feedbackCampaigns.$inferSelect)['policy'];
  approvalRequired: boolean;
  sharedWithManager: boolean;
  sharedCoachId: string | null;
  releasedAt: Date | null;
  createdAt: Date;
  subjectName: string;
  subjectManagerId: string | null;
};

export const campaignQuery = (tx: Tx) =>
  tx
    .select(campaignColumns)
    .from(feedbackCampaigns)
    .innerJoin(
      people,
      and(
        eq(people.organisationId, feedbackCampaigns.organisationId),
        eq(people.id, feedbackCampaigns.subjectId),
      ),
    );
