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
import type { developmentApi } from '../../../../src/domains/development/endpoints.ts';
import type { CallResult } from '../../../../src/platform/http/endpoint.ts';

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

/** GET /api/development/suggestions: ranked focus suggestions, each with its reasons. */
export type FocusSuggestionsResponse = CallResult<typeof developmentApi.suggestions>;
export type FocusSuggestion = FocusSuggestionsResponse['suggestions'][number];
export type FocusReason = FocusSuggestion['reasons'][number];
