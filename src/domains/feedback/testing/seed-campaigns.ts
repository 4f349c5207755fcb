// Bulk set-up for the 360 benchmarks: an organisation whose current framework version asks exactly
// N items, subjects, open campaigns with invited raters whose link tokens are returned (only hashes
// are stored, as in production), and optionally a released campaign. Written with multi-row
// inserts, straight into the database, so 100,000 raters take seconds rather than an hour of API calls.
import { sql } from 'drizzle-orm';
import { resolveDisclosurePolicy } from '../../../core/disclosure/index.ts';
import { hashPassword } from '../../../identity/auth/password.ts';
import { listCareerStages } from '../../../identity/organisations/service.ts';
import { people } from '../../../identity/people/schema.ts';
import { createOrganisation } from '../../../modules.ts';
import type { Database } from '../../../platform/db/database.ts';
import { composeToken, newSecret } from '../../../platform/http/tokens.ts';
import { DEFAULT_FRAMEWORK } from '../../framework/default-framework.ts';
import { type FrameworkDefinition, parseDefinition } from '../../framework/definition.ts';
import { importDraft, publishDraft } from '../../framework/service.ts';
import type { RaterGroupKey } from '../contracts.ts';
import { freezeReport } from '../release.ts';
import { feedbackCampaigns, feedbackRaters } from '../schema.ts';

/** The default framework cut down to `itemCount` items (3–5 per capability, climate left out). */
export function definitionWithItems(itemCount: number): FrameworkDefinition {
  const climate = new Set(DEFAULT_FRAMEWORK.blocks.filter((b) => b.kind === 'climate').map((b) => b.key));
  const capabilities: FrameworkDefinition['capabilities'] = [];
  let left = itemCount;
  for (const c of DEFAULT_FRAMEWORK.capabilities) {
    if (climate.has(c.block) || left < 3) continue;
    const active = c.items.filter((i) => !i.retired);
    let take = Math.min(active.length, left);
    // Never leave 1–2 items over: the next capability needs at least 3.
    const rest = left - take;
    if (rest > 0 && rest < 3) take -= 3 - rest;
    if (take < 3) continue;
    capabilities.push({ ...c, items: active.slice(0, take) });
    left -= take;
  }
  if (left !== 0) throw new Error(`could not cut the default framework to ${itemCount} items (${left} left)`);
  const used = new Set(capabilities.map((c) => c.block));
  const parsed = parseDefinition({
    ...DEFAULT_FRAMEWORK,
    blocks: DEFAULT_FRAMEWORK.blocks.filter((b) => used.has(b.key)),
    capabilities,
  });
  if (!parsed.ok) throw new Error(`bench framework invalid: ${JSON.stringify(parsed.issues[0])}`);
  return parsed.definition;
}

export interface SeededOrganisation {
  organisationId: string;
  itemKeys: string[];
}

export async function seedOrganisationWithItems(
  db: Database,
  slug: string,
  itemCount: number,
): Promise<SeededOrganisation> {
  const organisationId = await db.asSystem((tx) => createOrganisation(tx, { name: slug, slug }));
  const definition = definitionWithItems(itemCount);
  await db.inOrganisation(organisationId, async (tx) => {
    const id = await importDraft({ tx, organisationId }, definition);
    await publishDraft({ tx, organisationId }, id);
  });
  return {
    organisationId,
    itemKeys: definition.capabilities.flatMap((c) => c.items.map((i) => i.key)),
  };
}

async function currentVersionId(db: Database, organisationId: string): Promise<string> {
  const rows = (await db.inOrganisation(organisationId, (tx) =>
    tx.execute(
      sql`SELECT id FROM framework_versions WHERE status = 'published' ORDER BY number DESC LIMIT 1`,
    ),
  )) as unknown as { rows: { id: string }[] };
  return rows.rows[0]!.id;
}

async function insertSubjects(
  db: Database,
  organisationId: string,
  count: number,
  passwordHash: string | null,
) {
  return db.inOrganisation(organisationId, async (tx) => {
    const [stage] = await listCareerStages({ tx });
    const rows: { id: string; email: string }[] = [];
    // Batches keep each statement under PostgreSQL's 65,535 parameters.
    for (let start = 0; start < count; start += 2000) {
      const batch = Array.from({ length: Math.min(2000, count - start) }, (_, j) => ({
        organisationId,
        name: `Subject ${start + j + 1}`,
        email: `subject${start + j + 1}@bench.example`,
        careerStageId: stage!.id,
        passwordHash,
        status: 'active' as const,
      }));
      rows.push(...(await tx.insert(people).values(batch).returning({ id: people.id, email: people.email })));
    }
    return rows;
  });
}

/**
 * `campaigns` open campaigns with `ratersPerCampaign` invited raters each; returns every rater's
 * link token, in random order so concurrent submits spread over campaigns.
 */
export async function seedOpenCampaigns(
  db: Database,
  organisationId: string,
  campaigns: number,
  ratersPerCampaign: number,
): Promise<string[]> {
  const versionId = await currentVersionId(db, organisationId);
  const subjects = await insertSubjects(db, organisationId, campaigns, null);
  const policy = resolveDisclosurePolicy();
  const tokens: string[] = [];
  const groups: RaterGroupKey[] = ['peers', 'direct_reports', 'others'];
  for (let start = 0; start < subjects.length; start += 200) {
    const batch = subjects.slice(start, start + 200);
    await db.inOrganisation(organisationId, async (tx) => {
      const rows = await tx
        .insert(feedbackCampaigns)
        .values(
          batch.map((s) => ({
            organisationId,
            subjectId: s.id,
            createdById: s.id,
            origin: 'self' as const,
            versionId,
            status: 'open' as const,
            deadline: new Date(Date.now() + 86_400_000),
            policy,
            approvalRequired: false,
          })),
        )
        .returning({ id: feedbackCampaigns.id });
      const raters = rows.flatMap((c, ci) =>
        Array.from({ length: ratersPerCampaign }, (_, r) => {
          const { secret, hash } = newSecret();
          tokens.push(composeToken(organisationId, secret));
          return {
            organisationId,
            campaignId: c.id,
            group: groups[r % groups.length]!,
            name: `Rater ${start + ci}-${r}`,
            email: `rater${start + ci}-${r}@bench.example`,
            tokenHash: hash,
            invitedAt: new Date(),
          };
        }),
      );
      for (let i = 0; i < raters.length; i += 1000) {
        await tx.insert(feedbackRaters).values(raters.slice(i, i + 1000));
      }
    });
  }
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
  }
  return tokens;
}

/** A released 360 for a subject who can sign in: raters by group with answers to every item. */
export async function seedReleasedCampaign(
  db: Database,
  seeded: SeededOrganisation,
  password: string,
  raterGroups: Record<RaterGroupKey, number>,
): Promise<{ campaignId: string; email: string }> {
  const { organisationId, itemKeys } = seeded;
  const versionId = await currentVersionId(db, organisationId);
  const [subject] = await insertSubjects(db, organisationId, 1, await hashPassword(password));
  const campaignId = await db.inOrganisation(organisationId, async (tx) => {
    const [c] = await tx
      .insert(feedbackCampaigns)
      .values({
        organisationId,
        subjectId: subject!.id,
        createdById: subject!.id,
        origin: 'self',
        versionId,
        status: 'closed',
        deadline: new Date(),
        policy: resolveDisclosurePolicy({ managerShownSeparately: true }),
        approvalRequired: false,
      })
      .returning({ id: feedbackCampaigns.id });
    let n = 0;
    const raters = Object.entries(raterGroups).flatMap(([group, count]) =>
      Array.from({ length: count }, () => {
        n++;
        return {
          organisationId,
          campaignId: c!.id,
          group: group as RaterGroupKey,
          name: `Rater ${n}`,
          email: `released${n}@bench.example`,
          status: 'submitted' as const,
          submittedAt: new Date(),
          answers: Object.fromEntries(
            itemKeys.map((k, i) => [k, i % 23 === n % 23 ? null : 1 + ((n * 7 + i * 3) % 5)]),
          ),
          comments: { keep: `Keeps going ${n}`, change: `Change ${n}` },
        };
      }),
    );
    await tx.insert(feedbackRaters).values(raters);
    await freezeReport({ tx, kind: db.kind, organisationId }, c!.id);
    return c!.id;
  });
  return { campaignId, email: subject!.email };
}

/**
 * `campaigns` open pulses, each following a released 360 of its subject with `ratersPerCampaign`
 * raters who all submitted (the baseline's rows, linked from the pulse's as in production), asking
 * `itemKeys`; returns every pulse rater's link token, shuffled. The baselines' reports are empty
 * stand-ins: a pulse rater's write never reads them.
 */
export async function seedOpenPulses(
  db: Database,
  organisationId: string,
  campaigns: number,
  ratersPerCampaign: number,
  itemKeys: ReadonlyArray<string>,
): Promise<string[]> {
  const versionId = await currentVersionId(db, organisationId);
  const subjects = await insertSubjects(db, organisationId, campaigns, null);
  const policy = resolveDisclosurePolicy();
  const tokens: string[] = [];
  const groups: RaterGroupKey[] = ['peers', 'direct_reports', 'others'];
  const common = { organisationId, origin: 'self' as const, versionId, policy, approvalRequired: false };
  for (let start = 0; start < subjects.length; start += 200) {
    const batch = subjects.slice(start, start + 200);
    await db.inOrganisation(organisationId, async (tx) => {
      const baselines = await tx
        .insert(feedbackCampaigns)
        .values(
          batch.map((s) => ({
            ...common,
            subjectId: s.id,
            createdById: s.id,
            status: 'released' as const,
            deadline: new Date(Date.now() - 30 * 86_400_000),
            report: {} as NonNullable<(typeof feedbackCampaigns.$inferInsert)['report']>,
            releasedAt: new Date(Date.now() - 29 * 86_400_000),
          })),
        )
        .returning({ id: feedbackCampaigns.id, subjectId: feedbackCampaigns.subjectId });
      const pulses = await tx
        .insert(feedbackCampaigns)
        .values(
          baselines.map((b) => ({
            ...common,
            subjectId: b.subjectId,
            createdById: b.subjectId,
            kind: 'pulse' as const,
            baselineCampaignId: b.id,
            itemKeys: [...itemKeys],
            status: 'open' as const,
            deadline: new Date(Date.now() + 86_400_000),
          })),
        )
        .returning({ id: feedbackCampaigns.id });
      const person = (c: number, r: number) => ({
        group: groups[r % groups.length]!,
        name: `Rater ${start + c}-${r}`,
        email: `pulse-rater${start + c}-${r}@bench.example`,
      });
      const baselineRaters = baselines.flatMap((b, c) =>
        Array.from({ length: ratersPerCampaign }, (_, r) => ({
          organisationId,
          campaignId: b.id,
          ...person(c, r),
          status: 'submitted' as const,
          answers: Object.fromEntries(itemKeys.map((k, i) => [k, 1 + ((c + r + i) % 5)])),
          invitedAt: new Date(Date.now() - 40 * 86_400_000),
          submittedAt: new Date(Date.now() - 31 * 86_400_000),
        })),
      );
      const baselineIds: string[] = [];
      for (let i = 0; i < baselineRaters.length; i += 1000) {
        const rows = await tx
          .insert(feedbackRaters)
          .values(baselineRaters.slice(i, i + 1000))
          .returning({ id: feedbackRaters.id });
        baselineIds.push(...rows.map((row) => row.id));
      }
      const raters = pulses.flatMap((p, c) =>
        Array.from({ length: ratersPerCampaign }, (_, r) => {
          const { secret, hash } = newSecret();
          tokens.push(composeToken(organisationId, secret));
          return {
            organisationId,
            campaignId: p.id,
            baselineRaterId: baselineIds[c * ratersPerCampaign + r]!,
            ...person(c, r),
            tokenHash: hash,
            invitedAt: new Date(),
          };
        }),
      );
      for (let i = 0; i < raters.length; i += 1000) {
        await tx.insert(feedbackRaters).values(raters.slice(i, i + 1000));
      }
    });
  }
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
  }
  return tokens;
}
