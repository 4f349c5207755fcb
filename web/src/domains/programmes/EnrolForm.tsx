// Enrolling people in a programme: by team (with sub-teams or not), career stage, a manager's line,
// one person, or a CSV of emails (all or nothing, with the server's error per row).
import { type FormEvent, useState } from 'react';
import type { EnrolResult } from '../../../../src/domains/programmes/contracts.ts';
import { ApiError } from '../../api.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { Alert, Button, Field, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useCareerStages, usePeople, useTeams } from '../people/queries.ts';
import { useEnrol, useEnrolCsv } from './queries.ts';

const WAYS = ['team', 'stage', 'line', 'person', 'csv'] as const;
type Way = (typeof WAYS)[number];

export function EnrolForm({ programmeId }: { programmeId: string }) {
  const teams = useTeams();
  const stages = useCareerStages();
  const people = usePeople();
  const enrol = useEnrol(programmeId);
  const enrolCsv = useEnrolCsv(programmeId);
  const [way, setWay] = useState<Way>('team');
  const [choice, setChoice] = useState('');
  const [subTeams, setSubTeams] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<EnrolResult | null>(null);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const busy = enrol.isPending || enrolCsv.isPending;

  const options: { id: string; name: string }[] =
    way === 'team' ? (teams.data ?? []) : way === 'stage' ? (stages.data ?? []) : (people.data?.items ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setError(null);
    try {
      const picked = choice || options[0]?.id || '';
      const r =
        way === 'csv'
          ? await enrolCsv.mutateAsync(file ?? new Blob([]))
          : await enrol.mutateAsync(
              way === 'team'
                ? { by: 'team', teamId: picked, includeSubTeams: subTeams }
                : way === 'stage'
                  ? { by: 'stage', careerStageId: picked }
                  : way === 'line'
                    ? { by: 'line', managerId: picked }
                    : { by: 'person', personIds: [picked] },
            );
      setResult(r);
    } catch (e) {
      setError({ text: errorText(e), fields: e instanceof ApiError ? e.fields : {} });
    }
  };

  const label =
    way === 'team'
      ? t('programme.team')
      : way === 'stage'
        ? t('programme.stage')
        : way === 'line'
          ? t('programme.manager')
          : t('programme.person');
  const fieldError = error?.fields.teamId ?? error?.fields.careerStageId ?? error?.fields.managerId;

  return (
    <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <Alert tone="error">{error.text}</Alert> : null}
      <Field label={t('programme.enrolBy')}>
        {(props) => (
          <select
            {...props}
            value={way}
            onChange={(e) => {
              setWay(e.target.value as Way);
              setChoice('');
            }}
          >
            {WAYS.map((w) => (
              <option key={w} value={w}>
                {t(`programme.by.${w}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {way === 'csv' ? (
        <Field label={t('programme.csvFile')} error={error?.fields.file}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
      ) : (
        <Field label={label} error={fieldError}>
          {(props) => (
            <select
              {...props}
              value={choice || options[0]?.id || ''}
              onChange={(e) => setChoice(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {way === 'team' ? (
        <label className="checkbox">
          <input type="checkbox" checked={subTeams} onChange={(e) => setSubTeams(e.target.checked)} />{' '}
          {t('programme.subTeams')}
        </label>
      ) : null}
      <div>
        <Button type="submit" busy={busy} busyLabel={t('programme.enrolling')}>
          {t('programme.enrol')}
        </Button>
      </div>
      {result?.applied ? (
        <Alert tone="success">
          {t('programme.enrolled', {
            enrolled: formatNumber(result.enrolled),
            already: formatNumber(result.already),
            launched: formatNumber(result.launched),
          })}
        </Alert>
      ) : null}
      {result && !result.applied ? (
        <div className="stack">
          <Alert tone="error">{t('programme.csvErrors')}</Alert>
          <ScrollTable labelledBy="enrol-errors">
            <table className="table table-compact">
              <caption id="enrol-errors">{t('programme.csvErrors')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programme.col.line')}</th>
                  <th scope="col">{t('programme.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${e.line}-${e.column}`}>
                    <td>{e.line}</td>
                    <td>
                      {e.column}: {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      ) : null}
    </form>
  );
}
