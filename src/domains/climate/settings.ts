// The organisation's climate schedule: off (no row, or interval null) or a round every N weeks, and
// how long a round stays open. The smallest group shown is not a climate setting: it is the
// organisation's disclosure minimum for direct reports (360 settings), one rule for both.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { loadSettings as loadFeedbackSettings } from '../feedback/settings.ts';
import { WINDOW_DAYS_DEFAULT } from './constants.ts';
import type { ClimateSettings, ClimateSettingsUpdate } from './contracts.ts';
import { climateSettings } from './schema.ts';

export async function loadClimateSettings(tx: Tx, organisationId: string): Promise<ClimateSettings> {
  const [row] = await tx
    .select()
    .from(climateSettings)
    .where(eq(climateSettings.organisationId, organisationId));
  const feedback = await loadFeedbackSettings(tx, organisationId);
  return {
    intervalWeeks: row?.intervalWeeks ?? null,
    windowDays: row?.windowDays ?? WINDOW_DAYS_DEFAULT,
    minimum: feedback.policy.minimumByGroup.direct_reports,
  };
}

export async function updateClimateSettings(
  scope: OrganisationScope,
  update: ClimateSettingsUpdate,
): Promise<ClimateSettings> {
  const current = await loadClimateSettings(scope.tx, scope.organisationId);
  const next = {
    intervalWeeks: update.intervalWeeks === undefined ? current.intervalWeeks : update.intervalWeeks,
    windowDays: update.windowDays ?? current.windowDays,
  };
  await scope.tx
    .insert(climateSettings)
    .values({ organisationId: scope.organisationId, ...next })
    .onConflictDoUpdate({ target: climateSettings.organisationId, set: { ...next, updatedAt: sql`now()` } });
  return { ...next, minimum: current.minimum };
}

/**
 * The scheduled period `now` falls in: weeks counted from Monday 5 January 1970, in blocks of N.
 * A round per period at most (climate_rounds_period), so turning the schedule on sends one at once.
 */
export function periodOf(now: Date, intervalWeeks: number): string {
  const MONDAY = Date.UTC(1970, 0, 5);
  const index = Math.floor((now.getTime() - MONDAY) / (intervalWeeks * 7 * 86_400_000));
  return `every-${intervalWeeks}w:${index}`;
}
