// Comments on a plan from the manager or coach it is shared with: the list (owner and readers),
// and the form (readers only), which can be about the whole plan or one shared focus area.
import { type FormEvent, useId, useRef, useState } from 'react';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { errorText, splitFieldErrors } from '../../ui/errors.ts';
import { lengthError } from './form-parts.tsx';
import { LIMITS } from './limits.ts';
import type { Comment, FocusArea } from './plan-api.ts';
import { useAddComment } from './queries.ts';

export function CommentList({ comments }: { comments: Comment[] }) {
  if (comments.length === 0) return <p className="muted">{t('plan.comments.none')}</p>;
  return (
    <ul className="plan-comments">
      {comments.map((c) => (
        <li key={c.id} className="plan-comment">
          <p className="plan-comment-by">
            {t('plan.comments.by', {
              name: c.author.name,
              date: formatDateTime(c.createdAt),
            })}
          </p>
          <p className="plan-comment-body">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

export function CommentForm({
  planId,
  owner,
  focusAreas,
  whole,
}: {
  planId: string;
  owner: string;
  focusAreas: FocusArea[];
  /** Comments on the plan as a whole need the whole plan shared; otherwise one focus is chosen. */
  whole: boolean;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const add = useAddComment(planId);
  const [body, setBody] = useState('');
  const [focusId, setFocusId] = useState(whole ? '' : (focusAreas[0]?.id ?? ''));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setMessage(null);
    if (!body.trim()) {
      setFieldError(t('plan.rule', { label: t('plan.comments.add'), rule: t('form.ruleRequired') }));
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    if (body.length > LIMITS.comment) {
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    setFieldError(null);
    add.mutate(
      { body: body.trim(), focusId: focusId || null },
      {
        onSuccess: () => {
          setBody('');
          setMessage({ tone: 'success', text: t('plan.comments.sent') });
        },
        onError: (error) => {
          const split = splitFieldErrors(error, { body: t('plan.comments.add') });
          setFieldError(split.fields.body ?? null);
          setMessage({ tone: 'error', text: [errorText(error), ...split.other].join(' ') });
          if (split.fields.body) document.getElementById(`${id}-body`)?.focus();
        },
      },
    );
  };

  return (
    <form ref={form} className="stack plan-comment-form" onSubmit={submit} noValidate>
      {focusAreas.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-about`}>{t('plan.comments.about')}</label>
          <select id={`${id}-about`} value={focusId} onChange={(e) => setFocusId(e.target.value)}>
            {whole ? <option value="">{t('plan.comments.aboutPlan')}</option> : null}
            {focusAreas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={`field${fieldError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>{t('plan.comments.add')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('plan.comments.addHint', { name: owner })}
        </p>
        {fieldError ? (
          <p id={`${id}-error`} className="field-error">
            <span aria-hidden="true">! </span>
            {fieldError}
          </p>
        ) : null}
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setFieldError(lengthError(t('plan.comments.add'), e.target.value, LIMITS.comment) ?? null);
          }}
          aria-describedby={fieldError ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={fieldError ? true : undefined}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={add.isPending} busyLabel={t('form.saving')}>
          {t('plan.comments.send')}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
