// Adding a capability, e.g. one of the organisation's values, with its first items.
import { type FormEvent, useId, useRef, useState } from 'react';
import type { BlockKind } from '../../../../src/domains/framework/constants.ts';
import type { BlockDefinition, CapabilityDefinition } from '../../../../src/domains/framework/contracts.ts';
import type { FrameworkDefinition } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Button, Field } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';

import {
  emptyItem,
  freeItemKey,
  KEY_MAX,
  KEY_PATTERN,
  KIND_LABELS,
  keyFrom,
  MIN_ITEMS,
} from './editor-model.ts';

const NEW_BLOCK = '(new values block)';

type AddField = 'name' | 'key' | 'description' | 'explanation' | 'blockName' | 'blockDescription';

export function AddCapability({
  definition,
  onAdd,
}: {
  definition: FrameworkDefinition;
  onAdd: (capability: CapabilityDefinition, block: BlockDefinition | null) => void;
}) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const valuesBlock = definition.blocks.find((b) => b.kind === 'values');
  const [expanded, setExpanded] = useState(false);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [block, setBlock] = useState(valuesBlock?.key ?? NEW_BLOCK);
  const [blockName, setBlockName] = useState(() => t('editor.valuesBlockName'));
  const [blockDescription, setBlockDescription] = useState(() => t('editor.valuesBlockDescription'));
  const [scale, setScale] = useState(definition.responseScales[0]?.key ?? '');
  const [practice, setPractice] = useState<'' | 'manage' | 'lead'>('');
  const [description, setDescription] = useState('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<AddField, string>>>({});

  const chosenKind: BlockKind =
    block === NEW_BLOCK ? 'values' : (definition.blocks.find((b) => b.key === block)?.kind ?? 'values');
  const practiceAllowed = chosenKind !== 'derailers' && chosenKind !== 'climate';
  const effectiveKey = keyEdited ? key : keyFrom(name);

  const labels: Record<AddField, string> = {
    name: t('editor.newName'),
    key: t('editor.newKey'),
    description: t('editor.capabilityDescription'),
    explanation: t('editor.capabilityExplanation'),
    blockName: t('editor.newBlockName'),
    blockDescription: t('editor.newBlockDescription'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<AddField, string>> = {};
    const required = (field: AddField, value: string, max: number) => {
      if (!value.trim()) found[field] = fieldRule(labels[field], t('form.ruleRequired'));
      else if (value.trim().length > max)
        found[field] = fieldRule(labels[field], t('editor.ruleMax', { max }));
    };
    required('name', name, 100);
    required('description', description, 500);
    required('explanation', explanation, 1500);
    if (!effectiveKey) found.key = fieldRule(labels.key, t('form.ruleRequired'));
    else if (!KEY_PATTERN.test(effectiveKey) || effectiveKey.length > KEY_MAX)
      found.key = fieldRule(labels.key, t('editor.ruleKey', { max: KEY_MAX }));
    else if (definition.capabilities.some((c) => c.key === effectiveKey))
      found.key = fieldRule(labels.key, t('editor.ruleKeyTaken'));
    if (block === NEW_BLOCK) {
      required('blockName', blockName, 100);
      required('blockDescription', blockDescription, 1000);
    }
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    let newBlock: BlockDefinition | null = null;
    let blockKey = block;
    if (block === NEW_BLOCK) {
      const base = keyFrom(blockName) || 'values';
      blockKey = base;
      for (let n = 2; definition.blocks.some((b) => b.key === blockKey); n++)
        blockKey = `${base.slice(0, 55)}-${n}`;
      newBlock = {
        key: blockKey,
        name: blockName.trim(),
        kind: 'values',
        description: blockDescription.trim(),
      };
    }
    const taken = new Set<string>();
    const items = Array.from({ length: MIN_ITEMS }, (_, i) => {
      const itemKey = freeItemKey(definition, effectiveKey, i + 1, taken);
      taken.add(itemKey);
      return emptyItem(itemKey);
    });
    onAdd(
      {
        key: effectiveKey,
        block: blockKey,
        name: name.trim(),
        description: description.trim(),
        explanation: explanation.trim(),
        practice: practiceAllowed && practice ? practice : null,
        derailer: chosenKind === 'derailers',
        responseScale: scale,
        items,
      },
      newBlock,
    );
    setName('');
    setKey('');
    setKeyEdited(false);
    setDescription('');
    setExplanation('');
    setPractice('');
    setBlock(newBlock?.key ?? block);
    setExpanded(false);
  };

  if (!expanded) {
    return (
      <section className="card add-capability" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('editor.addTitle')}</h2>
        <p>{t('editor.addIntro', { min: MIN_ITEMS })}</p>
        <Button
          id="fw-add-capability"
          variant="secondary"
          aria-expanded={false}
          onClick={() => {
            setExpanded(true);
            requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input')?.focus());
          }}
        >
          {t('editor.addCapability')}
        </Button>
      </section>
    );
  }

  return (
    <form
      ref={formRef}
      className="card stack add-capability"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
    >
      <h2 id={headingId}>{t('editor.addTitle')}</h2>
      <p>{t('editor.addIntro', { min: MIN_ITEMS })}</p>
      <div className="form-grid">
        <Field label={labels.name} error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.key} hint={t('editor.newKeyHint')} error={errors.key}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={effectiveKey}
              onChange={(e) => {
                setKeyEdited(true);
                setKey(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('editor.newBlock')}>
          {(p) => (
            <select {...p} value={block} onChange={(e) => setBlock(e.target.value)}>
              {definition.blocks.map((b) => (
                <option key={b.key} value={b.key}>
                  {t('editor.blockOption', { name: b.name, kind: KIND_LABELS[b.kind]() })}
                </option>
              ))}
              {valuesBlock ? null : <option value={NEW_BLOCK}>{t('editor.newValuesBlock')}</option>}
            </select>
          )}
        </Field>
        <Field label={t('editor.scale')}>
          {(p) => (
            <select {...p} value={scale} onChange={(e) => setScale(e.target.value)}>
              {definition.responseScales.map((s) => (
                <option key={s.key} value={s.key}>
                  {t('editor.scaleOption', {
                    key: s.key,
                    first: s.labels[0] ?? '',
                    last: s.labels[s.labels.length - 1] ?? '',
                    points: s.labels.length,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {block === NEW_BLOCK ? (
          <>
            <Field label={labels.blockName} error={errors.blockName}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  autoComplete="off"
                  value={blockName}
                  onChange={(e) => setBlockName(e.target.value)}
                />
              )}
            </Field>
            <Field label={labels.blockDescription} error={errors.blockDescription}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={blockDescription}
                  onChange={(e) => setBlockDescription(e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        {practiceAllowed ? (
          <Field label={t('editor.practice')} hint={t('editor.practiceHint')}>
            {(p) => (
              <select
                {...p}
                value={practice}
                onChange={(e) => setPractice(e.target.value as '' | 'manage' | 'lead')}
              >
                <option value="">{t('editor.practiceNone')}</option>
                <option value="manage">{t('editor.practiceManage')}</option>
                <option value="lead">{t('editor.practiceLead')}</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field
        label={labels.description}
        hint={t('editor.capabilityDescriptionHint')}
        error={errors.description}
      >
        {(p) => (
          <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <Field
        label={labels.explanation}
        hint={t('editor.capabilityExplanationHint')}
        error={errors.explanation}
      >
        {(p) => (
          <textarea {...p} rows={4} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit">{t('editor.addConfirm', { min: MIN_ITEMS })}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setErrors({});
            setExpanded(false);
            requestAnimationFrame(() => document.getElementById('fw-add-capability')?.focus());
          }}
        >
          {t('editor.addCancel')}
        </Button>
      </div>
    </form>
  );
}
