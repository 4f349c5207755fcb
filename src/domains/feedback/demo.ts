// The demo organisation's released 360, for Sam Taylor (the demo participant), so a new user sees a
// full report at once: 10 of 11 raters answered (manager, 5 peers, 4 others; one peer did not),
// a few "can't say", comments. Answers come from a seeded model around Sam's own latest
// self-assessment: others see two capabilities lower than Sam does (blind spots) and two higher
// (hidden strengths), and raters differ from each other by a rater effect plus noise.
import { and, desc, eq } from 'drizzle-orm';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import { people } from '../../identity/people/schema.ts';
import type { Database } from '../../platform/db/database.ts';
import { assessments } from '../assessments/schema.ts';
import { currentVersion } from '../framework/service.ts';
import type { RaterGroupKey } from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { freezeReport } from './release.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';
import { loadSettings } from './settings.ts';

const SEED = 20_250_404;
const SUBJECT = 'Sam Taylor';
const RATERS: Array<{ name: string; group: RaterGroupKey; answers: boolean }> = [
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

export async function seedDemoFeedback(db: Database, organisationId: string): Promise<void> {
  const random = seededRandom(SEED);
  const normal = normalFrom(random);
  await db.inOrganisation(organisationId, async (tx) => {
    const everyone = await tx.select({ id: people.id, name: people.name, email: people.email }).from(people);
    const byName = new Map(everyone.map((p) => [p.name, p]));
    const subject = byName.get(SUBJECT);
    if (!subject) return;
    const version = await currentVersion(tx, db.kind, organisationId);
    const instrument = instrumentOf(version.definition);
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
    const settings = await loadSettings(tx, organisationId);
    // Which capabilities Sam rates highest and lowest (scored), to place blind spots and hidden strengths.
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
      ...selfMean.slice(0, 2).map((c) => [c.key, -SHIFT] as const),
      ...selfMean.slice(-2).map((c) => [c.key, SHIFT] as const),
    ]);
    const now = Date.now();
    const [campaign] = await tx
      .insert(feedbackCampaigns)
      .values({
        organisationId,
        subjectId: subject.id,
        createdById: subject.id,
        origin: 'self',
        versionId: version.id,
        status: 'closed',
        deadline: new Date(now - 2 * 86_400_000),
        policy: settings.policy,
        approvalRequired: settings.approvalRequired,
        sharedWithManager: true,
        createdAt: new Date(now - 20 * 86_400_000),
      })
      .returning({ id: feedbackCampaigns.id });
    let comment = 0;
    for (const r of RATERS) {
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
            const seen = ownScored - 0.3 + (shift.get(c.definition.key) ?? 0) + raterEffect + normal() * 0.6;
            const scored = Math.min(max, Math.max(1, Math.round(seen)));
            answers[item.key] = item.reversed ? max + 1 - scored : scored;
          }
        }
      }
      // Not everyone writes: some leave one or both questions empty, as real raters do.
      const comments = r.answers
        ? { keep: KEEP[comment] ?? '', change: random() < 0.8 ? (CHANGE[comment] ?? '') : '' }
        : {};
      if (r.answers) comment++;
      await tx.insert(feedbackRaters).values({
        organisationId,
        campaignId: campaign!.id,
        group: r.group,
        name: person.name,
        email: person.email,
        status: r.answers ? 'submitted' : 'invited',
        answers,
        comments,
        invitedAt: new Date(now - 18 * 86_400_000),
        submittedAt: r.answers ? new Date(now - (5 + comment) * 86_400_000) : null,
      });
    }
    await freezeReport({ tx, kind: db.kind, organisationId }, campaign!.id);
  });
}
