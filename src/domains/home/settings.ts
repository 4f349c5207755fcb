// The organisation's journey thresholds (journey.ts): read for the admin form and changed by it.
// Every organisation has its row (setUpOrganisation, and the migration for older ones); should one
// be missing all the same, the defaults apply and the first change writes it.
import { eq } from 'drizzle-orm';
import type { OrganisationScope } from '../../platform/scope.ts';
import { JOURNEY_DEFAULTS } from './constants.ts';
import type { JourneySettings, JourneySettingsUpdate } from './contracts.ts';
import { journeySettings } from './schema.ts';

type Scope = Pick<OrganisationScope, 'tx' | 'organisationId' | 'now'>;

export async function readJourneySettings(
  scope: Pick<Scope, 'tx' | 'organisationId'>,
): Promise<JourneySettings> {
  const [row] = await scope.tx
    .select({
      knowledgeMonths: journeySettings.knowledgeMonths,
      leadershipDays: journeySettings.leadershipDays,
    })
    .from(journeySettings)
    .where(eq(journeySettings.organisationId, scope.organisationId));
  return row ?? { ...JOURNEY_DEFAULTS };
}

export async function updateJourneySettings(
  scope: Scope,
  update: JourneySettingsUpdate,
): Promise<JourneySettings> {
  const values = { ...update, updatedAt: scope.now() };
  await scope.tx
    .insert(journeySettings)
    .values({ organisationId: scope.organisationId, ...values })
    .onConflictDoUpdate({ target: journeySettings.organisationId, set: values });
  return readJourneySettings(scope);
}
