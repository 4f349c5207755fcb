// The one place climate asks the disclosure module which views of a round may be shown. All views
// of a round go in one call (DESIGN §3.1): a cell is the set of responses a view covers.
//
// Until `releaseCells` (src/core/disclosure/cells.ts, branch `disclosure`) is merged this releases
// nothing, which is safe (every view says "not enough responses to show") but shows no figures.
export function releasedViews(
  _universeSize: number,
  cells: ReadonlyArray<readonly number[]>,
  _minimum: number,
): boolean[] {
  return cells.map(() => false);
}
