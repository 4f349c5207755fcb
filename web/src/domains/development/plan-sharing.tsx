// Who may read the plan: the whole plan or single focus areas, with the manager and/or the coach.
// Each switch saves at once (revoking is switching off, effective immediately), and a sentence
// above the switches says plainly who can see what now.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Alert } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import type { PlanDetail, SharingInput } from './plan-api.ts';
import { useFocusSharing, usePlanSharing } from './queries.ts';

type Key = keyof SharingInput;
const NOBODY: SharingInput = { withManager: false, withCoach: false };

/** One sentence per reader: the whole plan, some focus areas, or nothing (then none is said). */
function summary(plan: PlanDetail, key: Key): string | null {
  const who = key === 'withManager' ? t('plan.sharing.yourManager') : t('plan.sharing.yourCoach');
  if (plan.sharing?.[key]) return t('plan.sharing.summaryWhole', { who });
  const some = plan.focusAreas.filter((f) => f.sharing?.[key]).map((f) => f.title);
  return some.length ? t('plan.sharing.summaryFocus', { who, focus: some.join('; ') }) : null;
}

export function PlanSharing({ plan }: { plan: PlanDetail }) {
  const id = useId();
  const wholePlan = usePlanSharing(plan.id);
  const perFocus = useFocusSharing();
  const busy = wholePlan.isPending || perFocus.isPending;
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  // A switch flips as it is pressed (the person sees their choice at once); the saved plan then
  // replaces it, and a failure puts it back with the reason.
  const [pressed, setPressed] = useState<Record<string, boolean>>({});
  const shown = (box: string, saved: boolean) => pressed[box] ?? saved;
  const press = (box: string, value: boolean) => setPressed((p) => ({ ...p, [box]: value }));
  const release = (box: string) =>
    setPressed((p) => {
      const { [box]: _, ...rest } = p;
      return rest;
    });
  const whole = plan.sharing ?? NOBODY;
  const manager = plan.audience?.manager ?? null;
  const coach = plan.audience?.coach ?? null;
  const readers: { key: Key; label: string }[] = [];
  if (manager) readers.push({ key: 'withManager', label: t('plan.sharing.manager', { name: manager.name }) });
  if (coach) readers.push({ key: 'withCoach', label: t('plan.sharing.coach', { name: coach.name }) });

  const done = (box: string) => ({
    onSuccess: () => {
      release(box);
      setMessage({ tone: 'success', text: t('plan.sharing.saved') });
    },
    onError: (error: unknown) => {
      release(box);
      setMessage({ tone: 'error', text: errorText(error) });
    },
  });
  const sentences = (['withManager', 'withCoach'] as const).map((k) => summary(plan, k)).filter(Boolean);

  return (
    <section className="card plan-sharing" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.sharing.title')}</h2>
      <div className="plan-sharing-now" aria-live="polite">
        {sentences.length ? (
          <ul>
            {sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          <p>{t('plan.sharing.private')}</p>
        )}
      </div>
      <p className="hint">{t('plan.sharing.intro')}</p>
      {manager ? null : <p className="muted">{t('plan.sharing.noManager')}</p>}
      {coach ? null : (
        <p className="muted">
          {t('plan.sharing.noCoach')} <Link to="/plan/coaching">{t('plan.sharing.findCoach')}</Link>
        </p>
      )}
      {readers.length ? (
        <>
          <fieldset className="fieldset">
            <legend>{t('plan.sharing.whole')}</legend>
            <div className="stack-tight">
              {readers.map((r) => (
                <div className="checkbox" key={r.key}>
                  <input
                    id={`${id}-${r.key}`}
                    type="checkbox"
                    checked={shown(r.key, whole[r.key])}
                    aria-busy={busy || undefined}
                    onChange={(e) => {
                      setMessage(null);
                      press(r.key, e.target.checked);
                      wholePlan.mutate({ ...whole, [r.key]: e.target.checked }, done(r.key));
                    }}
                  />
                  <label htmlFor={`${id}-${r.key}`}>{r.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          {plan.focusAreas.length ? (
            <fieldset className="fieldset" aria-describedby={`${id}-focus-hint`}>
              <legend>{t('plan.sharing.perFocus')}</legend>
              <p id={`${id}-focus-hint`} className="hint">
                {t('plan.sharing.perFocusHint')}
              </p>
              <ul className="plan-sharing-focus">
                {plan.focusAreas.map((f, index) => {
                  const own = f.sharing ?? NOBODY;
                  return (
                    <li key={f.id}>
                      {readers.map((r) => {
                        const box = `${id}-f${index}-${r.key}`;
                        // Covered by the whole-plan switch: shown ticked and fixed, so the page
                        // never suggests a focus is hidden from someone who reads the whole plan.
                        const covered = shown(r.key, whole[r.key]);
                        return (
                          <div className="checkbox" key={r.key}>
                            <input
                              id={box}
                              type="checkbox"
                              checked={covered || shown(box, own[r.key])}
                              disabled={covered}
                              onChange={(e) => {
                                setMessage(null);
                                press(box, e.target.checked);
                                perFocus.mutate(
                                  { focusId: f.id, sharing: { ...own, [r.key]: e.target.checked } },
                                  done(box),
                                );
                              }}
                            />
                            <label htmlFor={box}>
                              {r.key === 'withManager'
                                ? t('plan.sharing.focusManager', { name: f.title })
                                : t('plan.sharing.focusCoach', { name: f.title })}
                            </label>
                          </div>
                        );
                      })}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
        </>
      ) : null}
      {busy ? (
        <p className="hint" role="status">
          {t('plan.sharing.saving')}
        </p>
      ) : null}
      {message && !busy ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
