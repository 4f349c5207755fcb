// One pathway: its name, the focus it serves, its steps in order and archiving it. After a move,
// focus follows the moved step's button and a polite message says where it went, so keyboard and
// screen-reader users keep their place.
import { useEffect, useState } from 'react';
import { t, tn } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { moveButtonId, PathwayStepRow } from './PathwayStepRow.tsx';
import { type Pathway, useArchivePathway, useMarkProgress, useRemoveStep, useReorder } from './queries.ts';

export function PathwayCard({
  pathway,
  onAnnounce,
}: {
  pathway: Pathway;
  onAnnounce(message: string): void;
}) {
  const reorder = useReorder();
  const remove = useRemoveStep();
  const mark = useMarkProgress();
  const archive = useArchivePathway();
  const [confirming, setConfirming] = useState(false);
  const [focusAfter, setFocusAfter] = useState<{ stepId: string; direction: 'up' | 'down' } | null>(null);
  const headingId = `pathway-${pathway.id}`;
  const steps = pathway.steps;
  const failure = [reorder, remove, mark].find((m) => m.isError)?.error;

  // Once the list shows the new order, put focus back on the moved step (the other button at an end).
  useEffect(() => {
    if (!focusAfter) return;
    const index = steps.findIndex((s) => s.id === focusAfter.stepId);
    if (index < 0) return;
    const atEnd = focusAfter.direction === 'up' ? index === 0 : index === steps.length - 1;
    const direction = atEnd ? (focusAfter.direction === 'up' ? 'down' : 'up') : focusAfter.direction;
    document.getElementById(moveButtonId(focusAfter.stepId, direction))?.focus();
  }, [steps, focusAfter]);

  const move = (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= steps.length) return;
    const order = steps.map((s) => s.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    const step = steps[index]!;
    reorder.mutate(
      { pathwayId: pathway.id, stepIds: order },
      {
        onSuccess: () => {
          setFocusAfter({ stepId: step.id, direction });
          onAnnounce(t('pathways.step.moved', { title: step.module.title, position: target + 1 }));
        },
      },
    );
  };

  const reflected = steps.filter((s) => s.reflectedAt !== null).length;
  return (
    <article className="card pathway" aria-labelledby={headingId}>
      <div className="pathway-head">
        <div>
          <h2 id={headingId} tabIndex={-1}>
            {pathway.title}
          </h2>
          {pathway.focus ? (
            <p className="pathway-focus">{t('pathways.card.focus', { title: pathway.focus.title })}</p>
          ) : null}
          <p className="muted">
            {tn('pathways.card.steps', steps.length, { count: steps.length, done: reflected })}
          </p>
        </div>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('pathways.card.archive')}
        </Button>
      </div>
      {failure ? <Alert tone="error">{errorText(failure)}</Alert> : null}
      {steps.length ? (
        <ol className="pathway-steps">
          {steps.map((step, index) => (
            <PathwayStepRow
              key={step.id}
              step={step}
              index={index}
              count={steps.length}
              busy={reorder.isPending}
              onMark={(m, done) => mark.mutate({ stepId: step.id, mark: m, done })}
              onMove={(direction) => move(index, direction)}
              onRemove={() =>
                remove.mutate(step.id, {
                  onSuccess: () => {
                    onAnnounce(t('pathways.step.removed', { title: step.module.title }));
                    document.getElementById(headingId)?.focus();
                  },
                })
              }
            />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('pathways.card.noSteps')}</p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('pathways.card.archiveTitle', { title: pathway.title })}
        confirmLabel={t('pathways.card.archiveConfirm')}
        cancelLabel={t('pathways.card.keep')}
        busy={archive.isPending}
        error={archive.isError ? errorText(archive.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          archive.mutate(pathway.id, {
            onSuccess: () => {
              setConfirming(false);
              onAnnounce(t('pathways.card.archived', { title: pathway.title }));
            },
          })
        }
      >
        <p>{t('pathways.card.archiveBody')}</p>
      </ConfirmDialog>
    </article>
  );
}
