// What an operation in one organisation works with, handed over as one object so every service
// has the same shape: `(scope, input)`. Routes declared with `tenant: true` get a TenantScope
// (app.ts opens the transaction); jobs and system work build an OrganisationScope.
import type { DatabaseKind, Tx } from './db/database.ts';
import type { Viewer } from './http/viewer.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Logger } from './log.ts';
import type { Services } from './services.ts';

export interface OrganisationScope {
  /** The transaction, in the organisation (row-level security applies). */
  tx: Tx;
  organisationId: string;
  kind: DatabaseKind;
  jobs: JobQueue;
  /** Base of links in emails. */
  publicUrl: string;
  log: Logger;
  /** The time now; one clock for the whole app, so tests can move it. */
  now(): Date;
}

/** An organisation scope with the signed-in person who acts in it. */
export interface TenantScope extends OrganisationScope {
  viewer: Viewer;
}

/** Runs `work` in one transaction in the organisation. */
export function inOrganisationScope<T>(
  services: Services,
  organisationId: string,
  work: (scope: OrganisationScope) => Promise<T>,
): Promise<T> {
  return services.db.inOrganisation(organisationId, (tx) => work(scopeOf(services, organisationId, tx)));
}

/**
 * Runs `work` in one transaction in the viewer's organisation, as the viewer: the database knows
 * the person too, so owner-only policies on private records apply (docs/decisions/0014).
 */
export function asViewer<T>(
  services: Services,
  viewer: Viewer,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  return services.db.inOrganisation(
    viewer.organisationId,
    (tx) => work({ ...scopeOf(services, viewer.organisationId, tx), viewer }),
    viewer.personId,
  );
}

function scopeOf(services: Services, organisationId: string, tx: Tx): OrganisationScope {
  return {
    tx,
    organisationId,
    kind: services.db.kind,
    jobs: services.jobs,
    publicUrl: services.config.publicUrl,
    log: services.log,
    now: services.clock,
  };
}
