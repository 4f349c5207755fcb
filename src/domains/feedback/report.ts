// The 360 report as people read it, built only from the frozen released report of the disclosure
// module plus the framework's wording. Pure. Every number here is either a released figure or a
// function of released figures only (a mean of shown group means, a difference with self), so it
// can reveal nothing the released report does not.
import type { RaterGroup, ReleasedReport } from '../../core/disclosure/index.ts';
import { BALANCE_DEFINITION, compareBalance } from '../assessments/profile.ts';
import type { FrameworkDefinition } from '../framework/definition.ts';
import { type FeedbackReport, OPEN_QUESTIONS, type ReportCapability, type ReportItem } from './contracts.ts';
import { instrumentOf } from './instrument.ts';

/**
 * A self–others gap of at least 0.75 points on a 5-point scale (3/16 of the scale's range, so the
 * same share on other scales) marks a blind spot or hidden strength: about one standard deviation
 * of typical 360 ratings, and larger than rounding differences between means of 3–10 raters.
 */
export const GAP_SHARE_OF_RANGE = 0.75 / 4;
/** r_wg below 0.50 is "weak or no agreement" (LeBreton & Senter, 2008). */
export const AGREEMENT_FLAG_BELOW = 0.5;
export const BEHAVIOUR_COUNT = 5;

export interface ReportMetaInput {
  campaignId: string;
  subject: { id: string; name: string };
  releasedAt: string;
  version: { id: string; number: number; name: string };
  selfSource: { assessmentId: string | null; submittedAt: string | null };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/**
 * "Others": the all-raters figure when released, else the mean of the shown group figures. Also how
 * measured change (domains/progress) reads a released figure, so both pages show the same number.
 */
export function othersOf(
  allRaters: { mean: number } | null,
  groups: ReadonlyArray<{ mean: number }>,
): { value: number | null; basis: 'all-raters' | 'mean-of-groups' | null } {
  if (allRaters) return { value: allRaters.mean, basis: 'all-raters' };
  const m = mean(groups.map((g) => g.mean));
  return { value: m, basis: m === null ? null : 'mean-of-groups' };
}

export function buildReport(
  released: ReleasedReport,
  definition: FrameworkDefinition,
  meta: ReportMetaInput,
): FeedbackReport {
  const instrument = instrumentOf(definition);
  const scale = released.scale;
  const threshold = GAP_SHARE_OF_RANGE * (scale.max - scale.min);
  const itemsById = new Map(released.items.map((i) => [i.itemId, i]));
  const capsById = new Map(released.capabilities.map((c) => [c.capabilityId, c]));

  const capabilities: ReportCapability[] = instrument.capabilities.map((ic) => {
    const rc = capsById.get(ic.definition.key);
    const items: ReportItem[] = ic.items.map((item) => {
      const ri = itemsById.get(item.key);
      const groups = (ri?.groups ?? []).map((g) => ({ group: g.group, n: g.n, mean: round(g.mean)! }));
      const others = othersOf(ri?.allRaters ?? null, ri?.groups ?? []);
      const rwg = ri?.distribution?.rwg ?? null;
      return {
        key: item.key,
        text: item.observer,
        reversed: item.reversed,
        self: ri?.self ?? null,
        groups,
        allRaters: ri?.allRaters ? { n: ri.allRaters.n, mean: round(ri.allRaters.mean)! } : null,
        others: round(others.value),
        distribution: ri?.distribution
          ? { n: ri.distribution.n, counts: [...ri.distribution.counts], rwg: round(rwg) }
          : null,
        lowAgreement: rwg !== null && rwg < AGREEMENT_FLAG_BELOW,
      };
    });
    const others = othersOf(rc?.allRaters ?? null, rc?.groups ?? []);
    const self = rc?.self ?? null;
    const rwgJ = rc?.agreement?.rwgJ ?? null;
    return {
      key: ic.definition.key,
      name: ic.definition.name,
      practice: ic.definition.practice,
      derailer: ic.definition.derailer,
      scale: { min: 1, max: ic.labels.length, labels: ic.labels },
      self: round(self),
      groups: (rc?.groups ?? []).map((g) => ({ group: g.group, n: g.n, mean: round(g.mean)! })),
      allRaters: rc?.allRaters ? { n: rc.allRaters.n, mean: round(rc.allRaters.mean)! } : null,
      others: round(others.value),
      othersBasis: others.basis,
      gap: self !== null && others.value !== null ? round(self - others.value) : null,
      rwgJ: round(rwgJ),
      lowAgreement: rwgJ !== null && rwgJ < AGREEMENT_FLAG_BELOW,
      items,
    };
  });

  const gaps = capabilities
    .filter((c) => c.gap !== null)
    .map((c) => ({
      capability: c.key,
      name: c.name,
      self: c.self!,
      others: c.others!,
      gap: c.gap!,
      derailer: c.derailer,
    }));
  const strip = ({ derailer: _, ...rest }: (typeof gaps)[number]) => rest;
  const behaviours = capabilities
    .filter((c) => !c.derailer)
    .flatMap((c) =>
      c.items
        // Reverse-keyed items read the opposite way round ("They only get in touch when…"), so a
        // high score next to their wording would mislead; they count in capabilities, not here.
        .filter((i) => i.others !== null && !i.reversed)
        .map((i) => ({ item: i.key, text: i.text, capability: c.key, others: i.others! })),
    );
  const highest = [...behaviours]
    .sort((a, b) => b.others - a.others || a.item.localeCompare(b.item))
    .slice(0, BEHAVIOUR_COUNT);
  const lowest = [...behaviours]
    .filter((b) => !highest.includes(b))
    .sort((a, b) => a.others - b.others || a.item.localeCompare(b.item))
    .slice(0, BEHAVIOUR_COUNT);

  const emphasis = (practice: 'manage' | 'lead', value: (c: ReportCapability) => number | null) =>
    mean(
      capabilities
        .filter((c) => c.practice === practice && value(c) !== null)
        .map((c) => (value(c)! - c.scale.min) / (c.scale.max - c.scale.min)),
    );
  const share = (value: (c: ReportCapability) => number | null) =>
    round(compareBalance(emphasis('manage', value), emphasis('lead', value), null).leadShare);

  const questionKey = new Map<string, string>(OPEN_QUESTIONS.map((q) => [q.text, q.key]));
  const policy = released.policy;
  return {
    campaignId: meta.campaignId,
    subject: meta.subject,
    releasedAt: meta.releasedAt,
    version: meta.version,
    selfSource: meta.selfSource,
    policy: {
      minimumByGroup: { ...policy.minimumByGroup },
      managerShownSeparately: policy.managerShownSeparately,
      commentMinimum: policy.commentMinimum,
      distributionMinimum: policy.distributionMinimum,
    },
    groups: released.groups.map((g) => ({
      group: g.group,
      invited: g.invited,
      responded: g.responded,
      disclosure: g.disclosure,
      reason: g.reason,
    })),
    columns: released.columns.map((c) => ({ group: c.group, mergedFrom: [...c.mergedFrom] as RaterGroup[] })),
    thresholds: {
      gap: round(threshold)!,
      agreementFlagBelow: AGREEMENT_FLAG_BELOW,
      statement:
        `A blind spot is a capability you rate at least ${round(threshold)} points higher than others do; ` +
        `a hidden strength one you rate at least ${round(threshold)} points lower. “Others” is the all-raters ` +
        `figure where it can be shown, otherwise the average of the groups shown. Raters disagree strongly ` +
        `where r_wg is below ${AGREEMENT_FLAG_BELOW}.`,
    },
    capabilities,
    blindSpots: gaps
      .filter((g) => !g.derailer && g.gap >= threshold)
      .sort((a, b) => b.gap - a.gap)
      .map(strip),
    hiddenStrengths: gaps
      .filter((g) => !g.derailer && g.gap <= -threshold)
      .sort((a, b) => a.gap - b.gap)
      .map(strip),
    derailerBlindSpots: gaps
      .filter((g) => g.derailer && -g.gap >= threshold)
      .sort((a, b) => a.gap - b.gap)
      .map(strip),
    highest,
    lowest,
    balance: { definition: BALANCE_DEFINITION, self: share((c) => c.self), others: share((c) => c.others) },
    comments: released.comments.map((q) => ({
      question: questionKey.get(q.question) ?? q.question,
      text: q.question,
      buckets: q.buckets.map((b) => ({ group: b.group, texts: [...b.texts] })),
      someWithheld: q.someWithheld,
    })),
  };
}
