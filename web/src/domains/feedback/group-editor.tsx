// One rater group of the nomination list: its guidance, its raters, and adding a colleague from the
// directory or anyone else by name and email, checked as typed by the server's own limits.
import { useId, useRef, useState } from 'react';
import {
  NOMINATION_EMAIL_MAX,
  NOMINATION_EMAIL_PATTERN,
  NOMINATION_NAME_MAX,
} from '../../../../src/domains/feedback/constants.ts';
import type { PersonSummary } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Button, Field } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';
import type { CampaignDetail, NominationDraft, RaterGroupKey } from './feedback-api.ts';
import { groupInSentence, groupLabel } from './labels.ts';

export interface Draft extends NominationDraft {
  /** Stable key for React: the nomination id, or a local one until the server assigns an id. */
  key: string;
}

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

export function GroupEditor({
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
