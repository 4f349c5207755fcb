// One admin section of the goals and values page: the ordered list, an add form, inline edit
// forms, move up/down, and removal behind a confirmation. Goals and values differ only in their
// summaries, forms and what removal means (delete vs retire), which the caller supplies.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';

export interface Removal {
  action: string;
  actionNamed(name: string): string;
  title(name: string): string;
  body: string;
  confirm: string;
  done(name: string): string;
  run(id: string): Promise<unknown>;
}

export function ManagedList<T extends { id: string }>({
  title,
  addLabel,
  empty,
  items,
  nameOf,
  summary,
  form,
  order,
  removal,
}: {
  title: string;
  addLabel: string;
  empty: string;
  items: T[];
  nameOf(item: T): string;
  summary(item: T): ReactNode;
  form(item: T | null, onDone: (saved: string | null) => void): ReactNode;
  order(ids: string[]): Promise<unknown>;
  removal: Removal;
}) {
  const headingId = useId();
  const root = useRef<HTMLElement>(null);
  /** 'new' while adding, an item's id while editing it. */
  const [open, setOpen] = useState<string | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where focus goes once a form closes: back to the button that opened it (WCAG 2.4.3).
  // Candidates in order of preference, since a moved item may have lost the button that moved it.
  const [focusTarget, setFocusTarget] = useState<string[] | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    for (const target of focusTarget) {
      const found = root.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`);
      if (found) {
        found.focus();
        break;
      }
    }
    setFocusTarget(null);
  }, [focusTarget]);

  const close = (which: string) => (saved: string | null) => {
    setOpen(null);
    if (saved) setNotice(t('alignmentAdmin.saved', { name: saved }));
    setFocusTarget([which]);
  };

  const move = async (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    setError(null);
    try {
      await order(ids);
      // Keep focus on the moved item, on the same button if it still has one.
      const id = ids[index + by]!;
      const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
      setFocusTarget([`${same}-${id}`, `${other}-${id}`, `edit-${id}`]);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await removal.run(removing.id);
      setNotice(removal.done(nameOf(removing)));
      setRemoving(null);
      setFocusTarget(['new']);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={root} aria-labelledby={headingId} className="alignment-section">
      <div className="alignment-section-head">
        <h2 id={headingId}>{title}</h2>
        {open === 'new' ? null : (
          <Button
            data-focus="new"
            onClick={() => {
              setNotice(null);
              setOpen('new');
            }}
          >
            {addLabel}
          </Button>
        )}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !removing ? <Alert tone="error">{error}</Alert> : null}
      {open === 'new' ? form(null, close('new')) : null}
      {items.length === 0 ? <p className="empty">{empty}</p> : null}
      <ul className="alignment-list">
        {items.map((item, index) => {
          const name = nameOf(item);
          if (open === item.id) return <li key={item.id}>{form(item, close(`edit-${item.id}`))}</li>;
          return (
            <li key={item.id} className="alignment-card alignment-row">
              <div>{summary(item)}</div>
              <div className="alignment-actions">
                <Button
                  variant="secondary"
                  data-focus={`edit-${item.id}`}
                  aria-label={t('alignmentAdmin.editNamed', { name })}
                  onClick={() => {
                    setNotice(null);
                    setOpen(item.id);
                  }}
                >
                  {t('alignmentAdmin.edit')}
                </Button>
                {index > 0 ? (
                  <Button
                    variant="secondary"
                    data-focus={`up-${item.id}`}
                    aria-label={t('alignmentAdmin.moveUpNamed', { name })}
                    onClick={() => void move(index, -1)}
                  >
                    {t('alignmentAdmin.moveUp')}
                  </Button>
                ) : null}
                {index < items.length - 1 ? (
                  <Button
                    variant="secondary"
                    data-focus={`down-${item.id}`}
                    aria-label={t('alignmentAdmin.moveDownNamed', { name })}
                    onClick={() => void move(index, 1)}
                  >
                    {t('alignmentAdmin.moveDown')}
                  </Button>
                ) : null}
                <Button
                  variant="danger"
                  aria-label={removal.actionNamed(name)}
                  onClick={() => {
                    setError(null);
                    setRemoving(item);
                  }}
                >
                  {removal.action}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? removal.title(nameOf(removing)) : ''}
        confirmLabel={removal.confirm}
        cancelLabel={t('alignmentAdmin.cancel')}
        tone="danger"
        busy={busy}
        busyLabel={t('alignmentAdmin.working')}
        error={removing ? error : null}
        onConfirm={() => void remove()}
        onCancel={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        <p>{removal.body}</p>
      </ConfirmDialog>
    </section>
  );
}
