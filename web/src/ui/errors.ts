import { ApiError } from '../api.ts';
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const sentence = (s: string) => {
  const text = capitalise(s.trim());
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/** A person-readable sentence for any failure: the catalogue's wording for known codes, else the server's. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    const key = `errors.${error.code}`;
    if (key in ERROR_KEYS) return t(key as ErrorKey);
    if (error.message && error.code !== 'http_error') return sentence(error.message);
    return t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '?' });
}

type ErrorKey = Exclude<Extract<MessageKey, `errors.${string}`>, 'errors.unexpected'>;
const ERROR_KEYS: Record<ErrorKey, true> = {
  'errors.network': true,
  'errors.invalid_credentials': true,
  'errors.too_many_attempts': true,
  'errors.link_expired': true,
  'errors.csrf_failed': true,
  'errors.forbidden': true,
  'errors.unauthenticated': true,
  'errors.internal': true,
};

/**
 * Splits an API error's `fields` into those the form shows beside a control (`known`) and the
 * rest, which belong in the form-level message so that no rule the server reported goes unseen.
 */
export function splitFieldErrors<F extends string>(
  error: unknown,
  labels: Record<F, string>,
): { fields: Partial<Record<F, string>>; other: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { fields, other };
  for (const [path, rule] of Object.entries(error.fields)) {
    const top = path.split('.')[0]!;
    if (top in labels) {
      const field = top as F;
      fields[field] ??= sentence(t('form.fieldError', { label: labels[field], rule }));
    } else {
      other.push(sentence(path === '(body)' ? rule : `${path}: ${rule}`));
    }
  }
  return { fields, other };
}

export const fieldRule = (label: string, rule: string): string =>
  sentence(t('form.fieldError', { label, rule }));
