// One journal entry: when it was written, what it is about, mood and energy, the text, and for its
// owner whom it is shared with and the actions (edit in place, sharing, delete with confirmation).
// A manager or coach reading a shared entry sees the same card without the actions.
import { type FormEvent, useId, useState } from 'react';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Alert, Badge, Button } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { EntryForm } from './entry-form.tsx';
import { type Entry, type JournalOptions, useDeleteEntry, useShareEntry } from './queries.ts';

export function EntryCard({
  entry,
  options,
  onAnnounce,
}: {
  entry: Entry;
  /** The owner's form options; none for a shared entry (read only). */
  options?: JournalOptions;
  onAnnounce?(message: string): void;
}) {
  const headingId = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'share'>('view');
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteEntry();
  const written = formatDateTime(entry.createdAt);
  const own = entry.viewerRelation === 'self' && options;

  if (mode === 'edit' && own) {
    return (
      <li className="journal-entry">
        <EntryForm
          options={options}
          entry={entry}
          onDone={(message) => {
            setMode('view');
            onAnnounce?.(message);
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }

  return (
    <li className="card journal-entry" aria-labelledby={headingId}>
      <div className="journal-entry-head">
        <h3 id={headingId} className="journal-entry-when">
          {entry.viewerRelation === 'self'
            ? t('journal.entry.written', { date: written })
            : t('journal.shared.by', {
                name: entry.owner.name,
                relation: t(`journal.shared.${entry.viewerRelation}`),
              })}
        </h3>
        {entry.sharing ? <SharingBadge sharing={entry.sharing} /> : null}
      </div>
      {entry.viewerRelation !== 'self' ? (
        <p className="hint">{t('journal.entry.written', { date: written })}</p>
      ) : null}
      {entry.updatedAt !== entry.createdAt ? (
        <p className="hint">{t('journal.entry.edited', { date: formatDateTime(entry.updatedAt) })}</p>
      ) : null}
      <About entry={entry} />
      {entry.mood !== null || entry.energy !== null ? (
        <p className="journal-entry-scales">
          {entry.mood !== null ? (
            <Badge tone="neutral">{t('journal.entry.mood', { value: entry.mood })}</Badge>
          ) : null}
          {entry.energy !== null ? (
            <Badge tone="neutral">{t('journal.entry.energy', { value: entry.energy })}</Badge>
          ) : null}
        </p>
      ) : null}
      <p className="journal-entry-body">{entry.body}</p>
      {own ? (
        <>
          <div className="journal-entry-actions">
            <Button
              variant="secondary"
              aria-label={t('journal.entry.editLabel', { date: written })}
              onClick={() => setMode('edit')}
            >
              {t('journal.entry.edit')}
            </Button>
            <Button
              variant="secondary"
              aria-expanded={mode === 'share'}
              aria-label={t('journal.entry.shareLabel', { date: written })}
              onClick={() => setMode(mode === 'share' ? 'view' : 'share')}
            >
              {t('journal.entry.share')}
            </Button>
            <Button
              variant="danger"
              aria-label={t('journal.entry.deleteLabel', { date: written })}
              onClick={() => setConfirming(true)}
            >
              {t('journal.entry.delete')}
            </Button>
          </div>
          {mode === 'share' ? (
            <SharingForm entry={entry} audience={options.audience} onSaved={(m) => onAnnounce?.(m)} />
          ) : null}
          <ConfirmDialog
            open={confirming}
            title={t('journal.entry.deleteTitle')}
            confirmLabel={t('journal.entry.deleteConfirm')}
            cancelLabel={t('journal.form.cancel')}
            tone="danger"
            busy={remove.isPending}
            error={remove.isError ? errorText(remove.error) : null}
            onCancel={() => setConfirming(false)}
            onConfirm={() =>
              remove.mutate(entry.id, {
                onSuccess: () => {
                  setConfirming(false);
                  onAnnounce?.(t('journal.entry.deleted'));
                },
              })
            }
          >
            <p>{t('journal.entry.deleteBody')}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </li>
  );
}

function SharingBadge({ sharing }: { sharing: NonNullable<Entry['sharing']> }) {
  if (sharing.withManager && sharing.withCoach)
    return <Badge tone="warning">{t('journal.entry.sharedBoth')}</Badge>;
  if (sharing.withManager) return <Badge tone="warning">{t('journal.entry.sharedManager')}</Badge>;
  if (sharing.withCoach) return <Badge tone="warning">{t('journal.entry.sharedCoach')}</Badge>;
  return <Badge tone="neutral">{t('journal.entry.private')}</Badge>;
}

function About({ entry }: { entry: Entry }) {
  if (entry.experiment) {
    return (
      <p className="journal-entry-about">
        {entry.experiment.action
          ? t('journal.entry.aboutExperiment', { action: entry.experiment.action })
          : t('journal.entry.aboutExperimentHidden')}
      </p>
    );
  }
  if (entry.module) {
    return (
      <p className="journal-entry-about">
        {entry.module.title
          ? t('journal.entry.aboutModule', { title: entry.module.title })
          : t('journal.entry.aboutModuleGone')}
      </p>
    );
  }
  return null;
}

/** Two checkboxes and a save: sharing is a deliberate act, not a toggle that fires on a slip. */
function SharingForm({
  entry,
  audience,
  onSaved,
}: {
  entry: Entry;
  audience: JournalOptions['audience'];
  onSaved(message: string): void;
}) {
  const id = useId();
  const share = useShareEntry();
  const [withManager, setWithManager] = useState(entry.sharing?.withManager ?? false);
  const [withCoach, setWithCoach] = useState(entry.sharing?.withCoach ?? false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (share.isPending) return;
    share.mutate(
      { id: entry.id, withManager, withCoach },
      {
        onSuccess: () => {
          setMessage({ tone: 'success', text: t('journal.share.saved') });
          onSaved(t('journal.share.saved'));
        },
        onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
      },
    );
  };
  const box = (
    key: 'manager' | 'coach',
    person: { name: string } | null,
    checked: boolean,
    set: (v: boolean) => void,
  ) => (
    <div className="checkbox">
      <input
        id={`${id}-${key}`}
        type="checkbox"
        checked={checked}
        disabled={!person && !checked}
        onChange={(e) => set(e.target.checked)}
      />
      <label htmlFor={`${id}-${key}`}>
        {person
          ? t(key === 'manager' ? 'journal.share.manager' : 'journal.share.coach', { name: person.name })
          : t(key === 'manager' ? 'journal.share.noManager' : 'journal.share.noCoach')}
      </label>
    </div>
  );
  return (
    <form className="journal-share" onSubmit={submit} noValidate>
      <fieldset className="fieldset" aria-describedby={`${id}-hint`}>
        <legend>{t('journal.share.legend')}</legend>
        <p id={`${id}-hint`} className="hint">
          {t('journal.share.hint')}
        </p>
        {box('manager', audience.manager, withManager, setWithManager)}
        {box('coach', audience.coach, withCoach, setWithCoach)}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={share.isPending} busyLabel={t('form.saving')}>
          {t('journal.share.save')}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
