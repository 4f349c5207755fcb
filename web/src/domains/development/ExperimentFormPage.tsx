// /plan/experiments/new?focus=<id>&module=<moduleId>: a behavioural experiment for one focus area.
// With `module` the fields start from the library module's practice; the library links here with
// `module` only, so the person then picks the focus it belongs to. Dates default to today and a
// fortnight later. Server field errors show beside their fields and in a summary that takes focus.
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { ErrorSummary, lengthError, type Problem, TextField } from './form-parts.tsx';
import { LIMITS } from './limits.ts';
import type { PlanDetail } from './plan-api.ts';
import { type LibraryPractice, useAddExperiment, useCurrentPlan, useLibraryModule } from './queries.ts';
import './development.css';

/** A calendar day in the person's own time zone, as the date input shows it. */
function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function ExperimentFormPage() {
  const [query] = useSearchParams();
  const focusParam = query.get('focus');
  const moduleId = query.get('module');
  const plan = useCurrentPlan();
  const module = useLibraryModule(moduleId);
  let content: ReactNode;
  if (plan.isPending || (moduleId && module.isPending)) content = <Loading />;
  else if (plan.isError)
    content = <LoadError message={errorText(plan.error)} onRetry={() => void plan.refetch()} />;
  else if (!plan.data || plan.data.focusAreas.length === 0)
    content = (
      <Alert tone="info">
        {t('plan.experiment.new.noPlan')} <Link to="/plan/new">{t('plan.empty.start')}</Link>
      </Alert>
    );
  else
    content = (
      <>
        {moduleId && module.isError ? (
          <Alert tone="info">{t('plan.experiment.new.moduleMissing')}</Alert>
        ) : null}
        <ExperimentForm
          plan={plan.data}
          focusId={focusParam}
          moduleId={module.data ? moduleId : null}
          practice={module.data ?? null}
        />
      </>
    );
  return (
    <section className="plan plan-narrow">
      <p>
        <Link to="/plan">{t('plan.back')}</Link>
      </p>
      <PageHeading title={t('plan.experiment.new.title')} />
      <p className="lead">{t('plan.experiment.new.intro')}</p>
      {content}
    </section>
  );
}

type Field = 'focusId' | 'action' | 'situation' | 'frequency' | 'signal' | 'startDate' | 'reviewDate';
const TEXT_FIELDS = ['action', 'situation', 'frequency', 'signal'] as const;
/** The server's names for the fields whose names differ here. */
const SERVER_FIELD: Record<string, Field> = { startsOn: 'startDate', reviewOn: 'reviewDate' };

function ExperimentForm({
  plan,
  focusId,
  moduleId,
  practice,
}: {
  plan: PlanDetail;
  focusId: string | null;
  moduleId: string | null;
  practice: LibraryPractice | null;
}) {
  const prefix = useId();
  const idOf = (f: Field) => `${prefix}-${f}`;
  const navigate = useNavigate();
  const add = useAddExperiment();
  const summaryRef = useRef<HTMLDivElement>(null);
  const known = plan.focusAreas.some((f) => f.id === focusId);
  const [draft, setDraft] = useState<Record<Field, string>>({
    focusId: known
      ? focusId!
      : (plan.focusAreas.find((f) => practice?.capabilityKey && f.capabilityKey === practice.capabilityKey)
          ?.id ?? (plan.focusAreas.length === 1 ? plan.focusAreas[0]!.id : '')),
    action: practice?.practice?.action ?? '',
    situation: practice?.practice?.situation ?? '',
    frequency: practice?.practice?.frequency ?? '',
    signal: practice?.practice?.signal ?? '',
    startDate: localDay(),
    reviewDate: localDay(14),
  });
  const [server, setServer] = useState<Partial<Record<Field, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<{ message: string; problems: Problem[]; at: number } | null>(null);

  const labels: Record<Field, string> = {
    focusId: t('plan.experiment.field.focus'),
    action: t('plan.experiment.field.action'),
    situation: t('plan.experiment.field.situation'),
    frequency: t('plan.experiment.field.frequency'),
    signal: t('plan.experiment.field.signal'),
    startDate: t('plan.experiment.field.startDate'),
    reviewDate: t('plan.experiment.field.reviewDate'),
  };
  const required = (f: Field) => t('plan.rule', { label: labels[f], rule: t('form.ruleRequired') });
  const localError = (f: Field): string | undefined => {
    const value = draft[f];
    if (submitted && !value.trim()) return required(f);
    if ((TEXT_FIELDS as readonly string[]).includes(f))
      return lengthError(labels[f], value, LIMITS[f as (typeof TEXT_FIELDS)[number]]);
    // ISO days compare as text; a review before the start is a slip the person can see at once.
    if (f === 'reviewDate' && draft.startDate && value && value < draft.startDate)
      return t('plan.rule', { label: labels.reviewDate, rule: t('plan.experiment.reviewBeforeStart') });
    return undefined;
  };
  const errorOf = (f: Field) => server[f] ?? localError(f);
  const set = (f: Field) => (value: string) => {
    setDraft((d) => ({ ...d, [f]: value }));
    setServer((s) => ({ ...s, [f]: undefined }));
  };
  const fields: Field[] = ['focusId', ...TEXT_FIELDS, 'startDate', 'reviewDate'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setSubmitted(true);
    setServer({});
    const problems = fields
      .map((f) => {
        const text = !draft[f].trim() ? required(f) : f === 'focusId' ? undefined : localError(f);
        return text ? { target: idOf(f), text } : null;
      })
      .filter((p): p is Problem => p !== null);
    if (problems.length) {
      setSummary({ message: t('plan.experiment.errorSummary'), problems, at: Date.now() });
      return;
    }
    try {
      await add.mutateAsync({
        focusId: draft.focusId,
        action: draft.action.trim(),
        situation: draft.situation.trim(),
        frequency: draft.frequency.trim(),
        signal: draft.signal.trim(),
        startsOn: draft.startDate,
        reviewOn: draft.reviewDate,
        sourceModuleId: moduleId,
      });
      navigate(`/plan#focus-${encodeURIComponent(draft.focusId)}`);
    } catch (error) {
      const mapped: Partial<Record<Field, string>> = {};
      const problems: Problem[] = [];
      for (const [path, rule] of Object.entries(error instanceof ApiError ? error.fields : {})) {
        const top = path.split('.')[0]!;
        const f = (SERVER_FIELD[top] ?? top) as Field;
        if (fields.includes(f)) {
          mapped[f] = t('plan.rule', { label: labels[f], rule });
          problems.push({ target: idOf(f), text: mapped[f] });
        } else problems.push({ target: '', text: `${path}: ${rule}` });
      }
      setServer(mapped);
      setSummary({
        message: problems.length ? t('plan.experiment.errorSummary') : errorText(error),
        problems,
        at: Date.now(),
      });
    }
  };

  const focusError = errorOf('focusId');
  return (
    <form className="stack card" onSubmit={(e) => void submit(e)} noValidate>
      {summary ? (
        <ErrorSummary
          key={summary.at}
          title={t('plan.experiment.errorSummary')}
          message={summary.message}
          problems={summary.problems}
          summaryRef={summaryRef}
        />
      ) : null}
      {practice ? (
        <div className="plan-from-library">
          <p>
            <strong>{t('plan.experiment.new.fromLibrary', { title: practice.title })}</strong>
          </p>
          <p className="hint">{t('plan.experiment.new.fromLibraryHint')}</p>
        </div>
      ) : null}
      <div className={`field${focusError ? ' field-invalid' : ''}`}>
        <label htmlFor={idOf('focusId')}>{labels.focusId}</label>
        {focusError ? (
          <p id={`${idOf('focusId')}-error`} className="field-error">
            <span aria-hidden="true">! </span>
            {focusError}
          </p>
        ) : null}
        <select
          id={idOf('focusId')}
          value={draft.focusId}
          aria-invalid={focusError ? true : undefined}
          aria-describedby={focusError ? `${idOf('focusId')}-error` : undefined}
          onChange={(e) => set('focusId')(e.target.value)}
        >
          <option value="">{t('plan.experiment.field.chooseFocus')}</option>
          {plan.focusAreas.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
        </select>
      </div>
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f}
          id={idOf(f)}
          label={labels[f]}
          {...(f === 'action' ? { hint: t('plan.experiment.field.actionHint') } : {})}
          error={errorOf(f)}
          value={draft[f]}
          required
          multiline={f !== 'frequency'}
          onChange={set(f)}
        />
      ))}
      <div className="form-grid">
        {(['startDate', 'reviewDate'] as const).map((f) => (
          <TextField
            key={f}
            id={idOf(f)}
            type="date"
            label={labels[f]}
            error={errorOf(f)}
            value={draft[f]}
            required
            onChange={set(f)}
          />
        ))}
      </div>
      <div className="form-actions">
        <Button type="submit" busy={add.isPending} busyLabel={t('form.saving')}>
          {t('plan.experiment.save')}
        </Button>
      </div>
    </form>
  );
}
