// The rater list while it is being drawn up: by the subject, then by the manager who approves it.
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { errorText, fieldRule } from '../../ui/errors.ts';
import { usePeople } from '../people/queries.ts';
import type { CampaignDetail, NominationDraft } from './feedback-api.ts';
import { GROUPS } from './feedback-api.ts';
import { type Draft, GroupEditor } from './group-editor.tsx';
import { useSaveNominations } from './queries.ts';

/** A refusal the nomination editor has already shown beside its rows and in its own message. */
export class ShownError extends Error {}

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
export function NominationEditor({
  campaign,
  onSaved,
  actions,
}: {
  campaign: CampaignDetail;
  onSaved: () => void;
  actions: (save: () => Promise<NominationDraft[]>) => ReactNode;
}) {
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(campaign));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const people = usePeople();
  const saveNominations = useSaveNominations(campaign.id);

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
      const updated = await saveNominations.mutateAsync(body);
      setDrafts(toDrafts(updated));
      setDirty(false);
      setRowErrors({});
      onSaved();
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

  const directory = (people.data?.items ?? []).filter(
    (p) => p.id !== campaign.subject.id && p.status !== 'disabled',
  );
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
