// The steps of the self-assessment and where each lives in the URL (`?page=3`, `?page=review`),
// shared by the page, its intro and the questionnaire.
import type { AssessmentForm } from '../../api.ts';

export const BASE = '/assessment';
export const pageHref = (index: number) => `${BASE}?page=${index + 1}`;
export const REVIEW_HREF = `${BASE}?page=review`;

export type Step = { kind: 'intro' } | { kind: 'page'; index: number } | { kind: 'review' };

export function stepOf(query: URLSearchParams, pages: number): Step {
  const page = query.get('page');
  if (page === 'review') return { kind: 'review' };
  const n = Number.parseInt(page ?? '', 10);
  if (!Number.isFinite(n)) return { kind: 'intro' };
  return { kind: 'page', index: Math.min(Math.max(n, 1), Math.max(pages, 1)) - 1 };
}

export type Answers = Readonly<Record<string, number | null>>;

export const isAnswered = (answers: Answers, key: string) => Object.hasOwn(answers, key);

/** Where to continue: the first page with a question left, or the review when all are answered. */
export function resumeHref(form: AssessmentForm): string {
  const index = form.pages.findIndex((p) => p.items.some((item) => !isAnswered(form.answers, item.key)));
  return index === -1 ? REVIEW_HREF : pageHref(index);
}

export const countAnswered = (form: AssessmentForm, answers: Answers) =>
  form.pages.reduce((n, p) => n + p.items.filter((item) => isAnswered(answers, item.key)).length, 0);
