// Released demo pulses: the same raters as a demo 360 re-rate the subject's focus behaviours (the
// capabilities of their plan's focus areas, development demo) some weeks later. Sam Taylor's shows
// clear change on what he worked on, and one of his raters declined — so the pulse report shows a
// group withheld because, next to the 360, it would have singled that rater out. Ethan Brooks's
// shows little change. Answers are each rater's 360 answer moved by the change plus noise.
import { and, eq } from 'drizzle-orm';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import type { DemoContext, Released360 } from './demo-context.ts';
import { freezeReport } from './release.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';

export interface DemoPulse {
  seed: number;
  /** The capabilities asked about: the subject's focus areas; their first items up to 6 are asked. */
  capabilities: ReadonlyArray<string>;
  /** Change in scored points per capability (for a derailer, negative is "seen less often"). */
  change: Readonly<Record<string, number>>;
  /** A rater (by name) who declines the pulse, or null. */
  declined: string | null;
  different: ReadonlyArray<string>;
  createdDaysAgo: number;
  releasedDaysAgo: number;
  sharedWithManager: boolean;
}

export const SAM_PULSE: DemoPulse = {
  seed: 20_250_611,
  capabilities: ['inspiring-influencing', 'knowing-all-the-answers'],
  change: { 'inspiring-influencing': 1.9, 'knowing-all-the-answers': -0.4 },
  declined: 'Ben Carter',
  different: [
    'Sam brought two roadmap ideas to planning this month, rough and early. One is now on the plan.',
    'He asks what I think before he explains how he would do it.',
    'More present in planning; less quick to jump in with the fix.',
    'Said “I don’t know, let’s find out” in a design review. That helped everyone.',
    'Speaks up earlier in meetings.',
    'Lets me find the bug myself now, with a good question or two.',
  ],
  createdDaysAgo: 20,
  releasedDaysAgo: 2,
  sharedWithManager: true,
};

export const ETHAN_PULSE: DemoPulse = {
  seed: 20_250_612,
  capabilities: ['delegating-tracking'],
  change: { 'delegating-tracking': 0.15 },
  declined: null,
  different: [
    'Zoe ran one release, but Ethan still checked every step.',
    'Not much different yet; still the person every release goes through.',
    'Wrote the checklist down, which is a start.',
  ],
  createdDaysAgo: 18,
  releasedDaysAgo: 1,
  sharedWithManager: false,
};

const DAY = 86_400_000;

/** Up to 6 items of the focus capabilities, preferring those the 360 released a peers figure for. */
async function pulseItems(ctx: DemoContext, baselineId: string, spec: DemoPulse): Promise<string[]> {
  const [baseline] = await ctx.tx
    .select({ report: feedbackCampaigns.report })
    .from(feedbackCampaigns)
    .where(
      and(eq(feedbackCampaigns.organisationId, ctx.organisationId), eq(feedbackCampaigns.id, baselineId)),
    );
  const withPeers = new Set(
    (baseline?.report?.items ?? [])
      .filter((i) => i.groups.some((g) => g.group === 'peers'))
      .map((i) => i.itemId),
  );
  const candidates = ctx.instrument.capabilities
    .filter((c) => spec.capabilities.includes(c.definition.key))
    .flatMap((c) => c.items.map((item) => item.key));
  const preferred = [
    ...candidates.filter((k) => withPeers.has(k)),
    ...candidates.filter((k) => !withPeers.has(k)),
  ];
  // Report order: as the framework lists them.
  return candidates.filter((k) => preferred.slice(0, 6).includes(k));
}

export async function seedDemoPulse(ctx: DemoContext, baseline: Released360, spec: DemoPulse): Promise<void> {
  const { tx, organisationId, instrument, settings, now } = ctx;
  const random = seededRandom(spec.seed);
  const normal = normalFrom(random);
  const itemKeys = await pulseItems(ctx, baseline.campaignId, spec);
  const [pulse] = await tx
    .insert(feedbackCampaigns)
    .values({
      organisationId,
      subjectId: baseline.subjectId,
      createdById: baseline.subjectId,
      origin: 'self',
      kind: 'pulse',
      baselineCampaignId: baseline.campaignId,
      itemKeys,
      versionId: ctx.versionId,
      status: 'closed',
      deadline: new Date(now - (spec.releasedDaysAgo + 1) * DAY),
      policy: settings.policy,
      approvalRequired: settings.approvalRequired,
      sharedWithManager: spec.sharedWithManager,
      createdAt: new Date(now - spec.createdDaysAgo * DAY),
    })
    .returning({ id: feedbackCampaigns.id });
  let comment = 0;
  for (const rater of baseline.raters) {
    const person = ctx.byName.get(rater.name)!;
    const declined = rater.name === spec.declined;
    const answers: Record<string, number | null> = {};
    if (!declined) {
      for (const key of itemKeys) {
        const item = instrument.items.get(key)!;
        const before = rater.answers[key] ?? null;
        const scoredBefore = before === null ? 3 : item.reversed ? item.max + 1 - before : before;
        const moved = scoredBefore + (spec.change[item.capability] ?? 0) + normal() * 0.35;
        const scored = Math.min(item.max, Math.max(1, Math.round(moved)));
        answers[key] = item.reversed ? item.max + 1 - scored : scored;
      }
    }
    const different = declined ? undefined : spec.different[comment++];
    await tx.insert(feedbackRaters).values({
      organisationId,
      campaignId: pulse!.id,
      baselineRaterId: rater.id,
      group: rater.group,
      name: person.name,
      email: person.email,
      status: declined ? 'declined' : 'submitted',
      answers,
      comments: different ? { different } : {},
      invitedAt: new Date(now - (spec.createdDaysAgo - 1) * DAY),
      submittedAt: declined ? null : new Date(now - (spec.releasedDaysAgo + 3 + (comment % 5)) * DAY),
    });
  }
  await freezeReport(ctx, pulse!.id, new Date(now - spec.releasedDaysAgo * DAY));
}
