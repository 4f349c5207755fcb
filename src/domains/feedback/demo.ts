// The demo organisation's released 360s: Sam Taylor's (the demo participant), so a new user sees a
// full report at once: 10 of 11 raters answered (manager, 5 peers, 4 others; one peer did not),
// a few "can't say", comments. Answers come from a seeded model around the subject's own latest
// self-assessment: others see two capabilities lower than they do (blind spots) and two higher
// (hidden strengths), and raters differ from each other by a rater effect plus noise. Ethan Brooks,
// his peer, has one too. Each is followed by a released pulse of the same raters (demo-pulse.ts).
import { and, desc, eq } from 'drizzle-orm';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import { people } from '../../identity/people/schema.ts';
import type { Database } from '../../platform/db/database.ts';
import { assessments } from '../assessments/schema.ts';
import { currentVersion } from '../framework/service.ts';
import type { DemoContext, DemoRater, Released360 } from './demo-context.ts';
import { ETHAN_PULSE, SAM_PULSE, seedDemoPulse } from './demo-pulse.ts';
import { instrumentOf } from './instrument.ts';
import { freezeReport } from './release.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';
import { loadSettings } from './settings.ts';

const SEED = 20_250_404;
const SUBJECT = 'Sam Taylor';
const RATERS: DemoRater[] = [
  { name: 'Arjun Patel', group: 'manager', answers: true },
  { name: 'Lucía Romero', group: 'peers', answers: true },
  { name: 'Ethan Brooks', group: 'peers', answers: true },
  { name: 'Aisha Bello', group: 'peers', answers: true },
  { name: 'Mateo Rossi', group: 'peers', answers: true },
  { name: 'Ingrid Johansson', group: 'peers', answers: true },
  { name: 'Ravi Shankar', group: 'peers', answers: false },
  { name: 'Nia Thompson', group: 'others', answers: true },
  { name: 'Oskar Nilsson', group: 'others', answers: true },
  { name: 'Ana Souza', group: 'others', answers: true },
  { name: 'Ben Carter', group: 'others', answers: true },
];
/** Others see Sam's two highest self-rated capabilities this much lower, the two lowest this much higher. */
const SHIFT = 1.3;
const KEEP = [
  'Sam is the person everyone goes to when a release is in trouble: calm, methodical and kind.',
  'Keep pairing with newer engineers; your code reviews teach as much as they check.',
  'Your follow-through is excellent. When you say it will be done, it is done.',
  'Keep asking the “why” questions in planning; they save us weeks.',
  'You build trust quickly with other teams; the support escalations went smoothly because of you.',
  'Keep sharing what you learn in the Friday demos.',
  'The way you explain trade-offs to non-engineers is a model for the rest of us.',
  'Keep being honest when something is not working; it makes it safe for others to do the same.',
  'You notice when someone is struggling and quietly help. Please keep doing that.',
  'Keep writing things down: your design notes are the best onboarding we have.',
];
const CHANGE = [
  'Hand over more of the work you could do yourself; the team would grow faster.',
  'Say more about where you think the product should go. Your view is often right and we rarely hear it.',
  'Step back from the detail now and then to look at the bigger picture.',
  'Let others struggle a little before stepping in.',
  'Bring your ideas earlier, before they are polished.',
  'Push back more when priorities change without a reason.',
  'Take your holidays; you come back with better ideas.',
  'Speak up in the larger meetings, not only one to one.',
];

interface Demo360 {
  subject: string;
  raters: ReadonlyArray<DemoRater>;
  seed: number;
  /** Others see the subject's two highest self-rated capabilities this much lower, the two lowest this much higher. */
  shift: number;
  /** Further shifts of what others see, per capability: what the subject's plan then works on. */
  focusShift: Readonly<Record<string, number>>;
  keep: ReadonlyArray<string>;
  change: ReadonlyArray<string>;
  createdDaysAgo: number;
  releasedDaysAgo: number;
  sharedWithManager: boolean;
}

const DAY = 86_400_000;

/** Seeds one released 360 from the answer model above; null when the subject is not in the directory. */
async function seedReleased360(ctx: DemoContext, spec: Demo360): Promise<Released360 | null> {
  const { tx, organisationId, byName, instrument, settings, now } = ctx;
  const random = seededRandom(spec.seed);
  const normal = normalFrom(random);
  const subject = byName.get(spec.subject);
  if (!subject) return null;
  const [self] = await tx
    .select({ answers: assessments.answers })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessments.personId, subject.id),
        eq(assessments.status, 'submitted'),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  // Which capabilities the subject rates highest and lowest (scored), to place blind spots and hidden strengths.
  const selfMean = instrument.capabilities
    .filter((c) => !c.definition.derailer)
    .map((c) => {
      const values = c.items.flatMap((item) => {
        const v = self?.answers[item.key];
        return v == null ? [] : [item.reversed ? c.labels.length + 1 - v : v];
      });
      return { key: c.definition.key, mean: values.reduce((a, b) => a + b, 0) / (values.length || 1) };
    })
    .sort((a, b) => b.mean - a.mean || a.key.localeCompare(b.key));
  const shift = new Map<string, number>([
    ...selfMean.slice(0, 2).map((c) => [c.key, -spec.shift] as const),
    ...selfMean.slice(-2).map((c) => [c.key, spec.shift] as const),
  ]);
  const [campaign] = await tx
    .insert(feedbackCampaigns)
    .values({
      organisationId,
      subjectId: subject.id,
      createdById: subject.id,
      origin: 'self',
      versionId: ctx.versionId,
      status: 'closed',
      deadline: new Date(now - (spec.releasedDaysAgo + 2) * DAY),
      policy: settings.policy,
      approvalRequired: settings.approvalRequired,
      sharedWithManager: spec.sharedWithManager,
      createdAt: new Date(now - spec.createdDaysAgo * DAY),
    })
    .returning({ id: feedbackCampaigns.id });
  const raters: Released360['raters'] = [];
  let comment = 0;
  for (const r of spec.raters) {
    const person = byName.get(r.name)!;
    const raterEffect = normal() * 0.35;
    const answers: Record<string, number | null> = {};
    if (r.answers) {
      for (const c of instrument.capabilities) {
        const max = c.labels.length;
        for (const item of c.items) {
          if (random() < 0.05) {
            answers[item.key] = null; // can't say
            continue;
          }
          const own = self?.answers[item.key] ?? 3;
          const ownScored = own === null ? 3 : item.reversed ? max + 1 - own : own;
          // Others see most things a little less rosily than the person does.
          const shifted = (shift.get(c.definition.key) ?? 0) + (spec.focusShift[c.definition.key] ?? 0);
          const seen = ownScored - 0.3 + shifted + raterEffect + normal() * 0.6;
          const scored = Math.min(max, Math.max(1, Math.round(seen)));
          answers[item.key] = item.reversed ? max + 1 - scored : scored;
        }
      }
    }
    // Not everyone writes: some leave one or both questions empty, as real raters do.
    const comments = r.answers
      ? { keep: spec.keep[comment] ?? '', change: random() < 0.8 ? (spec.change[comment] ?? '') : '' }
      : {};
    if (r.answers) comment++;
    const [row] = await tx
      .insert(feedbackRaters)
      .values({
        organisationId,
        campaignId: campaign!.id,
        group: r.group,
        name: person.name,
        email: person.email,
        status: r.answers ? 'submitted' : 'invited',
        answers,
        comments,
        invitedAt: new Date(now - (spec.createdDaysAgo - 2) * DAY),
        submittedAt: r.answers ? new Date(now - (spec.releasedDaysAgo + 15 - comment) * DAY) : null,
      })
      .returning({ id: feedbackRaters.id });
    if (r.answers) raters.push({ id: row!.id, name: person.name, group: r.group, answers });
  }
  await freezeReport(ctx, campaign!.id, new Date(now - spec.releasedDaysAgo * DAY));
  return { campaignId: campaign!.id, subjectId: subject.id, raters };
}

const ETHAN_RATERS: DemoRater[] = [
  { name: 'Arjun Patel', group: 'manager', answers: true },
  { name: 'Lucía Romero', group: 'peers', answers: true },
  { name: 'Aisha Bello', group: 'peers', answers: true },
  { name: 'Sam Taylor', group: 'peers', answers: true },
  { name: 'Zoe Anderson', group: 'peers', answers: true },
  { name: 'Tom Fischer', group: 'others', answers: true },
  { name: 'Maya Levi', group: 'others', answers: true },
  { name: 'Leila Haddad', group: 'others', answers: true },
];
const ETHAN_KEEP = [
  'Releases are calm when Ethan runs them.',
  'Keep documenting the release steps; they are the only reliable ones we have.',
  'You are generous with your time when someone is stuck.',
  'Keep the weekly demo going.',
  'Your incident write-ups are clear and blameless.',
  'Keep asking customers what they actually need.',
];
const ETHAN_CHANGE = [
  'Let others run a release end to end.',
  'Hand over the checklist, not just the tasks.',
  'Say when you are overloaded instead of staying late.',
  'Trust the newer engineers with the risky parts sooner.',
];

export async function seedDemoFeedback(db: Database, organisationId: string): Promise<void> {
  await db.inOrganisation(organisationId, async (tx) => {
    const everyone = await tx.select({ id: people.id, name: people.name, email: people.email }).from(people);
    const version = await currentVersion(tx, db.kind, organisationId);
    const ctx: DemoContext = {
      tx,
      kind: db.kind,
      organisationId,
      byName: new Map(everyone.map((p) => [p.name, p])),
      versionId: version.id,
      instrument: instrumentOf(version.definition),
      settings: await loadSettings(tx, organisationId),
      now: Date.now(),
    };
    // Sam's 360 came first; his plan (development demo, 45 days ago) was built on it, and his pulse
    // on his plan's focus areas followed. Ethan, his peer, has the same story with smaller change.
    const sam = await seedReleased360(ctx, {
      subject: SUBJECT,
      raters: RATERS,
      seed: SEED,
      shift: SHIFT,
      // What his plan took up: people rarely hear his ideas, and he jumps in with the answer.
      focusShift: { 'inspiring-influencing': -1.2, 'knowing-all-the-answers': 1.3 },
      keep: KEEP,
      change: CHANGE,
      createdDaysAgo: 75,
      releasedDaysAgo: 55,
      sharedWithManager: true,
    });
    if (sam) await seedDemoPulse(ctx, sam, SAM_PULSE);
    const ethan = await seedReleased360(ctx, {
      subject: 'Ethan Brooks',
      raters: ETHAN_RATERS,
      seed: SEED + 1,
      shift: 0.8,
      focusShift: { 'delegating-tracking': -0.4 },
      keep: ETHAN_KEEP,
      change: ETHAN_CHANGE,
      createdDaysAgo: 70,
      releasedDaysAgo: 50,
      sharedWithManager: false,
    });
    if (ethan) await seedDemoPulse(ctx, ethan, ETHAN_PULSE);
  });
}
