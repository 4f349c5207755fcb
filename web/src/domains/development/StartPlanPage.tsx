// /plan/new: start a plan. The ranked suggestions (with their reasons worded), any capability of
// the framework or the person's own focus; 1–3 of them; then goal, why and optional links for
// each. Rules the server shares are checked as the person types; the server's field errors are
// shown beside their fields and listed in a summary that takes focus.
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { locale, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { type DetailField, type Details, detailId, emptyDetails, FocusDetails } from './focus-details.tsx';
import { ErrorSummary, lengthError, type Problem, TextField } from './form-parts.tsx';
import { FOCUS_MAX, FOCUS_MIN, LIMITS, SUGGESTION_REASON_MAX } from './limits.ts';
import type { FocusCreate, FocusSuggestion } from './plan-api.ts';
import {
  useAlignment,
  useCurrentPlan,
  useFrameworkCapabilities,
  useStartPlan,
  useSuggestions,
} from './queries.ts';
import { reasonText } from './reasons.ts';
import { serverProblems } from './start-plan-errors.ts';
import { type Capability, type Choice, SuggestionPicker } from './suggestion-picker.tsx';
import './development.css';

export function StartPlanPage() {
  const suggestions = useSuggestions();
  const capabilities = useFrameworkCapabilities();
  const alignment = useAlignment();
  const current = useCurrentPlan();
  const queries = [suggestions, capabilities, alignment, current];
  const failed = queries.find((q) => q.isError);
  let content: ReactNode;
  if (failed)
    content = (
      <LoadError
        message={errorText(failed.error)}
        onRetry={() => {
          for (const q of queries) if (q.isError) void q.refetch();
        }}
      />
    );
  else if (!suggestions.data || !capabilities.data || !alignment.data || current.isPending)
    content = <Loading />;
  else
    content = (
      <StartForm
        suggestions={suggestions.data.suggestions}
        capabilities={capabilities.data}
        goals={alignment.data.goals}
        values={alignment.data.values}
        hasCurrent={Boolean(current.data)}
      />
    );
  return (
    <section className="plan">
      <PageHeading title={t('plan.new.title')} />
      <p className="lead">{t('plan.new.intro')}</p>
      {content}
    </section>
  );
}

export interface Chosen {
  key: string;
  name: string;
  kind: FocusCreate['kind'];
  capabilityKey: string | null;
  /** The suggestion's reasons as the person read them, kept with the focus for the record. */
  reason: string | null;
}

/** A default plan title the person can change, e.g. "My plan, June 2026". */
const defaultTitle = () =>
  t('plan.new.defaultTitle', {
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date()),
  });

function StartForm({
  suggestions,
  capabilities,
  goals,
  values,
  hasCurrent,
}: {
  suggestions: FocusSuggestion[];
  capabilities: Capability[];
  goals: readonly { id: string; title: string }[];
  values: readonly { id: string; name: string }[];
  hasCurrent: boolean;
}) {
  const idPrefix = useId();
  const ids = {
    choices: `${idPrefix}-choices`,
    ownTitle: `${idPrefix}-own`,
    other: `${idPrefix}-other`,
    title: `${idPrefix}-title`,
  };
  const navigate = useNavigate();
  const start = useStartPlan();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<Choice>({ suggested: [], other: '', own: false, ownTitle: '' });
  const [details, setDetails] = useState<Record<string, Details>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<{ message: string | null; problems: Problem[]; at: number } | null>(
    null,
  );

  const [title, setTitle] = useState(defaultTitle);
  const byKey = useMemo(() => new Map(capabilities.map((c) => [c.key, c])), [capabilities]);
  const chosen: Chosen[] = [
    ...suggestions
      .filter((s) => choice.suggested.includes(s.capabilityKey))
      .map((s) => ({
        key: s.capabilityKey,
        capabilityKey: s.capabilityKey,
        name: s.name,
        kind: s.kind,
        reason: s.reasons.map((r) => reasonText(r, s.name)).join(' '),
      })),
    ...(choice.other
      ? [
          {
            key: choice.other,
            capabilityKey: choice.other,
            name: byKey.get(choice.other)?.name ?? choice.other,
            kind: byKey.get(choice.other)?.derailer ? ('derailer' as const) : ('capability' as const),
            reason: null,
          },
        ]
      : []),
    ...(choice.own
      ? [
          {
            key: 'own',
            capabilityKey: null,
            name: choice.ownTitle.trim() || t('plan.new.ownTitle'),
            kind: 'other' as const,
            reason: null,
          },
        ]
      : []),
  ];
  const detailsOf = (key: string) => details[key] ?? emptyDetails();
  const titleError = (force = false) =>
    serverErrors.title ??
    ((submitted || force) && !title.trim()
      ? t('plan.rule', { label: t('plan.new.field.planTitle'), rule: t('form.ruleRequired') })
      : lengthError(t('plan.new.field.planTitle'), title, LIMITS.planTitle));

  // Checked as the person types (count and lengths), and "required" once they tried to submit.
  const count = chosen.length;
  const countError =
    count > FOCUS_MAX
      ? t('plan.new.tooMany')
      : submitted && count < FOCUS_MIN
        ? t('plan.new.tooFew')
        : undefined;
  const ownTitleError =
    serverErrors['own.title'] ??
    (submitted && choice.own && !choice.ownTitle.trim()
      ? t('plan.rule', { label: t('plan.new.field.title'), rule: t('form.ruleRequired') })
      : lengthError(t('plan.new.field.title'), choice.ownTitle, LIMITS.title));
  const fieldErrors = (index: number, key: string): Partial<Record<DetailField, string>> => {
    const d = detailsOf(key);
    const rule = (field: DetailField, label: string) =>
      serverErrors[`${index}.${field}`] ??
      (submitted && !d[field].trim()
        ? t('plan.rule', { label, rule: t('form.ruleRequired') })
        : lengthError(label, d[field], LIMITS[field]));
    const goal = rule('goal', t('plan.new.field.goal'));
    // "Why" is the person's to fill or not (the server accepts it empty): only its length is checked.
    const why = serverErrors[`${index}.why`] ?? lengthError(t('plan.new.field.why'), d.why, LIMITS.why);
    return { ...(goal ? { goal } : {}), ...(why ? { why } : {}) };
  };

  const localProblems = (): Problem[] => {
    const problems: Problem[] = [];
    const titleProblem = titleError(true);
    if (titleProblem) problems.push({ target: ids.title, text: titleProblem });
    if (count < FOCUS_MIN) problems.push({ target: ids.choices, text: t('plan.new.tooFew') });
    if (count > FOCUS_MAX) problems.push({ target: ids.choices, text: t('plan.new.tooMany') });
    if (choice.own && !choice.ownTitle.trim())
      problems.push({
        target: ids.ownTitle,
        text: t('plan.rule', { label: t('plan.new.field.title'), rule: t('form.ruleRequired') }),
      });
    chosen.forEach((c, i) => {
      const d = detailsOf(c.key);
      for (const [field, label] of [
        ['goal', t('plan.new.field.goal')],
        ['why', t('plan.new.field.why')],
      ] as const) {
        const text =
          field === 'goal' && !d[field].trim()
            ? t('plan.rule', { label, rule: t('form.ruleRequired') })
            : lengthError(label, d[field], LIMITS[field]);
        if (text)
          problems.push({
            target: detailId(idPrefix, i, field),
            text: t('plan.new.problemIn', { focus: c.name, rule: text }),
          });
      }
    });
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (start.isPending) return;
    setSubmitted(true);
    setServerErrors({});
    const problems = localProblems();
    if (problems.length) {
      setSummary({ message: t('plan.new.errorSummary'), problems, at: Date.now() });
      return;
    }
    const focusAreas = chosen.map((c) => {
      const d = detailsOf(c.key);
      return {
        kind: c.kind,
        capabilityKey: c.capabilityKey,
        ...(c.capabilityKey ? {} : { title: choice.ownTitle.trim() }),
        goal: d.goal.trim(),
        why: d.why.trim(),
        goalIds: d.goalIds,
        valueIds: d.valueIds,
        fromSuggestion: c.reason
          ? { reason: c.reason.slice(0, SUGGESTION_REASON_MAX), source: 'suggestion' }
          : null,
      };
    });
    try {
      await start.mutateAsync({ title: title.trim(), focusAreas });
      navigate('/plan');
    } catch (error) {
      const { mapped, problems } = serverProblems(error, chosen, ids, idPrefix);
      setServerErrors(mapped);
      setSummary({
        message: problems.length ? t('plan.new.errorSummary') : errorText(error),
        problems,
        at: Date.now(),
      });
    }
  };

  return (
    <form className="stack plan-start" onSubmit={(e) => void submit(e)} noValidate>
      {hasCurrent ? <Alert tone="info">{t('plan.new.hasCurrent')}</Alert> : null}
      {summary ? (
        <ErrorSummary
          key={summary.at}
          title={t('plan.new.errorSummary')}
          message={summary.message}
          problems={summary.problems}
          summaryRef={summaryRef}
        />
      ) : null}
      <div className="card">
        <TextField
          id={ids.title}
          label={t('plan.new.field.planTitle')}
          hint={t('plan.new.planTitleHint')}
          error={titleError()}
          value={title}
          required
          onChange={setTitle}
        />
      </div>
      <SuggestionPicker
        suggestions={suggestions}
        capabilities={capabilities}
        choice={choice}
        onChange={setChoice}
        countError={countError}
        ownTitleError={ownTitleError}
        ids={ids}
      />
      <h2>{t('plan.new.details')}</h2>
      {chosen.length === 0 ? <p className="muted">{t('plan.new.detailsEmpty')}</p> : null}
      {chosen.map((c, i) => (
        <FocusDetails
          key={c.key}
          index={i}
          name={c.name}
          details={detailsOf(c.key)}
          onChange={(next) => setDetails((all) => ({ ...all, [c.key]: next }))}
          errors={fieldErrors(i, c.key)}
          goals={goals}
          values={values}
          idPrefix={idPrefix}
        />
      ))}
      <div className="form-actions">
        <Button type="submit" busy={start.isPending} busyLabel={t('plan.new.submitting')}>
          {t('plan.new.submit')}
        </Button>
      </div>
    </form>
  );
}
