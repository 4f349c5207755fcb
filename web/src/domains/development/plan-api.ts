// The development-plan types the pages name, from the server's contracts (types only). The
// requests are `call(developmentApi.<endpoint>, …)` in queries.ts.
import type {
  CoachingList,
  CoachingRelationship,
  Comment,
  Experiment,
  FocusArea,
  FocusCreate,
  MyPlans,
  PersonRef,
  PlanDetail,
  PlanSummary,
  PracticeEntry,
  SharedWithMe,
  SharingInput,
} from '../../../../src/domains/development/contracts.ts';

export type {
  CoachingList,
  CoachingRelationship,
  Comment,
  Experiment,
  FocusArea,
  FocusCreate,
  MyPlans,
  PersonRef,
  PlanDetail,
  PlanSummary,
  PracticeEntry,
  SharedWithMe,
  SharingInput,
};
export type ExperimentStatus = Experiment['status'];
export type SharedPlan = SharedWithMe['plans'][number];

/** An organisation goal or value as the plan pages show it (alignment domain). */
export interface OrgGoal {
  id: string;
  title: string;
  status: string;
}
export interface OrgValue {
  id: string;
  name: string;
}
export interface Alignment {
  goals: OrgGoal[];
  values: OrgValue[];
}

/** A library module's practice, which prefills an experiment. */
export interface LibraryPractice {
  id: string;
  title: string;
  /** The capability the module serves: preselects the focus on that capability. */
  capabilityKey?: string;
  practice: { action: string; situation: string; frequency: string; signal: string } | null;
}

/**
 * GET /api/development/suggestions, as src/domains/development/suggestion-contracts.ts declares it.
 * PROVISIONAL copy: the web app may import only `contracts`/`endpoints`/`constants` files (layers
 * rule), and the route is not declared in endpoints.ts yet; once the lead wires it, this becomes
 * `CallResult<typeof developmentApi.suggestions>` and the copy goes.
 */
export type FocusReason =
  | { code: 'blind-spot'; self: number; others: number; gap: number }
  | { code: 'growth-edge'; source: 'self' | 'others'; score: number }
  | {
      code: 'balance-gap';
      practice: 'manage' | 'lead';
      expected: number;
      actual: number;
      source: 'self' | 'others';
    }
  | { code: 'derailer-seen'; others: number; self: number | null }
  | { code: 'derailer-noticed'; self: number }
  | { code: 'low-climate'; factor: string; score: number };
export interface FocusSuggestion {
  kind: 'capability' | 'derailer';
  capabilityKey: string;
  name: string;
  score: number;
  reasons: FocusReason[];
}
export interface FocusSuggestionsResponse {
  suggestions: FocusSuggestion[];
  basis: unknown;
}
