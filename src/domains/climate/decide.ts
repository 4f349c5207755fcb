// A round's results from what was asked and answered, as one pure function (no I/O), so the close
// job only reads and writes and the decision can be property-tested. Every view and item goes
// through the disclosure module in one call (releaseRoundViews); views people were asked in but
// nobody answered are listed as withheld; a team without sub-teams is shown once, as its team view
// (its subtree view is the same people, decided as one cell).
import { releaseRoundViews, roundViewKey, roundViews } from '../../core/disclosure/index.ts';
import {
  hasSubTeams,
  type Placement,
  type RoundSnapshot,
  respondentOf,
  type ViewResult,
  viewResult,
} from './views.ts';

export interface RoundInput {
  snapshot: RoundSnapshot;
  itemKeys: readonly string[];
  minimum: number;
  /** Where everyone asked sat when the round was sent. */
  invited: readonly Placement[];
  /** The responses: placement as at send time, and answers by item key. */
  responses: ReadonlyArray<Placement & { answers: Readonly<Record<string, number>> }>;
}

export function decideRound(round: RoundInput): ViewResult[] {
  const releases = new Map(
    releaseRoundViews(
      round.responses.map((r) => respondentOf(round.snapshot, r, r.answers)),
      { minimum: round.minimum, itemIds: round.itemKeys },
    ).map((r) => [r.key, r]),
  );
  const asked = roundViews(round.invited.map((p) => respondentOf(round.snapshot, p)))
    .map((v) => v.view)
    .filter((v) => v.kind !== 'subtree' || hasSubTeams(round.snapshot.teams, v.teamId));
  return asked.map((view) =>
    viewResult(view, releases.get(roundViewKey(view)), round.snapshot, round.itemKeys),
  );
}
