import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_COLUMNS } from '../../../../src/identity/people/contracts.ts';
import type { CareerStage, ImportResult } from '../../api.ts';
import { formatNumber, t, tn } from '../../i18n/index.ts';
import { Alert, Button, Field, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useCareerStages, useImportPeople } from './queries.ts';

/** The server's own column list (its contracts are in the bundle anyway, with the endpoints). */
const COLUMNS = IMPORT_COLUMNS;
const PREVIEW_ROWS = 100;

/** A sample that imports cleanly into this organisation: it uses its own career stage keys. */
function sampleCsv(stages: CareerStage[]): string {
  const sorted = [...stages].sort((a, b) => a.position - b.position);
  const pick = (i: number) => sorted[Math.min(i, sorted.length - 1)]?.key ?? 'individual-contributor';
  const rows = [
    [...COLUMNS],
    ['alex.morgan@example.com', 'Alex Morgan', pick(3), 'Product', '', 'participant;admin', 'yes'],
    [
      'sam.lee@example.com',
      'Sam Lee',
      pick(2),
      'Product / Discovery',
      'alex.morgan@example.com',
      'participant;coach',
      'yes',
    ],
    [
      'jo.park@example.com',
      'Jo Park',
      pick(0),
      'Product / Discovery',
      'sam.lee@example.com',
      'participant',
      '',
    ],
    ['rene.dubois@example.com', 'René Dubois', pick(1), '', 'alex.morgan@example.com', '', ''],
  ];
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 1024 / 102.4) / 10)} MB`;
}

export function ImportPage() {
  const stages = useCareerStages();
  const stageList = stages.data ?? [];

  return (
    <section className="import-page">
      <PageHeading title={t('import.title')} />
      <p className="lead">{t('import.intro')}</p>
      <div className="grid-import">
        <ImportForm />
        <ColumnsHelp stages={stageList} />
      </div>
    </section>
  );
}

function ColumnsHelp({ stages }: { stages: CareerStage[] }) {
  const csv = useMemo(() => sampleCsv(stages), [stages]);
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [csv]);
  const example = stages.length
    ? [...stages]
        .sort((a, b) => a.position - b.position)
        .slice(0, 2)
        .map((s) => s.key)
        .join(', ')
    : 'individual-contributor';

  const meaning: Record<(typeof COLUMNS)[number], string> = {
    email: t('import.col.email'),
    name: t('import.col.name'),
    career_stage: t('import.col.career_stage', { example }),
    team: t('import.col.team'),
    manager_email: t('import.col.manager_email'),
    roles: t('import.col.roles'),
    leads_team: t('import.col.leads_team'),
  };

  return (
    <section className="card columns-help" aria-labelledby="import-columns">
      <h2 id="import-columns">{t('import.columnsTitle')}</h2>
      <p>{t('import.columnsIntro')}</p>
      <table className="table table-compact">
        <caption className="visually-hidden">{t('import.columnsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.column')}</th>
            <th scope="col">{t('import.col.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS.map((c) => (
            <tr key={c}>
              <th scope="row">
                <code>{c}</code>
              </th>
              <td>{meaning[c]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {href ? (
        <p>
          <a href={href} download="lodestar-people-sample.csv" className="button button-secondary">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
            {t('import.sample')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

type Busy = 'check' | 'import' | null;

function ImportForm() {
  const importPeople = useImportPeople();
  const ids = { skip: useId(), blocked: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  // The checked bytes are the ones imported, even if the file on disk changes in between.
  const [checked, setChecked] = useState<{ bytes: Blob; result: ImportResult } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  const focusResult = () => requestAnimationFrame(() => resultHeading.current?.focus());

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setChecked(null);
    setImported(null);
    setSkipInvalid(false);
    setError(null);
    setFileError(undefined);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(t('import.chooseFirst'));
      fileInput.current?.focus();
      return;
    }
    setBusy('check');
    setError(null);
    setImported(null);
    try {
      const bytes = new Blob([await file.arrayBuffer()], { type: 'text/csv' });
      const result = await importPeople.mutateAsync({ file: bytes, dryRun: true, skipInvalid: false });
      setChecked({ bytes, result });
      setSkipInvalid(false);
      focusResult();
    } catch (e) {
      setChecked(null);
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const hasErrors = (checked?.result.errors.length ?? 0) > 0;
  // With every row invalid, "skip the invalid rows" would import nobody: it is not offered.
  const noValidRows = checked !== null && validRows(checked.result) === 0;
  const canImport = checked !== null && (!hasErrors || skipInvalid) && !noValidRows && !imported;

  const runImport = async () => {
    if (busy || !checked || !canImport) return;
    setBusy('import');
    setError(null);
    try {
      const result = await importPeople.mutateAsync({
        file: checked.bytes,
        dryRun: false,
        skipInvalid: hasErrors && skipInvalid,
      });
      setImported(result);
      focusResult();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="stack import-form">
      <form onSubmit={check} noValidate className="card stack">
        <Field
          label={t('import.file')}
          hint={
            file
              ? t('import.fileSelected', { name: file.name, size: formatSize(file.size) })
              : t('import.fileHint')
          }
          error={fileError}
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              name="file"
              accept=".csv,text/csv"
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <div className="form-actions">
          <Button
            type="submit"
            variant={checked ? 'secondary' : 'primary'}
            busy={busy === 'check'}
            busyLabel={t('import.checking')}
          >
            {t('import.check')}
          </Button>
        </div>
      </form>

      {error ? <Alert tone="error">{error}</Alert> : null}

      {imported ? (
        <section className="card stack" aria-labelledby="import-result">
          <h2 id="import-result" ref={resultHeading} tabIndex={-1}>
            {t('import.resultTitle')}
          </h2>
          <Outcome result={imported} />
          <Summary result={imported} />
          {imported.errors.length ? <ErrorTable errors={imported.errors} /> : null}
          <p>
            <Link to="/people">{t('import.viewPeople')}</Link>
          </p>
        </section>
      ) : checked ? (
        <section className="card stack" aria-labelledby="import-check">
          <h2 id="import-check" ref={resultHeading} tabIndex={-1}>
            {t('import.checkTitle')}
          </h2>
          {hasErrors ? (
            <Alert tone="error">
              {tn('import.checkErrors', checked.result.errors.length, {
                count: checked.result.errors.length,
                rows: checked.result.rows,
              })}
            </Alert>
          ) : (
            <Alert tone="success">
              {tn('import.checkOk', checked.result.rows, { rows: checked.result.rows })}
            </Alert>
          )}
          <Summary result={checked.result} />
          {hasErrors ? <ErrorTable errors={checked.result.errors} /> : null}
          <Preview result={checked.result} />

          <div className="import-confirm stack">
            {hasErrors && !noValidRows ? (
              <div className="checkbox">
                <input
                  id={ids.skip}
                  type="checkbox"
                  checked={skipInvalid}
                  aria-describedby={`${ids.skip}-hint`}
                  onChange={(e) => setSkipInvalid(e.target.checked)}
                />
                <label htmlFor={ids.skip}>
                  {t('import.skipInvalid')}
                  <span id={`${ids.skip}-hint`} className="hint">
                    {t('import.skipInvalidHint')}
                  </span>
                </label>
              </div>
            ) : null}
            {!canImport ? (
              <p id={ids.blocked} className="hint">
                {noValidRows ? t('import.blockedNoValidRows') : t('import.blocked')}
              </p>
            ) : null}
            <div className="form-actions">
              <Button
                onClick={runImport}
                disabled={!canImport}
                aria-describedby={!canImport ? ids.blocked : undefined}
                busy={busy === 'import'}
                busyLabel={t('import.running')}
              >
                {t('import.run')}
              </Button>
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}

const validRows = ({ changes }: ImportResult) => changes.create + changes.update + changes.unchanged;

/** What the import did, in words: all of it, part of it (rows skipped), nothing to change, or nothing. */
function Outcome({ result }: { result: ImportResult }) {
  const { create, update, skipped } = result.changes;
  const counts = { created: create, updated: update, skipped };
  if (!result.applied) return <Alert tone="error">{t('import.notApplied')}</Alert>;
  if (skipped > 0 && validRows(result) === 0)
    return <Alert tone="error">{tn('import.allSkipped', skipped, counts)}</Alert>;
  if (skipped > 0) return <Alert tone="info">{tn('import.partial', skipped, counts)}</Alert>;
  if (create + update === 0) return <Alert tone="info">{t('import.nothingChanged')}</Alert>;
  return <Alert tone="success">{t('import.applied', counts)}</Alert>;
}

function Summary({ result }: { result: ImportResult }) {
  const { changes } = result;
  const items: [string, number][] = [
    [t('import.summary.create'), changes.create],
    [t('import.summary.update'), changes.update],
    [t('import.summary.unchanged'), changes.unchanged],
  ];
  if (changes.skipped) items.push([t('import.summary.skipped'), changes.skipped]);
  return (
    <dl className="summary">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
      <div className="summary-wide">
        <dt>{t('import.summary.newTeams')}</dt>
        <dd className="summary-teams">
          {changes.newTeams.length ? (
            changes.newTeams.join(', ')
          ) : (
            <span className="muted">{t('import.noNewTeams')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

function ErrorTable({ errors }: { errors: ImportResult['errors'] }) {
  const captionId = useId();
  return (
    <ScrollTable labelledBy={captionId}>
      <table className="table table-compact table-errors">
        <caption id={captionId}>
          {tn('import.errorsCaption', errors.length, { count: errors.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('import.errors.line')}</th>
            <th scope="col">{t('import.errors.column')}</th>
            <th scope="col">{t('import.errors.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            // Several problems can share a line and column; the index keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
            <tr key={`${e.line}-${e.column}-${i}`}>
              <td className="num">{e.line}</td>
              <td>
                <code>{e.column}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Preview({ result }: { result: ImportResult }) {
  const captionId = useId();
  if (result.preview.length === 0) return null;
  const rows = result.preview.slice(0, PREVIEW_ROWS);
  return (
    <>
      <ScrollTable labelledBy={captionId} className="table-scroll-short">
        <table className="table table-compact">
          <caption id={captionId}>{t('import.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.preview.line')}</th>
              <th scope="col">{t('import.preview.action')}</th>
              <th scope="col">{t('import.preview.email')}</th>
              <th scope="col">{t('import.preview.name')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>
                  <span className={`action action-${r.action}`}>{t(`import.action.${r.action}`)}</span>
                </td>
                <td className="nowrap">{r.email}</td>
                <td>{r.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {result.preview.length > rows.length ? (
        <p className="hint">
          {t('import.previewMore', { shown: rows.length, total: result.preview.length })}
        </p>
      ) : null}
    </>
  );
}
