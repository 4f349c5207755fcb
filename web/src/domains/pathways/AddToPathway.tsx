// "Add to pathway" for one library module: choose one of your pathways (or a new one) and add it.
// Self-contained (it reads your pathways itself), so the library's module page can mount it with
// one line: <AddToPathway moduleId={…} moduleTitle={…} />.
import { useId, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useAddStep, useCreatePathway, useMyPathways } from './queries.ts';

const NEW = 'new';

export function AddToPathway({
  moduleId,
  moduleTitle,
  label = t('pathways.add.button'),
}: {
  moduleId: string;
  moduleTitle: string;
  label?: string;
}) {
  const mine = useMyPathways();
  const add = useAddStep();
  const create = useCreatePathway();
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const pathways = mine.data?.items ?? [];
  const target = chosen || pathways[0]?.id || NEW;
  const newTitle = t('pathways.add.myFirst');
  const busy = add.isPending || create.isPending;
  const failure = add.error ?? create.error;

  const submit = () => {
    if (busy) return;
    setDone(null);
    const onSuccess = (title: string) => () =>
      setDone(t('pathways.add.added', { module: moduleTitle, pathway: title }));
    if (target === NEW)
      create.mutate({ title: newTitle, moduleIds: [moduleId] }, { onSuccess: onSuccess(newTitle) });
    else {
      const title = pathways.find((p) => p.id === target)?.title ?? '';
      add.mutate({ pathwayId: target, moduleId }, { onSuccess: onSuccess(title) });
    }
  };

  return (
    <div className="add-to-pathway">
      {pathways.length ? (
        <div className="add-to-pathway-choose">
          <label htmlFor={selectId}>{t('pathways.add.choose')}</label>
          <select id={selectId} value={target} onChange={(e) => setChosen(e.currentTarget.value)}>
            {pathways.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
            <option value={NEW}>{t('pathways.add.newPathway', { title: newTitle })}</option>
          </select>
        </div>
      ) : null}
      <Button variant="secondary" busy={busy} onClick={submit} aria-disabled={mine.isPending || undefined}>
        {label}
        <span className="visually-hidden">: {moduleTitle}</span>
      </Button>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {failure ? <Alert tone="error">{errorText(failure)}</Alert> : null}
    </div>
  );
}
