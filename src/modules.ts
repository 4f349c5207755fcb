// Every module of the app, in the order they are set up. This list is the one place a domain is
// named: the server, the CLI, the test harness and the access walk all read it
// (docs/adding-a-domain.md).
import { alignmentModule } from './domains/alignment/module.ts';
import { analyticsModule } from './domains/analytics/module.ts';
import { assessmentsModule } from './domains/assessments/module.ts';
import { checkinsModule } from './domains/checkins/module.ts';
import { climateModule } from './domains/climate/module.ts';
import { developmentModule } from './domains/development/module.ts';
import { feedbackModule } from './domains/feedback/module.ts';
import { frameworkModule } from './domains/framework/module.ts';
import { homeModule } from './domains/home/module.ts';
import { impactModule } from './domains/impact/module.ts';
import { libraryModule } from './domains/library/module.ts';
import { nudgesModule } from './domains/nudges/module.ts';
import { pathwaysModule } from './domains/pathways/module.ts';
import { programmesModule } from './domains/programmes/module.ts';
import { progressModule } from './domains/progress/module.ts';
import { reflectionModule } from './domains/reflection/module.ts';
import { identityModule } from './identity/module.ts';
import { createOrganisationIdentity } from './identity/organisations/service.ts';
import type { Tx } from './platform/db/database.ts';
import type { AnyRoute } from './platform/http/route.ts';
import { platformModule } from './platform/jobs/module.ts';
import { mailModule } from './platform/mail/module.ts';
import type { Module } from './platform/module.ts';

export const modules: readonly Module[] = [
  platformModule,
  mailModule,
  identityModule,
  frameworkModule,
  assessmentsModule,
  feedbackModule,
  alignmentModule,
  libraryModule,
  developmentModule,
  pathwaysModule,
  reflectionModule,
  checkinsModule,
  progressModule,
  homeModule,
  nudgesModule,
  climateModule,
  programmesModule,
  // Before analytics: analytics' /api/analytics/:page/export would otherwise catch impact's export.
  impactModule,
  analyticsModule,
];

/** Every API route of the app; the authorisation test walks this list. */
export const allRoutes: AnyRoute[] = modules.flatMap((m) => m.routes);

/**
 * Creates an organisation with everything a new one starts with: career stages (identity), then
 * each module's defaults (the framework, the expected balance per stage). System transaction.
 */
export async function createOrganisation(tx: Tx, input: { name: string; slug: string }): Promise<string> {
  const { id } = await createOrganisationIdentity(tx, input);
  for (const module of modules) await module.setUpOrganisation?.(tx, id);
  return id;
}
