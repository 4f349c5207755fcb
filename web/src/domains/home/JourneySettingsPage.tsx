// /admin/journey: the organisation's journey thresholds — how old self-knowledge may be (whole
// months) and how recent a reflection or check-in must be (days). The form checks the same ranges
// as the server (constants.ts) so the rule shows before a round trip; the server decides.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { KNOWLEDGE_MONTHS_RANGE, LEADERSHIP_DAYS_RANGE } from '../../../../src/domains/home/constants.ts';
import type { JourneySettings } from '../../../../src/domains/home/contracts.ts';
import { homeApi } from '../../../../src/domains/home/endpoints.ts';
import { ApiError, call } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import {
  Alert,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
} from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { homeKeys } from './queries.ts';

type Setting = keyof JourneySettings;
const RANGES: Record<Setting, { min: number; max: number }> = {
  knowledgeMonths: KNOWLEDGE_MONTHS_RANGE,
  leadershipDays: LEADERSHIP_DAYS_RANGE,
};
const SETTINGS = Object.keys(RANGES) as Setting[];
const settingsKey = ['admin', 'journey-settings'] as const;

export function JourneySettingsPage() {
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call(homeApi.journeySettings, {}) });
  let content: React.ReactNode;
  if (settings.isPending) content = <Loading />;
  else if (settings.isError)
    content = <LoadError message={errorText(settings.error)} onRetry={() => void settings.refetch()} />;
  else content = <SettingsForm initial={settings.data} />;
  return (
    <section className="stack journey-settings">
      <PageHeading title={t('journeyAdmin.title')} />
      <p className="lead">{t('journeyAdmin.intro')}</p>
      <div className="card">{content}</div>
    </section>
  );
}

function SettingsForm({ initial }: { initial: JourneySettings }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: JourneySettings) => call(homeApi.updateJourneySettings, { body }),
    onSuccess: async (saved) => {
      client.setQueryData(settingsKey, saved);
      await client.invalidateQueries({ queryKey: homeKeys.home });
    },
  });
  const [values, setValues] = useState<Record<Setting, string>>({
    knowledgeMonths: String(initial.knowledgeMonths),
    leadershipDays: String(initial.leadershipDays),
  });
  const [errors, setErrors] = useState<Partial<Record<Setting, string>>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const label = (s: Setting) => t(`journeyAdmin.${s}`);
  const rule = (s: Setting) => t('journeyAdmin.rule', { label: label(s), ...RANGES[s] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: Partial<Record<Setting, string>> = {};
    const parsed: Partial<Record<Setting, number>> = {};
    for (const s of SETTINGS) {
      const n = Number(values[s]);
      if (values[s].trim() === '' || !Number.isInteger(n) || n < RANGES[s].min || n > RANGES[s].max)
        found[s] = rule(s);
      else parsed[s] = n;
    }
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) {
      setMessage({ tone: 'error', text: t('form.fixErrors') });
      focusFirstInvalid(form);
      return;
    }
    try {
      await save.mutateAsync({
        knowledgeMonths: parsed.knowledgeMonths!,
        leadershipDays: parsed.leadershipDays!,
      });
      setMessage({ tone: 'success', text: t('journeyAdmin.saved') });
    } catch (e) {
      if (e instanceof ApiError) {
        const server: Partial<Record<Setting, string>> = {};
        for (const [path, r] of Object.entries(e.fields))
          if ((SETTINGS as string[]).includes(path))
            server[path as Setting] = `${label(path as Setting)} ${r}`;
        setErrors(server);
        focusFirstInvalid(form);
      }
      setMessage({ tone: 'error', text: errorText(e) });
    }
  };

  return (
    <form ref={setForm} noValidate onSubmit={(e) => void submit(e)} className="stack">
      {message?.tone === 'error' ? <Alert tone="error">{message.text}</Alert> : null}
      {SETTINGS.map((s) => (
        <Field key={s} label={label(s)} hint={t(`journeyAdmin.${s}.hint`, RANGES[s])} error={errors[s]}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={RANGES[s].min}
              max={RANGES[s].max}
              step={1}
              value={values[s]}
              onChange={(e) => setValues((v) => ({ ...v, [s]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel={t('form.saving')}>
          {t('journeyAdmin.save')}
        </Button>
      </div>
      {message?.tone === 'success' ? <Alert tone="success">{message.text}</Alert> : null}
    </form>
  );
}
