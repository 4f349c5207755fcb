// One 360 as its page shows it: status, counts per group, the rater list (subject and manager only),
// nomination guidance and warnings, and what the viewer may do (`can`, from the lifecycle rules).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type MINIMUM_GROUPS, minimumForGroup } from '../../core/disclosure/index.ts';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { publishedVersion } from '../framework/service.ts';
import { countsFor, summarise } from './campaign-list.ts';
import { type CampaignRow, findCampaignFor, type RaterRow, ratersOf } from './campaign-row.ts';
import { type CampaignDetail, RATER_GROUP_KEYS, type RaterGroupKey, type Warning } from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { canBlock } from './lifecycle.ts';
import { loadSettings } from './settings.ts';

/** Nomination guidance shown to the subject; outside it is a warning, never a refusal. */
export const GUIDANCE: Record<RaterGroupKey, { label: string; min: number; max: number }> = {
  manager: { label: 'Manager', min: 1, max: 1 },
  peers: { label: 'Peers', min: 3, max: 8 },
  direct_reports: { label: 'Direct reports', min: 3, max: 10 },
  others: { label: 'Others', min: 0, max: 8 },
};

async function warningsFor(
  tx: Tx,
  organisationId: string,
  c: CampaignRow,
  raters: ReadonlyArray<Pick<RaterRow, 'group' | 'email'>>,
  subjectDirectReports: number,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  const settings = await loadSettings(tx, organisationId);
  for (const group of RATER_GROUP_KEYS) {
    const n = raters.filter((r) => r.group === group).length;
    // Someone nobody reports to has no direct reports to ask: an empty group is right, not short.
    if (group === 'direct_reports' && n === 0 && subjectDirectReports === 0) continue;
    const g = GUIDANCE[group];
    const minimum = minimumForGroup(c.policy, group);
    if (group !== 'manager' && n > 0 && n < minimum) {
      warnings.push({
        field: `groups.${group}`,
        code: 'below-minimum',
        message: `${g.label}: with fewer than ${minimum} raters their answers cannot be shown as a group of their own`,
      });
    } else if (n < g.min) {
      warnings.push({
        field: `groups.${group}`,
        code: 'below-guidance',
        message: `${g.label}: we suggest ${g.min === g.max ? g.min : `${g.min}–${g.max}`}; the list has ${n}`,
      });
    }
    if (n > g.max) {
      warnings.push({
        field: `groups.${group}`,
        code: 'above-guidance',
        message: `${g.label}: we suggest at most ${g.max}; the list has ${n}`,
      });
    }
  }
  if (!c.subjectManagerId && c.approvalRequired) {
    warnings.push({
      field: 'manager',
      code: 'no-manager',
      message: 'There is no manager on record to approve the list, so it goes out when submitted',
    });
  }
  const emails = [...new Set(raters.map((r) => r.email))];
  if (emails.length) {
    const open = await queryRows(
      tx,
      sql`SELECT r.email, count(*)::int AS n
            FROM feedback_raters r
            JOIN feedback_campaigns c ON c.organisation_id = r.organisation_id AND c.id = r.campaign_id
           WHERE r.organisation_id = ${organisationId} AND r.status = 'invited' AND c.status = 'open'
             AND c.id <> ${c.id} AND r.email IN (${sql.join(
               emails.map((e) => sql`${e}`),
               sql`, `,
             )})
           GROUP BY r.email`,
      z.object({ email: z.string(), n: col.count }),
    );
    const busy = new Map(open.map((o) => [o.email, o.n]));
    raters.forEach((r, i) => {
      const n = busy.get(r.email) ?? 0;
      if (n > settings.fatigueThreshold) {
        warnings.push({
          field: `nominations.${i}.email`,
          code: 'rater-fatigue',
          message: `${r.email} already has ${n} open feedback requests (more than ${settings.fatigueThreshold}); consider someone else`,
        });
      }
    });
  }
  return warnings;
}

/** How many people (not disabled) have the subject as their manager in the directory. */
async function directReportsOf(tx: Tx, organisationId: string, personId: string): Promise<number> {
  const [row] = await queryRows(
    tx,
    sql`SELECT count(*)::int AS n FROM people
         WHERE organisation_id = ${organisationId} AND manager_id = ${personId} AND status <> 'disabled'`,
    z.object({ n: col.count }),
  );
  return row?.n ?? 0;
}

/** A pulse's items in the order asked, worded as its raters read them. */
export function pulseItemsOf(
  definition: Parameters<typeof instrumentOf>[0],
  itemKeys: ReadonlyArray<string>,
): NonNullable<CampaignDetail['pulseItems']> {
  const instrument = instrumentOf(definition);
  return itemKeys.flatMap((key) => {
    for (const c of instrument.capabilities) {
      const item = c.items.find((i) => i.key === key);
      if (item) {
        return [{ key, text: item.observer, capability: { key: c.definition.key, name: c.definition.name } }];
      }
    }
    return [];
  });
}

export async function campaignDetail(scope: TenantScope, id: string): Promise<CampaignDetail> {
  const { tx, kind, organisationId } = scope;
  const { campaign: c, role } = await findCampaignFor(scope, id);
  const counts = await countsFor(tx, organisationId, [c.id]);
  const seesList = role === 'subject' || role === 'manager';
  // A pulse shows its 360's list, not its own rows: those are the 360's raters who answered, and who
  // answered is what neither the subject nor the manager may learn (ADR 0007). Resends go by these ids.
  const listOf = c.kind === 'pulse' ? c.baselineCampaignId! : c.id;
  const raters = seesList ? await ratersOf(tx, organisationId, listOf) : [];
  const version = await publishedVersion(tx, kind, organisationId, c.versionId);
  const [manager] = c.subjectManagerId
    ? await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organisationId, organisationId), eq(people.id, c.subjectManagerId)))
    : [];
  const [coach] =
    c.sharedCoachId && role === 'subject'
      ? await tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organisationId, organisationId), eq(people.id, c.sharedCoachId)))
      : [];
  const isSubject = role === 'subject';
  const before = c.status !== 'released';
  const subjectDirectReports = await directReportsOf(tx, organisationId, c.subjectId);
  return {
    ...summarise(c, role, counts),
    version: { id: version.id, number: version.number, name: version.definition.name },
    approvalRequired: c.approvalRequired,
    manager: manager ?? null,
    nominations: raters.map((r) => ({ id: r.id, group: r.group, name: r.name, email: r.email })),
    guidance: RATER_GROUP_KEYS.map((group) => ({
      group,
      label: GUIDANCE[group].label,
      recommendedMin: GUIDANCE[group].min,
      recommendedMax: GUIDANCE[group].max,
      disclosureMinimum:
        group === 'manager'
          ? c.policy.managerShownSeparately
            ? 1
            : minimumForGroup(c.policy, 'manager')
          : c.policy.minimumByGroup[group as (typeof MINIMUM_GROUPS)[number]],
    })),
    subjectDirectReports,
    // None for a pulse: its list cannot change, and warnings about its own rows would name who answered.
    warnings:
      seesList && before && c.kind === 'full'
        ? await warningsFor(tx, organisationId, c, raters, subjectDirectReports)
        : [],
    groups: RATER_GROUP_KEYS.map((group) => {
      const row = counts.find((r) => r.group === group);
      return {
        group,
        invited: row?.invited ?? 0,
        responded: row?.responded ?? 0,
        declined: row?.declined ?? 0,
      };
    }),
    sharing: { withManager: c.sharedWithManager, coach: isSubject ? (coach ?? null) : null },
    pulseItems: c.itemKeys && pulseItemsOf(version.definition, c.itemKeys),
    can: canBlock(role, c),
  };
}
