// The manage/lead balance an organisation expects at each career stage, which every profile is
// compared with. Admins enter whole percentages of leading (what people think in); the API takes
// shares from 0 to 1. An empty field means "no expectation" for that stage.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, type StageBalanceList } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, focusFirstInvalid, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText, fieldRule } from '../../ui/errors.ts';
import { formatShare } from '../../ui/format.ts';
import { SplitBar } from '../assessments/charts.tsx';
import { FrameworkAdminNav } from './FrameworkAdminNav.tsx';
import { useStageBalance, useUpdateStageBalance } from './queries.ts';

export function StageBalancePage() {
  const list = useStageBalance();
  return (
    <section>
      <FrameworkAdminNav />
      <PageHeading title={t('balanceAdmin.title')} />
      <p className="lead">{t('balanceAdmin.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <BalanceForm initial={list.data} />
      )}
    </section>
  );
}

const percentOf = (share: number | null) => (share === null ? '' : String(Math.round(share * 100)));

/** A whole number of percent from 0 to 100, or blank; anything else is a rule broken. */
function parsePercent(text: string): { ok: true; share: number | null } | { ok: false; rule: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, share: null };
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, rule: t('balanceAdmin.ruleWhole') };
  const n = Number(trimmed);
  if (n > 100) return { ok: false, rule: t('balanceAdmin.ruleRange') };
  return { ok: true, share: n / 100 };
}

function BalanceForm({ initial }: { initial: StageBalanceList }) {
  const form = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState(() =>
    [...initial]
      .sort((a, b) => a.stage.position - b.stage.position)
      .map((r) => ({ stage: r.stage, text: percentOf(r.leadShare) })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdateStageBalance();
  const busy = update.isPending;

  // Errors name the stage, which is what the person sees as the field's label.
  const labelOf = (stageName: string) => stageName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    const local: Record<string, string> = {};
    const stages: { stageId: string; leadShare: number | null }[] = [];
    for (const row of rows) {
      const parsed = parsePercent(row.text);
      if (parsed.ok) stages.push({ stageId: row.stage.id, leadShare: parsed.share });
      else local[row.stage.id] = fieldRule(labelOf(row.stage.name), parsed.rule);
    }
    setErrors(local);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    setFormError(null);
    try {
      const next = await update.mutateAsync({ stages });
      setRows(
        [...next]
          .sort((a, b) => a.stage.position - b.stage.position)
          .map((r) => ({ stage: r.stage, text: percentOf(r.leadShare) })),
      );
      setSaved(true);
    } catch (error) {
      // The server names fields as `stages.<index>.leadShare`: map them back to the stage's field.
      const fields: Record<string, string> = {};
      const other: string[] = [];
      if (error instanceof ApiError) {
        for (const [path, rule] of Object.entries(error.fields)) {
          const index = /^stages\.(\d+)\./.exec(path)?.[1];
          const stage = index === undefined ? undefined : stages[Number(index)];
          const row = stage && rows.find((r) => r.stage.id === stage.stageId);
          if (row) fields[row.stage.id] ??= fieldRule(labelOf(row.stage.name), rule);
          else other.push(`${path}: ${rule}`);
        }
      }
      setErrors(fields);
      setFormError([errorText(error), ...other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="card stack balance-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">{t('balanceAdmin.saved')}</Alert> : null}
      <div className="balance-head" aria-hidden="true">
        <span>{t('balanceAdmin.colStage')}</span>
        <span>{t('balanceAdmin.colLead')}</span>
        <span>{t('balanceAdmin.colSplit')}</span>
      </div>
      <ul className="balance-rows">
        {rows.map((row, i) => {
          const parsed = parsePercent(row.text);
          const share = parsed.ok ? parsed.share : null;
          const id = `stage-${row.stage.id}`;
          const error = errors[row.stage.id];
          const describedBy = [error ? `${id}-error` : null, parsed.ok ? `${id}-hint` : null]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={row.stage.id} className="balance-admin-row">
              <label htmlFor={id} className="balance-stage">
                {row.stage.name}
                <span className="visually-hidden">{t('balanceAdmin.fieldSuffix')}</span>
              </label>
              <span className="percent-input">
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={row.text}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy || undefined}
                  onChange={(e) => {
                    const text = e.target.value;
                    setRows((all) => all.map((r, j) => (j === i ? { ...r, text } : r)));
                  }}
                />
                <span aria-hidden="true">%</span>
              </span>
              <div className="balance-preview">
                {share === null ? null : <SplitBar leadShare={share} />}
                {parsed.ok ? (
                  <p id={`${id}-hint`} className="hint">
                    {share === null
                      ? t('balanceAdmin.notSet')
                      : t('balanceAdmin.preview', {
                          manage: formatShare(1 - share),
                          lead: formatShare(share),
                        })}
                  </p>
                ) : null}
              </div>
              {error ? (
                <p id={`${id}-error`} className="field-error balance-error">
                  <span aria-hidden="true">! </span>
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('balanceAdmin.hint')}</p>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('balanceAdmin.save')}
        </Button>
      </div>
    </form>
  );
}
