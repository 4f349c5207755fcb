// A module is how a domain (or identity, or a platform service with tables or routes) plugs into the
// app: its tables, its API routes, its background jobs, what it adds to a new organisation and to
// the demo. src/modules.ts lists them; the server, the CLI, the test harness and the access walk
// read that one list (docs/adding-a-domain.md).
import type { Tx } from './db/database.ts';
import type { AnyRoute } from './http/route.ts';
import type { Job } from './jobs/define-job.ts';
import type { Services } from './services.ts';

/** A person of the demo organisation, for modules that seed their own demo data around people. */
export interface DemoPerson {
  id: string;
  name: string;
  careerStageId: string;
  /** 0 = individual contributor … 4 = executive. */
  seniority: number;
}

export interface Module {
  name: string;
  /** The module's Drizzle tables (its schema.ts), checked by the tenancy tests. */
  schema: Record<string, unknown>;
  routes: AnyRoute[];
  /**
   * The module's background jobs (`defineJob`); createServices makes the queue run each one and
   * declares its schedule. Handlers get the live `services` when they run.
   */
  jobs?: readonly Job[];
  /** Adds the module's defaults to a new organisation, in the system transaction that creates it. */
  setUpOrganisation?(tx: Tx, organisationId: string): Promise<void>;
  /** Seeds the module's part of the demo organisation, after its people exist. */
  seedDemo?(services: Services, organisationId: string, people: DemoPerson[]): Promise<void>;
}

export function defineModule(module: Module): Module {
  return module;
}
