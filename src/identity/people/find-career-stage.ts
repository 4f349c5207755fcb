// A career stage as people write it in a CSV file, on the command line or in the API: by its key or
// its display name, in any common spelling. Case, `_`, `-` and spaces do not matter, so
// `individual_contributor`, `Individual Contributor` and `INDIVIDUAL-CONTRIBUTOR` all name the stage
// keyed `individual-contributor`.

/** The spelling-free form of a stage label: lower case, without `_`, `-` or white space. */
export function stageLabelKey(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/gu, '');
}

/**
 * The stage a label names: its exact key first, then a key, then a display name written in any
 * common spelling; undefined for a blank label or one that names no stage.
 */
export function findCareerStage<S extends { key: string; name: string }>(
  stages: ReadonlyArray<S>,
  label: string,
): S | undefined {
  const exact = stages.find((s) => s.key === label);
  if (exact) return exact;
  const wanted = stageLabelKey(label);
  if (!wanted) return undefined;
  return (
    stages.find((s) => stageLabelKey(s.key) === wanted) ??
    stages.find((s) => stageLabelKey(s.name) === wanted)
  );
}
