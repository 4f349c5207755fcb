import type { ItemDefinition } from '../../../../src/domains/framework/contracts.ts';
import { t } from '../../i18n/index.ts';
import { Badge, Button } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';

import { type EditActions, pathId } from './editor-model.ts';

export function ItemRow({
  item,
  capability: ci,
  index: ii,
  errors,
  edit,
  isNew,
}: {
  item: ItemDefinition;
  capability: number;
  index: number;
  errors: Readonly<Record<string, string>>;
  edit: EditActions | undefined;
  isNew: boolean;
}) {
  const at = `capabilities.${ci}.items.${ii}`;
  const legendId = `${pathId(at)}-legend`;
  const legend = (
    <>
      {t('editor.itemNumber', { number: ii + 1 })} <code className="item-key">{item.key}</code>
      {item.reversed ? (
        <>
          {' '}
          <Badge tone="neutral">{t('quality.reversed')}</Badge>
        </>
      ) : null}
      {item.retired ? (
        <>
          {' '}
          <Badge tone="warning">{t('editor.retired')}</Badge>
        </>
      ) : null}
    </>
  );
  if (!edit) {
    return (
      <li className={`item${item.retired ? ' item-retired' : ''}`}>
        <p className="item-legend">{legend}</p>
        <p className="item-wording">
          <span className="item-label">{t('editor.selfShort')}</span> {item.self}
        </p>
        <p className="item-wording">
          <span className="item-label">{t('editor.observerShort')}</span> {item.observer}
        </p>
      </li>
    );
  }
  return (
    <li className={`item${item.retired ? ' item-retired' : ''}`}>
      <fieldset className="fieldset item-fields" aria-labelledby={legendId}>
        <legend id={legendId} className="item-legend">
          {legend}
        </legend>
        {item.retired ? <p className="hint">{t('editor.retiredHint')}</p> : null}
        <TextField
          path={`${at}.self`}
          label={t('editor.self')}
          hint={t('editor.selfHint')}
          multiline
          rows={2}
          value={item.self}
          error={errors[`${at}.self`]}
          onChange={(self) => edit.setItem(ci, ii, { self })}
        />
        <TextField
          path={`${at}.observer`}
          label={t('editor.observer')}
          hint={t('editor.observerHint')}
          multiline
          rows={2}
          value={item.observer}
          error={errors[`${at}.observer`]}
          onChange={(observer) => edit.setItem(ci, ii, { observer })}
        />
        <div className="item-actions">
          <div className="checkbox">
            <input
              id={pathId(`${at}.reversed`)}
              type="checkbox"
              checked={item.reversed}
              onChange={(e) => edit.setItem(ci, ii, { reversed: e.target.checked })}
            />
            <label htmlFor={pathId(`${at}.reversed`)}>
              {t('editor.reversed')}
              <span className="hint">{t('editor.reversedHint')}</span>
            </label>
          </div>
          {isNew ? (
            <Button variant="secondary" onClick={() => edit.removeItem(ci, ii)}>
              {t('editor.removeItem')}
              <span className="visually-hidden"> {t('editor.itemNumber', { number: ii + 1 })}</span>
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => edit.setItem(ci, ii, { retired: !item.retired })}>
              {item.retired ? t('editor.restore') : t('editor.retire')}
              <span className="visually-hidden"> {t('editor.itemNumber', { number: ii + 1 })}</span>
            </Button>
          )}
        </div>
      </fieldset>
    </li>
  );
}

/** A labelled text control whose id is derived from its server path, so errors can link to it. */
export function TextField({
  path,
  label,
  hint,
  value,
  error,
  onChange,
  multiline,
  rows = 3,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
  rows?: number;
}) {
  const id = pathId(path);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const props = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">! </span>
          {fieldRule(label, error)}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...props} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
