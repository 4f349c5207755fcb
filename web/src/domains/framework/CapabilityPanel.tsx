// A building block's section and one capability's panel, read-only or editable.
import { memo, type ReactNode } from 'react';
import type { BlockDefinition, CapabilityDefinition } from '../../../../src/domains/framework/contracts.ts';
import type { FrameworkDefinition } from '../../api.ts';
import { t, tn } from '../../i18n/index.ts';
import { Badge, Button } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';

import { type EditActions, KIND_LABELS, partLabel, pathId } from './editor-model.ts';
import { ItemRow, TextField } from './ItemRow.tsx';

export function BlockSection({
  block,
  index,
  definition,
  errors,
  children,
}: {
  block: BlockDefinition;
  index: number;
  definition: FrameworkDefinition;
  errors?: Readonly<Record<string, string>>;
  children: (capability: CapabilityDefinition, index: number) => ReactNode;
}) {
  const headingId = `${pathId(`blocks.${index}`)}-heading`;
  const blockErrors = errors
    ? Object.entries(errors).filter(
        ([path]) => path === `blocks.${index}` || path.startsWith(`blocks.${index}.`),
      )
    : [];
  return (
    <section
      id={pathId(`blocks.${index}`)}
      className="block-section"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <div className="block-section-head">
        <h2 id={headingId}>{block.name}</h2>
        <Badge tone="neutral">{KIND_LABELS[block.kind]()}</Badge>
      </div>
      <p className="muted block-description">{block.description}</p>
      {blockErrors.map(([path, rule]) => (
        <p key={path} className="field-error">
          <span aria-hidden="true">! </span>
          {fieldRule(t('editor.thisBlock'), rule)}
        </p>
      ))}
      <div className="capability-list">
        {definition.capabilities.map((cap, ci) => (cap.block === block.key ? children(cap, ci) : null))}
      </div>
    </section>
  );
}

export const CapabilityPanel = memo(function CapabilityPanel({
  capability: cap,
  index: ci,
  scale,
  open,
  onToggle,
  edit,
  errors = {},
  isNew,
  savedItems,
}: {
  capability: CapabilityDefinition;
  index: number;
  scale: string;
  open: boolean;
  onToggle: (key: string, open: boolean) => void;
  edit?: EditActions;
  errors?: Readonly<Record<string, string>>;
  isNew?: boolean;
  savedItems?: ReadonlySet<string>;
}) {
  const at = `capabilities.${ci}`;
  const ownErrors = Object.keys(errors).filter((p) => p === at || p.startsWith(`${at}.`));
  const active = cap.items.filter((i) => !i.retired).length;
  const retired = cap.items.length - active;
  // Problems with no control of their own (e.g. too few items) are shown at the top of the panel.
  const shownInPlace = new Set([
    `${at}.name`,
    `${at}.description`,
    `${at}.explanation`,
    ...cap.items.flatMap((_, ii) => [`${at}.items.${ii}.self`, `${at}.items.${ii}.observer`]),
  ]);
  const general = edit ? ownErrors.filter((p) => !shownInPlace.has(p)) : [];
  return (
    <details
      id={pathId(at)}
      className={`capability${ownErrors.length ? ' capability-invalid' : ''}`}
      open={open}
      onToggle={(e) => onToggle(cap.key, e.currentTarget.open)}
    >
      <summary>
        <span className="capability-name">{cap.name || t('editor.unnamed')}</span>
        <span className="capability-meta">
          {tn('editor.itemCount', active, { count: active })}
          {retired ? ` · ${tn('editor.retiredCount', retired, { count: retired })}` : ''}
        </span>
        {isNew ? <Badge tone="positive">{t('editor.new')}</Badge> : null}
        {cap.derailer ? <Badge tone="neutral">{t('quality.derailer')}</Badge> : null}
        {ownErrors.length ? (
          <Badge tone="negative">
            {tn('editor.problemCount', ownErrors.length, { count: ownErrors.length })}
          </Badge>
        ) : null}
      </summary>
      <div className="capability-body stack">
        {general.map((path) => (
          <p key={path} className="field-error">
            <span aria-hidden="true">! </span>
            {fieldRule(partLabel(path.split('.').slice(2)), errors[path]!)}
          </p>
        ))}
        <dl className="capability-facts">
          <div>
            <dt>{t('editor.key')}</dt>
            <dd>
              <code>{cap.key}</code>
            </dd>
          </div>
          <div>
            <dt>{t('editor.scale')}</dt>
            <dd>{scale}</dd>
          </div>
          {cap.practice ? (
            <div>
              <dt>{t('editor.practice')}</dt>
              <dd>{cap.practice === 'lead' ? t('editor.practiceLead') : t('editor.practiceManage')}</dd>
            </div>
          ) : null}
        </dl>
        {edit ? (
          <>
            <TextField
              path={`${at}.name`}
              label={t('editor.capabilityName')}
              value={cap.name}
              error={errors[`${at}.name`]}
              onChange={(name) => edit.setCapability(ci, { name })}
            />
            <TextField
              path={`${at}.description`}
              label={t('editor.capabilityDescription')}
              hint={t('editor.capabilityDescriptionHint')}
              multiline
              value={cap.description}
              error={errors[`${at}.description`]}
              onChange={(description) => edit.setCapability(ci, { description })}
            />
            <TextField
              path={`${at}.explanation`}
              label={t('editor.capabilityExplanation')}
              hint={t('editor.capabilityExplanationHint')}
              multiline
              rows={4}
              value={cap.explanation}
              error={errors[`${at}.explanation`]}
              onChange={(explanation) => edit.setCapability(ci, { explanation })}
            />
          </>
        ) : (
          <>
            <p>{cap.description}</p>
            <p className="muted">{cap.explanation}</p>
          </>
        )}
        <h3 className="items-heading">{t('editor.itemsTitle', { name: cap.name || cap.key })}</h3>
        <ol className="item-list">
          {cap.items.map((item, ii) => (
            <ItemRow
              key={item.key}
              item={item}
              capability={ci}
              index={ii}
              errors={errors}
              edit={edit}
              isNew={!!savedItems && !savedItems.has(item.key)}
            />
          ))}
        </ol>
        {edit ? (
          <div className="form-actions">
            <Button variant="secondary" onClick={() => edit.addItem(ci)}>
              {t('editor.addItem')}
              <span className="visually-hidden">
                {t('editor.toCapability', { name: cap.name || cap.key })}
              </span>
            </Button>
            {isNew ? (
              <Button variant="link" onClick={() => edit.removeCapability(ci)}>
                {t('editor.removeCapability')}
                <span className="visually-hidden"> {cap.name || cap.key}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
});
