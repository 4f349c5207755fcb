import type { IndexedComment } from './campaign-index.ts';
import { RATER_GROUPS, type RaterGroup } from './policy.ts';
import { hashString, seededShuffle } from './shuffle.ts';
import type { CommentBucket, ReleasedQuestionComments } from './types.ts';

export interface CommentRules {
  /** The report column each rater's comments may be grouped under; null when not in a shown column. */
  readonly columnOfRater: ReadonlyArray<RaterGroup | null>;
  /** The declared manager column, exempt from the minimum like its figures; null when none. */
  readonly exemptColumn: RaterGroup | null;
  readonly commentMinimum: number;
  readonly shuffleSeed: number;
}

/**
 * Texts of a bucket in an order that depends only on the texts and the seed. Sorting first matters:
 * callers hand comments over in submission or rater order, and a shuffle of that order with a
 * known seed could be undone.
 */
function shuffledTexts(texts: string[], question: string, bucket: string, seed: number): string[] {
  const canonical = [...texts].sort();
  return seededShuffle(canonical, hashString(`${question}\u0000${bucket}`, seed));
}

interface Bucket {
  label: RaterGroup | 'combined';
  raters: Set<number>;
  texts: string[];
}

function addTo(bucket: Bucket, comment: IndexedComment, text: string): void {
  bucket.raters.add(comment.rater);
  bucket.texts.push(text);
}

/**
 * Releases one question's comments. A shown column gets its own bucket when at least the comment
 * minimum of its raters wrote (the declared manager at any count); everyone else shares a
 * `combined` bucket that must itself reach the minimum. If that remainder is too small, grouping is
 * dropped rather than leaving a small remainder identifiable next to labelled buckets: all
 * comments except the declared manager's go to one `combined` bucket, or are withheld if even that
 * is too small.
 */
function releaseQuestion(
  question: string,
  comments: ReadonlyArray<IndexedComment>,
  rules: CommentRules,
): ReleasedQuestionComments {
  const byColumn = new Map<RaterGroup, Bucket>();
  const pending: Array<[IndexedComment, string]> = [];
  for (const comment of comments) {
    const text = comment.text.trim();
    if (text === '') continue;
    pending.push([comment, text]);
    const column = rules.columnOfRater[comment.rater] ?? null;
    if (column === null) continue;
    const bucket = byColumn.get(column) ?? { label: column, raters: new Set(), texts: [] };
    byColumn.set(column, bucket);
    addTo(bucket, comment, text);
  }
  const ownBucket = (column: RaterGroup | null): boolean => {
    if (column === null) return false;
    const bucket = byColumn.get(column);
    if (!bucket) return false;
    return column === rules.exemptColumn || bucket.raters.size >= rules.commentMinimum;
  };

  const combined: Bucket = { label: 'combined', raters: new Set(), texts: [] };
  for (const [comment, text] of pending) {
    if (!ownBucket(rules.columnOfRater[comment.rater] ?? null)) addTo(combined, comment, text);
  }
  // Column order, not the order comments arrived in, which could hint at who wrote first.
  let buckets = RATER_GROUPS.filter(ownBucket).map((column) => byColumn.get(column)!);
  let someWithheld = false;
  if (combined.raters.size > 0 && combined.raters.size < rules.commentMinimum) {
    const isExempt = (rater: number) =>
      rules.exemptColumn !== null && rules.columnOfRater[rater] === rules.exemptColumn;
    const exempt = buckets.filter((bucket) => bucket.label === rules.exemptColumn);
    const pooled: Bucket = { label: 'combined', raters: new Set(), texts: [] };
    for (const [comment, text] of pending) if (!isExempt(comment.rater)) addTo(pooled, comment, text);
    someWithheld = pooled.raters.size < rules.commentMinimum;
    buckets = someWithheld ? exempt : [...exempt, pooled];
  } else if (combined.raters.size > 0) {
    buckets.push(combined);
  }

  const released: CommentBucket[] = buckets.map((bucket) => ({
    group: bucket.label,
    texts: shuffledTexts(bucket.texts, question, bucket.label, rules.shuffleSeed),
  }));
  return { question, buckets: released, someWithheld };
}

export function releaseComments(
  questions: ReadonlyArray<string>,
  comments: ReadonlyArray<IndexedComment>,
  rules: CommentRules,
): ReleasedQuestionComments[] {
  return questions.map((question) =>
    releaseQuestion(
      question,
      comments.filter((comment) => comment.question === question),
      rules,
    ),
  );
}
