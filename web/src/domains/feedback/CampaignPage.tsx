// /feedback/:id: one 360. The subject nominates raters by group and sends the list to their
// manager; the manager approves it (editing if needed); then status, deadline and response counts,
// with close / reopen / release / a deadline change as the server allows (`can`). The server decides every permission;
// the page only hides buttons that would be refused.
import { type ReactNode, useId, useRef, useState } from 'react';
import {
  NOMINATION_EMAIL_MAX,
  NOMINATION_EMAIL_PATTERN,
  NOMINATION_NAME_MAX,
} from '../../../../src/domains/feedback/constants.ts';
import { ApiError, api, type PersonSummary } from '../../api.ts';
import { Link } from '../../app/router.tsx';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import {
  Alert,
  Badge,
  Button,
  Field,
  LoadError,
  Loading,
  PageHeading,
  ScrollTable,
} from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText, fieldRule } from '../../ui/errors.ts';
import { useResource } from '../../ui/use-resource.ts';
import {
  type CampaignDetail,
  feedbackApi,
  GROUPS,
  type NominationDraft,
  type RaterGroupKey,
} from './feedback-api.ts';
import { groupInSentence, groupLabel, STATUS_TONE, statusLabel } from './labels.ts';
import './feedback.css';

export function CampaignPage({ id }: { id: string }) {
  const campaign = useResource(() => feedbackApi.campaign(id), [id]);
  const [latest, setLatest] = useState<CampaignDetail | null>(null);
  // Kept here, not in the view: a status change remounts the view, and its confirmation must survive.
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (updated: CampaignDetail, message: string | null) => {
    setLatest(updated);
    setNotice(message);
  };
  let title = t('campaign.title');
  let content: ReactNode;
  if (campaign.status === 'loading') content = <Loading />;
  else if (campaign.status === 'error') {
    const missing = campaign.error instanceof ApiError && [400, 403, 404].includes(campaign.error.status);
    content = missing ? (
      <Alert tone="error">{t('campaign.notFound')}</Alert>
    ) : (
      <LoadError message={errorText(campaign.error)} onRetry={campaign.reload} />
    );
  } else {
    // Actions answer with the updated campaign; show that until the next load.
    const detail = latest && latest.id === campaign.data.id ? latest : campaign.data;
    title =
      detail.viewerRole === 'subject'
        ? t('campaign.titleOwn')
        : t('campaign.titleFor', { name: detail.subject.name });
    content = (
      <>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <CampaignView key={detail.status} campaign={detail} onChange={changed} />
      </>
    );
  }
  return (
    <section className="feedback">
      <p className="breadcrumb">
        <Link to="/feedback">
          <span aria-hidden="true">← </span>
          {t('campaign.back')}
        </Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}

/** YYYY-MM-DD from a date input → the end of that day in the viewer's time zone, as ISO 8601. */
const endOfDay = (day: string): string => new Date(`${day}T23:59:00`).toISOString();
/** ISO 8601 → YYYY-MM-DD of that moment in the viewer's time zone (the value of a date input). */
const localDay = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function CampaignView({
  campaign,
  onChange,
}: {
  campaign: CampaignDetail;
  onChange: (c: CampaignDetail, notice: string | null) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRelease, setConfirmRelease] = useState(false);
  const [reopenDay, setReopenDay] = useState('');
  const reopenId = useId();
  const { can } = campaign;

  const act = async (name: string, run: () => Promise<CampaignDetail>, done: string) => {
    if (busy) return;
    setBusy(name);
    setError(null);
    try {
      const updated = await run();
      setConfirmRelease(false);
      onChange(updated, done);
    } catch (e) {
      // The list editor already showed a refused list beside its rows: say it once, not twice.
      if (!(e instanceof ShownError)) setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const editing =
    can.editNominations && (campaign.status === 'nominating' || campaign.status === 'awaiting_approval');

  return (
    <>
      <div className="campaign-status">
        <Badge tone={STATUS_TONE[campaign.status]}>{statusLabel(campaign.status)}</Badge>
        <span>{t('campaign.deadline', { date: formatDate(campaign.deadline) })}</span>
        <span>
          {t('campaign.progress', {
            responded: campaign.progress.responded,
            invited: campaign.progress.invited,
          })}
        </span>
      </div>
      <p className="muted">
        {t(`campaign.explain.${campaign.status}`, {
          manager: campaign.manager?.name ?? t('campaign.yourManager'),
        })}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}

      {campaign.reportAvailable ? (
        <p>
          <Link className="button button-primary" to={`/feedback/${encodeURIComponent(campaign.id)}/report`}>
            {t('campaign.seeReport')}
          </Link>
        </p>
      ) : null}

      {campaign.warnings.length ? (
        <section className="alert alert-info" aria-labelledby="c-warnings">
          <h2 id="c-warnings" className="alert-title">
            {t('campaign.warningsTitle')}
          </h2>
          <ul>
            {campaign.warnings.map((w) => (
              <li key={`${w.field}-${w.code}`}>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {editing ? (
        <NominationEditor
          campaign={campaign}
          onSaved={(c) => onChange(c, null)}
          actions={(save) => (
            <>
              {can.submitNominations ? (
                <Button
                  busy={busy === 'submit'}
                  busyLabel={t('campaign.sending')}
                  onClick={() =>
                    void act(
                      'submit',
                      async () => {
                        await save();
                        return feedbackApi.submitNominations(campaign.id);
                      },
                      t('campaign.submitted'),
                    )
                  }
                >
                  {campaign.approvalRequired && campaign.manager
                    ? t('campaign.submitToManager', { name: campaign.manager.name })
                    : t('campaign.submitAndInvite')}
                </Button>
              ) : null}
              {can.approve ? (
                <Button
                  busy={busy === 'approve'}
                  busyLabel={t('campaign.sending')}
                  onClick={() =>
                    void act(
                      'approve',
                      async () => feedbackApi.approve(campaign.id, await save()),
                      t('campaign.approved'),
                    )
                  }
                >
                  {t('campaign.approve')}
                </Button>
              ) : null}
            </>
          )}
        />
      ) : (
        <>
          <Progress campaign={campaign} />
          {campaign.nominations.length ? (
            <NominationList campaign={campaign} canResend={can.resendInvitations} />
          ) : null}
        </>
      )}

      {can.close || can.reopen || can.release || can.changeDeadline ? (
        <section className="card campaign-actions" aria-labelledby="c-actions">
          <h2 id="c-actions">{t('campaign.actionsTitle')}</h2>
          {can.changeDeadline ? (
            <DeadlineForm campaign={campaign} onChanged={(c) => onChange(c, null)} />
          ) : null}
          <div className="form-actions">
            {can.close ? (
              <Button
                variant="secondary"
                busy={busy === 'close'}
                onClick={() => void act('close', () => feedbackApi.close(campaign.id), t('campaign.closed'))}
              >
                {t('campaign.close')}
              </Button>
            ) : null}
            {can.release ? (
              <Button onClick={() => setConfirmRelease(true)}>{t('campaign.release')}</Button>
            ) : null}
          </div>
          {can.reopen ? (
            <form
              className="reopen-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reopenDay) {
                  setError(t('campaign.reopenNeedsDate'));
                  return;
                }
                void act(
                  'reopen',
                  () => feedbackApi.reopen(campaign.id, endOfDay(reopenDay)),
                  t('campaign.reopened'),
                );
              }}
            >
              <div className="field">
                <label htmlFor={reopenId}>{t('campaign.reopenDeadline')}</label>
                <input
                  id={reopenId}
                  type="date"
                  value={reopenDay}
                  onChange={(e) => setReopenDay(e.target.value)}
                />
              </div>
              <Button type="submit" variant="secondary" busy={busy === 'reopen'}>
                {t('campaign.reopen')}
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}

      <ConfirmDialog
        open={confirmRelease}
        title={t('campaign.releaseTitle')}
        confirmLabel={t('campaign.release')}
        cancelLabel={t('campaign.cancel')}
        busy={busy === 'release'}
        error={confirmRelease ? error : null}
        onConfirm={() =>
          void act('release', () => feedbackApi.release(campaign.id), t('campaign.releasedNotice'))
        }
        onCancel={() => setConfirmRelease(false)}
      >
        <p>{t('campaign.releaseBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * Moves the deadline of an open 360 without closing it: a date (answers until the end of that day,
 * like reopening), its error beside it, and the outcome announced next to the button.
 */
function DeadlineForm({
  campaign,
  onChanged,
}: {
  campaign: CampaignDetail;
  onChanged: (c: CampaignDetail) => void;
}) {
  const [day, setDay] = useState(() => localDay(campaign.deadline));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const hintId = useId();

  const save = async () => {
    if (busy) return;
    setDone(null);
    if (!day) {
      setError(t('campaign.changeDeadlineNeedsDate'));
      return;
    }
    if (day === localDay(campaign.deadline)) {
      setError(t('campaign.changeDeadlineUnchanged'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const updated = await feedbackApi.changeDeadline(campaign.id, endOfDay(day));
      onChanged(updated);
      setDone(t('campaign.deadlineChanged', { date: formatDate(updated.deadline) }));
    } catch (e) {
      const rule = e instanceof ApiError ? e.fields.deadline : undefined;
      setError(rule ? t('campaign.deadlineRule', { rule }) : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="deadline-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId}>{t('campaign.changeDeadline')}</h3>
      <p id={hintId} className="hint">
        {t('campaign.changeDeadlineHint')}
      </p>
      <div className="deadline-row">
        <Field label={t('campaign.changeDeadlineLabel')} error={error}>
          {(props) => (
            <input
              {...props}
              aria-describedby={[props['aria-describedby'], hintId].filter(Boolean).join(' ')}
              type="date"
              min={localDay(new Date().toISOString())}
              value={day}
              onChange={(e) => {
                setDay(e.target.value);
                setError(undefined);
                setDone(null);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" busy={busy} busyLabel={t('form.saving')}>
          {t('campaign.changeDeadlineSave')}
        </Button>
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
    </form>
  );
}

function Progress({ campaign }: { campaign: CampaignDetail }) {
  if (!campaign.groups.length) return null;
  return (
    <section aria-labelledby="c-progress">
      <h2 id="c-progress">{t('campaign.progressTitle')}</h2>
      <ScrollTable labelledBy="c-progress-caption">
        <table className="table">
          <caption id="c-progress-caption" className="visually-hidden">
            {t('campaign.progressTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.col.group')}</th>
              <th scope="col" className="num">
                {t('report.col.invited')}
              </th>
              <th scope="col" className="num">
                {t('report.col.responded')}
              </th>
              <th scope="col" className="num">
                {t('campaign.col.declined')}
              </th>
            </tr>
          </thead>
          <tbody>
            {campaign.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(g.group)}</th>
                <td className="num">{g.invited}</td>
                <td className="num">{g.responded}</td>
                <td className="num">{g.declined}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">{t('campaign.progressNote')}</p>
    </section>
  );
}

/**
 * The rater list once invitations are out; while open, with a "Resend invitation" per rater for
 * those who may manage the raters. The server answers every resend the same way whether or not the
 * rater has answered (ADR 0007), so the confirmation is the same neutral sentence for everyone.
 */
function NominationList({ campaign, canResend }: { campaign: CampaignDetail; canResend: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  // The outcome is shown on the row of the rater it is about, so it is in view where the button was.
  const [result, setResult] = useState<{ raterId: string; ok: boolean; text: string } | null>(null);

  const resend = async (raterId: string, name: string) => {
    if (busy) return;
    setBusy(raterId);
    setResult(null);
    try {
      await feedbackApi.resendInvitation(campaign.id, raterId);
      setResult({ raterId, ok: true, text: t('campaign.resent', { name }) });
    } catch (e) {
      const retryAt = e instanceof ApiError && e.code === 'resend_too_soon' ? e.fields.retryAt : undefined;
      const text = retryAt
        ? t('campaign.resendTooSoon', { name, time: formatDateTime(retryAt) })
        : errorText(e);
      setResult({ raterId, ok: false, text });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="c-raters">
      <h2 id="c-raters">{t('campaign.ratersTitle')}</h2>
      {canResend ? <p className="muted">{t('campaign.resendHint')}</p> : null}
      <div className="nomination-groups">
        {GROUPS.map((group) => {
          const list = campaign.nominations.filter((n) => n.group === group);
          if (!list.length) return null;
          return (
            <div key={group} className="card">
              <h3>{groupLabel(group)}</h3>
              <ul className="nominee-list">
                {list.map((n) => {
                  const mine = result?.raterId === n.id ? result : null;
                  return (
                    <li key={n.id} className={canResend ? 'resendable' : undefined}>
                      <span>
                        {n.name} <span className="muted nominee-email">{n.email}</span>
                      </span>
                      {canResend ? (
                        <>
                          <Button
                            variant="secondary"
                            className="resend-button"
                            aria-label={t('campaign.resendNamed', { name: n.name })}
                            busy={busy === n.id}
                            busyLabel={t('campaign.sending')}
                            onClick={() => void resend(n.id, n.name)}
                          >
                            {t('campaign.resend')}
                          </Button>
                          {/* Always present, so the confirmation is announced when it appears. */}
                          <div className="resend-note" role="status">
                            {mine?.ok ? <p className="alert alert-success">{mine.text}</p> : null}
                          </div>
                          {mine && !mine.ok ? (
                            <p className="alert alert-error resend-note" role="alert">
                              {mine.text}
                            </p>
                          ) : null}
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

interface Draft extends NominationDraft {
  /** Stable key for React: the nomination id, or a local one until the server assigns an id. */
  key: string;
}

/** A refusal the nomination editor has already shown beside its rows and in its own message. */
class ShownError extends Error {}

/**
 * What is wrong with a rater typed in by name and email, by the server's own limits
 * (src/domains/feedback/constants.ts), in words; `tooLong` problems show while typing.
 */
function nomineeProblems(name: string, email: string) {
  const nameLabel = t('campaign.field.name');
  const emailLabel = t('campaign.field.email');
  const trimmedName = name.trim();
  const trimmedEmail = email.trim();
  const tooLong = (label: string, max: number, length: number) =>
    fieldRule(label, t('campaign.rule.tooLong', { max, length }));
  return {
    name:
      trimmedName.length > NOMINATION_NAME_MAX
        ? { text: tooLong(nameLabel, NOMINATION_NAME_MAX, trimmedName.length), whileTyping: true }
        : trimmedName
          ? null
          : { text: fieldRule(nameLabel, t('form.ruleRequired')), whileTyping: false },
    email:
      trimmedEmail.length > NOMINATION_EMAIL_MAX
        ? { text: tooLong(emailLabel, NOMINATION_EMAIL_MAX, trimmedEmail.length), whileTyping: true }
        : NOMINATION_EMAIL_PATTERN.test(trimmedEmail)
          ? null
          : { text: fieldRule(emailLabel, t('form.ruleEmail')), whileTyping: false },
  };
}

let localKeys = 0;
const toDrafts = (campaign: CampaignDetail): Draft[] =>
  campaign.nominations.map((n) => ({ key: n.id, id: n.id, group: n.group, name: n.name, email: n.email }));
const payload = (drafts: Draft[]): NominationDraft[] =>
  drafts.map(({ id, group, name, email }) => ({ ...(id ? { id } : {}), group, name, email }));

/**
 * The rater list by group. Colleagues are picked from the directory, anyone else by name and email.
 * `actions` renders the submit/approve buttons, given a `save` that stores the list first (when
 * changed) and returns it.
 */
function NominationEditor({
  campaign,
  onSaved,
  actions,
}: {
  campaign: CampaignDetail;
  onSaved: (c: CampaignDetail) => void;
  actions: (save: () => Promise<NominationDraft[]>) => ReactNode;
}) {
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(campaign));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const people = useResource(() => api.people(), []);

  const update = (next: Draft[]) => {
    setDrafts(next);
    setDirty(true);
    setMessage(null);
    // A row's server error stays beside it until the row goes or the list is saved.
    setRowErrors((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([k]) => next.some((d) => d.key === k))),
    );
  };

  /** Saves the list when it changed; throws (after showing the errors) when the server refuses it. */
  const save = async (): Promise<NominationDraft[]> => {
    const body = payload(drafts);
    if (!dirty) return body;
    try {
      const updated = await feedbackApi.saveNominations(campaign.id, body);
      setDrafts(toDrafts(updated));
      setDirty(false);
      setRowErrors({});
      onSaved(updated);
      return payload(toDrafts(updated));
    } catch (e) {
      // Field paths are `nominations.<index>.<field>`: show each beside its row, in words.
      const errors: Record<string, string> = {};
      if (e instanceof ApiError) {
        for (const [path, rule] of Object.entries(e.fields)) {
          const [, index, field] = path.split('.');
          const draft = drafts[Number(index)];
          if (!draft) continue;
          const label = field === 'email' ? t('campaign.field.email') : t('campaign.field.name');
          // "(nominations.3)" points into the request body; the rows speak for themselves.
          errors[draft.key] ??= fieldRule(label, rule.replace(/\s*\(nominations\.\d+\)/g, ''));
        }
      }
      setRowErrors(errors);
      if (Object.keys(errors).length === 0) throw e;
      // One message for the list, the details beside the rows; callers show nothing more.
      setMessage({ tone: 'error', text: t('campaign.fixRows') });
      throw new ShownError(errorText(e));
    }
  };

  const saveNow = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await save();
      setMessage({ tone: 'success', text: t('campaign.saved') });
    } catch (e) {
      if (!(e instanceof ShownError)) setMessage({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const directory =
    people.status === 'ready'
      ? people.data.items.filter((p) => p.id !== campaign.subject.id && p.status !== 'disabled')
      : [];
  const taken = new Set(drafts.map((d) => d.email.toLowerCase()));

  return (
    <section aria-labelledby="c-nominate">
      <h2 id="c-nominate">{t('campaign.nominateTitle')}</h2>
      <p>{t('campaign.nominateIntro')}</p>
      <div className="nomination-groups">
        {GROUPS.map((group) => (
          <GroupEditor
            key={group}
            group={group}
            campaign={campaign}
            drafts={drafts.filter((d) => d.group === group)}
            directory={directory}
            taken={taken}
            rowErrors={rowErrors}
            onAdd={(d) => update([...drafts, { ...d, key: `new-${++localKeys}` }])}
            onRemove={(key) => update(drafts.filter((d) => d.key !== key))}
          />
        ))}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {dirty ? <p className="hint">{t('campaign.unsaved')}</p> : null}
      <div className="form-actions">
        <Button variant="secondary" busy={busy} busyLabel={t('form.saving')} onClick={() => void saveNow()}>
          {t('campaign.saveList')}
        </Button>
        {actions(save)}
      </div>
    </section>
  );
}

function GroupEditor({
  group,
  campaign,
  drafts,
  directory,
  taken,
  rowErrors,
  onAdd,
  onRemove,
}: {
  group: RaterGroupKey;
  campaign: CampaignDetail;
  drafts: Draft[];
  directory: PersonSummary[];
  taken: Set<string>;
  rowErrors: Record<string, string>;
  onAdd: (d: NominationDraft) => void;
  onRemove: (key: string) => void;
}) {
  const base = useId();
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState({ name: false, email: false });
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = nomineeProblems(name, email);
  const shownProblem = (field: 'name' | 'email') => {
    const p = problems[field];
    return p && (p.whileTyping || touched[field]) ? p.text : undefined;
  };
  const guidance = campaign.guidance.find((g) => g.group === group);
  const headingId = `${base}-heading`;
  const available = directory.filter((p) => !taken.has(p.email.toLowerCase()));
  // The manager group suggests the subject's own manager first.
  const suggested =
    group === 'manager' && campaign.manager
      ? directory.find((p) => p.id === campaign.manager!.id)
      : undefined;

  const addPerson = () => {
    const person = directory.find((p) => p.id === personId);
    if (!person) {
      setError(t('campaign.pickSomeone'));
      return;
    }
    setError(null);
    onAdd({ group, name: person.name, email: person.email });
    setPersonId('');
  };
  const addOther = () => {
    if (problems.name || problems.email) {
      setTouched({ name: true, email: true });
      setError(null);
      (problems.name ? nameInput : emailInput).current?.focus();
      return;
    }
    if (taken.has(email.trim().toLowerCase())) {
      setError(t('campaign.alreadyNominated'));
      return;
    }
    setError(null);
    onAdd({ group, name: name.trim(), email: email.trim() });
    setName('');
    setEmail('');
    setTouched({ name: false, email: false });
  };

  return (
    <section className="card group-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {groupLabel(group)} <span className="muted group-count">({drafts.length})</span>
      </h3>
      {guidance ? (
        <p className="hint">
          {group === 'manager'
            ? campaign.viewerRole === 'subject'
              ? t('campaign.guidanceManager')
              : t('campaign.guidanceManagerOf', { name: campaign.subject.name })
            : group === 'direct_reports' && campaign.subjectDirectReports === 0
              ? campaign.viewerRole === 'subject'
                ? t('campaign.guidanceNoReportsOwn')
                : t('campaign.guidanceNoReports', { name: campaign.subject.name })
              : t('campaign.guidance', {
                  min: guidance.recommendedMin,
                  max: guidance.recommendedMax,
                  group: groupInSentence(group),
                  minimum: guidance.disclosureMinimum,
                })}
        </p>
      ) : null}
      {drafts.length ? (
        <ul className="nominee-list">
          {drafts.map((d) => (
            <li key={d.key}>
              <span>
                {d.name} <span className="muted nominee-email">{d.email}</span>
                {rowErrors[d.key] ? <span className="field-error"> {rowErrors[d.key]}</span> : null}
              </span>
              <Button
                variant="link"
                onClick={() => onRemove(d.key)}
                aria-label={t('campaign.removeNamed', { name: d.name })}
              >
                {t('campaign.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('campaign.noneYet')}</p>
      )}
      {suggested && !taken.has(suggested.email.toLowerCase()) ? (
        <Button
          variant="secondary"
          onClick={() => onAdd({ group, name: suggested.name, email: suggested.email })}
        >
          {t('campaign.addManager', { name: suggested.name })}
        </Button>
      ) : null}
      <div className="picker">
        <div className="field">
          <label htmlFor={`${base}-person`}>{t('campaign.pickColleague')}</label>
          <select id={`${base}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('campaign.choosePerson')}</option>
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.team ? `${p.name} (${p.team.name})` : p.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          onClick={addPerson}
          aria-label={t('campaign.addTo', { group: groupLabel(group) })}
        >
          {t('campaign.add')}
        </Button>
      </div>
      <details className="other-rater">
        <summary>{t('campaign.someoneElse')}</summary>
        <div className="picker">
          <Field label={t('campaign.field.name')} error={shownProblem('name')}>
            {(p) => (
              <input
                {...p}
                ref={nameInput}
                type="text"
                value={name}
                autoComplete="off"
                onChange={(e) => setName(e.target.value)}
                onBlur={() => setTouched((x) => ({ ...x, name: true }))}
              />
            )}
          </Field>
          <Field label={t('campaign.field.email')} error={shownProblem('email')}>
            {(p) => (
              <input
                {...p}
                ref={emailInput}
                type="email"
                value={email}
                autoComplete="off"
                onChange={(e) => setEmail(e.target.value)}
                onBlur={() => setTouched((x) => ({ ...x, email: true }))}
              />
            )}
          </Field>
          <Button
            variant="secondary"
            onClick={addOther}
            aria-label={t('campaign.addOtherTo', { group: groupLabel(group) })}
          >
            {t('campaign.add')}
          </Button>
        </div>
      </details>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
