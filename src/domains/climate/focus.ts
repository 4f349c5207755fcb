// A leader takes a climate factor into their own development plan as a focus area. It is an
// ordinary focus of kind 'other' (the framework's capabilities are what 'capability' means; a climate
// factor is an outcome of many of them), titled after the factor, with the climate results as its
// source (`fromSuggestion.source = 'climate'`, which the plan page links back to /climate). The
// development domain's own addFocus writes it: the same checks (own plan, at most three active),
// in the request's one transaction, so a refused request writes nothing.
import type { TenantScope } from '../../platform/scope.ts';
import type { PlanDetail } from '../development/contracts.ts';
import { addFocus } from '../development/focus-areas.ts';
import type { FocusFromFactor } from './contracts.ts';
import { factorOf } from './instrument.ts';

export function takeFactorAsFocus(scope: TenantScope, input: FocusFromFactor): Promise<PlanDetail> {
  const factor = factorOf(input.factor);
  return addFocus(scope, {
    id: input.planId,
    kind: 'other',
    title: `Team climate: ${factor.name}`,
    goal: input.goal ?? `Build more ${factor.name.toLowerCase()} in my team. ${factor.description}`,
    why: '',
    goalIds: [],
    valueIds: [],
    fromSuggestion: { reason: `From your team climate results: ${factor.name}`, source: 'climate' },
  });
}
