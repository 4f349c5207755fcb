// Shared set-up for the pathway tests: an organisation with a subject (who has a manager), a coach
// and an admin; a plan focus for the subject and one for the admin, written as each of them (the
// plan tables are owner-only); and the organisation's published library modules.
import { eq } from 'drizzle-orm';
import { developmentPlans, planFocusAreas } from '../../src/domains/development/schema.ts';
import { libraryModules, libraryModuleVersions } from '../../src/domains/library/schema.ts';
import { listPublishedModules } from '../../src/domains/library/service.ts';
import type { Harness } from '../support/harness.ts';
import { type FeedbackOrg, feedbackOrg } from './feedback-support.ts';

export type { ErrorBody } from './feedback-support.ts';
export { json } from './feedback-support.ts';

export async function addFocus(h: Harness, organisationId: string, ownerId: string, capabilityKey: string) {
  return h.services.db.inOrganisation(
    organisationId,
    async (tx) => {
      const [plan] = await tx
        .insert(developmentPlans)
        .values({ organisationId, ownerId, title: 'My plan' })
        .returning({ id: developmentPlans.id });
      const [focus] = await tx
        .insert(planFocusAreas)
        .values({
          organisationId,
          planId: plan!.id,
          ownerId,
          position: 0,
          kind: 'capability',
          capabilityKey,
          blockKey: 'empowering-skills',
          title: `Focus on ${capabilityKey}`,
          goal: 'Grow',
        })
        .returning({ id: planFocusAreas.id });
      return focus!.id;
    },
    ownerId,
  );
}

export interface PathwayOrg extends FeedbackOrg {
  subjectFocus: string;
  adminFocus: string;
  modules: { id: string; key: string; capabilityKey: string; title: string }[];
}

export async function pathwayOrg(h: Harness, slug: string): Promise<PathwayOrg> {
  const o = await feedbackOrg(h, slug);
  const modules = await h.services.db.inOrganisation(o.organisationId, (tx) =>
    listPublishedModules({ tx, kind: h.services.db.kind, organisationId: o.organisationId }),
  );
  return {
    ...o,
    subjectFocus: await addFocus(h, o.organisationId, o.subjectId, 'strategic-thinking'),
    adminFocus: await addFocus(h, o.organisationId, o.adminId, 'strategic-thinking'),
    modules,
  };
}

/** Retires a module (system work, as an admin's library edit would do). */
export const retire = (h: Harness, moduleId: string) =>
  h.services.db.asSystem((tx) =>
    tx.update(libraryModules).set({ retiredAt: new Date() }).where(eq(libraryModules.id, moduleId)),
  );

/** Leaves a module with no published version. */
export const unpublish = (h: Harness, moduleId: string) =>
  h.services.db.asSystem((tx) =>
    tx
      .update(libraryModuleVersions)
      .set({ status: 'superseded' })
      .where(eq(libraryModuleVersions.moduleId, moduleId)),
  );
