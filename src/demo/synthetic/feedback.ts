// Released 360s and pulses as the real paths leave them: a campaign per subject with its raters'
// rows (manager, peers from the same manager, direct reports, others from elsewhere), most
// submitted, some declined, some never answered; the report frozen at release by the disclosure
// module exactly as freezeReport does (the same pure functions, fed the same rows), with the
// subject's latest self-assessment before the release. A pulse re-asks the 360's answering raters
// about 3–6 items of the subject's focus capabilities, released against the 360 as context.
import { createHash } from 'node:crypto';
import {
  combineEarlierReleases,
  type RaterGroup,
  type ReleasedReport,
  releasedRaterSets,
  releaseReport,
} from '../../core/disclosure/index.ts';
import type { RaterGroupKey } from '../../domains/feedback/contracts.ts';
import { OPEN_QUESTIONS, PULSE_QUESTION } from '../../domains/feedback/contracts.ts';
import { answersFor, campaignAnswers, type SubmittedRater } from '../../domains/feedback/disclosure-input.ts';
import { instrumentOf, pulseInstrumentOf } from '../../domains/feedback/instrument.ts';
import { feedbackCampaigns, feedbackRaters, type StoredComments } from '../../domains/feedback/schema.ts';
import type { ResolvedSettings } from '../../domains/feedback/settings.ts';
import type { FrameworkDefinition } from '../../domains/framework/definition.ts';
import { between, insertInChunks, pick } from './bulk.ts';
import { at, growthAt, type SeedContext } from './context.ts';
import { answersJson, rate } from './model.ts';

const CHUNK_SUBJECTS = 2_000;
const KEEP = [
  'Clear priorities; I always know what matters this week.',
  'You listen before you decide, and it shows.',
  'Generous with your time when someone is stuck.',
  'Keep sharing the context behind decisions.',
  'Calm under pressure; it steadies the team.',
];
const CHANGE = [
  'Delegate more of what you could do yourself.',
  'Bring ideas earlier, before they are polished.',
  'Say no to some requests so the important work gets time.',
  'Give feedback sooner, not only at review time.',
];
const DIFFERENT = [
  'Noticeably more open in meetings.',
  'Hands over more, and checks in less often.',
  'Not much different yet.',
  'Asks for input before deciding now.',
];

interface Counters {
  campaigns: number;
  raters: number;
  responses: number;
  pulses: number;
}

type RaterRow = typeof feedbackRaters.$inferInsert;

/** The people asked to rate p: manager, up to 6 peers, up to 5 reports, others to 9–13 in all. */
function chooseRaters(ctx: SeedContext, p: number): { index: number; group: RaterGroupKey }[] {
  const { org, random } = ctx;
  const chosen = new Set<number>([p]);
  const out: { index: number; group: RaterGroupKey }[] = [];
  const add = (index: number, group: RaterGroupKey) => {
    if (chosen.has(index)) return;
    chosen.add(index);
    out.push({ index, group });
  };
  const manager = org.people[p]!.managerIndex;
  if (manager !== null) {
    add(manager, 'manager');
    const peers = org.reports[manager]!;
    for (let k = 0; k < 12 && out.length < 7; k++) add(pick(random, peers), 'peers');
  }
  const reports = org.reports[p]!;
  for (let k = 0; k < 10 && out.filter((r) => r.group === 'direct_reports').length < 5; k++) {
    if (reports.length) add(pick(random, reports), 'direct_reports');
  }
  const target = between(random, 9, 13);
  for (let k = 0; k < 40 && out.length < target; k++) add(Math.floor(random() * org.people.length), 'others');
  return out;
}

/**
 * A link hash for every rater row, as launch leaves it (a submit keeps it; the closed campaign is what
 * refuses the link). Derived from the row id: nobody holds the secret, so no link opens.
 */
const hashOf = (id: string) => createHash('sha256').update(`synthetic:${id}`).digest('hex');

export async function seedFeedback(
  ctx: SeedContext,
  definition: FrameworkDefinition,
  settings: ResolvedSettings,
): Promise<Counters> {
  const { org, model, levels, random, normal, organisationId } = ctx;
  const instrument = instrumentOf(definition);
  const counters: Counters = { campaigns: 0, raters: 0, responses: 0, pulses: 0 };
  for (let start = 0; start < org.people.length; start += CHUNK_SUBJECTS) {
    const campaigns: (typeof feedbackCampaigns.$inferInsert)[] = [];
    const raters: RaterRow[] = [];
    const pulses: (typeof feedbackCampaigns.$inferInsert)[] = [];
    const pulseRaters: RaterRow[] = [];
    for (let p = start; p < Math.min(org.people.length, start + CHUNK_SUBJECTS); p++) {
      const t = ctx.timelines[p]!;
      if (!t.feedback) continue;
      const subject = org.people[p]!;
      const campaignId = ctx.ids();
      const { created, released } = t.feedback;
      const growth = growthAt(ctx, p, created - 7);
      const rows: RaterRow[] = [];
      const submitted: SubmittedRater[] = [];
      const who = new Map<string, { name: string; email: string }>();
      for (const r of chooseRaters(ctx, p)) {
        const rater = org.people[r.index]!;
        const id = ctx.ids();
        const roll = random();
        const status = roll < 0.82 ? 'submitted' : roll < 0.86 ? 'declined' : 'invited';
        let answers: Record<string, number | null> = {};
        let comments: StoredComments = {};
        if (status === 'submitted') {
          const compact = rate(
            model,
            levels,
            p,
            { growth, lean: 0.15, raterEffect: normal() * 0.35, cantSayRate: 0.05, noise: 1 },
            random,
            normal,
          );
          who.set(id, rater);
          answers = answersJson(model, compact);
          if (random() < 0.6)
            comments = {
              keep: pick(random, KEEP),
              ...(random() < 0.7 ? { change: pick(random, CHANGE) } : {}),
            };
          submitted.push({ id, group: r.group, answers, comments });
        }
        rows.push({
          organisationId,
          id,
          campaignId,
          group: r.group,
          name: rater.name,
          email: rater.email,
          status,
          tokenHash: hashOf(id),
          answers,
          comments,
          invitedAt: at(ctx, created - 1),
          submittedAt: status === 'submitted' ? at(ctx, created - 1 - between(random, 1, 12)) : null,
          updatedAt: at(ctx, released),
        });
      }
      const invitedByGroup: Partial<Record<RaterGroup, number>> = {};
      for (const r of rows) invitedByGroup[r.group] = (invitedByGroup[r.group] ?? 0) + 1;
      const self = [...ctx.selfRatings[p]!].reverse().find((s) => s.daysAgo >= released) ?? null;
      const report = releaseReport(
        campaignAnswers(
          definition,
          submitted,
          invitedByGroup,
          self ? answersJson(model, self.compact) : null,
        ),
        { policy: settings.policy, shuffleSeed: Math.floor(random() * 2 ** 31) },
      );
      const inProgramme = t.programme !== null;
      campaigns.push({
        organisationId,
        id: campaignId,
        subjectId: subject.id,
        createdById: inProgramme ? org.people[org.adminIndex]!.id : subject.id,
        origin: inProgramme ? 'admin' : 'self',
        versionId: ctx.versionId,
        status: 'released',
        deadline: at(ctx, created - 14),
        policy: settings.policy,
        approvalRequired: settings.approvalRequired,
        sharedWithManager: random() < 0.5,
        report,
        reportMeta: {
          selfAssessmentId: self?.id ?? null,
          selfSubmittedAt: self ? at(ctx, self.daysAgo).toISOString() : null,
        },
        releasedAt: at(ctx, released),
        createdAt: at(ctx, created),
        updatedAt: at(ctx, released),
      });
      raters.push(...rows);
      counters.campaigns++;
      counters.raters += rows.length;
      counters.responses += submitted.length;
      if (t.pulse && ctx.focus[p]!.length) {
        const pulse = pulseOf(ctx, p, instrument, settings, { campaignId, report, submitted, who });
        if (pulse) {
          pulses.push(pulse.campaign);
          pulseRaters.push(...pulse.raters);
          counters.pulses++;
          counters.raters += pulse.raters.length;
          counters.responses += pulse.raters.filter((r) => r.status === 'submitted').length;
        }
      }
    }
    await insertInChunks(ctx.db, feedbackCampaigns, campaigns);
    await insertInChunks(ctx.db, feedbackRaters, raters);
    await insertInChunks(ctx.db, feedbackCampaigns, pulses);
    await insertInChunks(ctx.db, feedbackRaters, pulseRaters);
  }
  return counters;
}

function pulseOf(
  ctx: SeedContext,
  p: number,
  instrument: ReturnType<typeof instrumentOf>,
  settings: ResolvedSettings,
  baseline: {
    campaignId: string;
    report: ReleasedReport;
    submitted: SubmittedRater[];
    who: Map<string, { name: string; email: string }>;
  },
) {
  const { model, random, normal, organisationId, org, levels } = ctx;
  const t = ctx.timelines[p]!;
  const { created, released } = t.pulse!;
  const focus = new Set(ctx.focus[p]);
  const candidates = model.items.flatMap((item, i) => (focus.has(item.capability) ? [i] : []));
  const chosen = new Set(candidates.filter(() => random() < 0.6).slice(0, 6));
  for (const i of candidates) if (chosen.size < 3) chosen.add(i);
  if (chosen.size < 3 || !baseline.submitted.length) return null;
  const itemKeys = model.items.flatMap((item, i) => (chosen.has(i) ? [item.key] : []));
  const campaignId = ctx.ids();
  const growth = growthAt(ctx, p, created - 7);
  const rows: RaterRow[] = [];
  const submitted: SubmittedRater[] = [];
  for (const b of baseline.submitted) {
    const person = baseline.who.get(b.id)!;
    const id = ctx.ids();
    const roll = random();
    const status = roll < 0.85 ? 'submitted' : roll < 0.9 ? 'declined' : 'invited';
    let answers: Record<string, number | null> = {};
    let comments: StoredComments = {};
    if (status === 'submitted') {
      const compact = rate(
        model,
        levels,
        p,
        { growth, lean: 0.15, raterEffect: normal() * 0.35, cantSayRate: 0.03, noise: 1 },
        random,
        normal,
        chosen,
      );
      answers = answersJson(model, compact, chosen);
      if (random() < 0.5) comments = { different: pick(random, DIFFERENT) };
      submitted.push({ id: b.id, group: b.group, answers, comments });
    }
    rows.push({
      organisationId,
      id,
      campaignId,
      group: b.group,
      baselineRaterId: b.id,
      name: person.name,
      email: person.email,
      status,
      tokenHash: hashOf(id),
      answers,
      comments,
      invitedAt: at(ctx, created - 1),
      submittedAt: status === 'submitted' ? at(ctx, created - 1 - between(random, 1, 12)) : null,
      updatedAt: at(ctx, released),
    });
  }
  const invitedByGroup: Partial<Record<RaterGroup, number>> = {};
  for (const r of rows) invitedByGroup[r.group] = (invitedByGroup[r.group] ?? 0) + 1;
  const baselineInput = answersFor(instrument, OPEN_QUESTIONS, baseline.submitted, {}, null);
  const earlier = combineEarlierReleases([
    { raters: baselineInput.raters, sets: releasedRaterSets(baselineInput, baseline.report) },
  ]);
  const report = releaseReport(
    answersFor(pulseInstrumentOf(instrument, itemKeys), [PULSE_QUESTION], submitted, invitedByGroup, null),
    { policy: settings.policy, shuffleSeed: Math.floor(random() * 2 ** 31), earlier },
  );
  return {
    campaign: {
      organisationId,
      id: campaignId,
      subjectId: org.people[p]!.id,
      createdById: org.people[p]!.id,
      origin: 'self' as const,
      kind: 'pulse' as const,
      baselineCampaignId: baseline.campaignId,
      itemKeys,
      versionId: ctx.versionId,
      status: 'released' as const,
      deadline: at(ctx, created - 14),
      policy: settings.policy,
      approvalRequired: settings.approvalRequired,
      sharedWithManager: random() < 0.5,
      report,
      reportMeta: { selfAssessmentId: null, selfSubmittedAt: null },
      releasedAt: at(ctx, released),
      createdAt: at(ctx, created),
      updatedAt: at(ctx, released),
    },
    raters: rows,
  };
}
