// A module of the organisation's own, e.g. about one of its values: written here, it starts as a
// draft and opens in the editor, where it can be previewed and published.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LibraryFacets } from '../../../../src/domains/library/contracts.ts';
import { t } from '../../i18n/index.ts';
import {
  Alert,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
} from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useUnsavedGuard } from '../framework/use-unsaved-guard.ts';
import {
  contentOf,
  EMPTY_VALUES,
  type FormErrors,
  type FormValues,
  formErrors,
  ModuleFields,
} from './module-form.tsx';
import { ADMIN_LIBRARY_PATH, editModulePath } from './paths.ts';
import { useCreateModule, useLibraryFacets } from './queries.ts';
import './library.css';

export function NewModulePage() {
  const facets = useLibraryFacets();
  let content: ReactNode;
  if (facets.isPending) content = <Loading />;
  else if (facets.isError)
    content = <LoadError message={errorText(facets.error)} onRetry={() => void facets.refetch()} />;
  else content = <NewModuleForm facets={facets.data} />;
  return (
    <section className="library-editor">
      <p className="breadcrumb">
        <Link to={ADMIN_LIBRARY_PATH}>
          <span aria-hidden="true">← </span>
          {t('libraryAdmin.back')}
        </Link>
      </p>
      <PageHeading title={t('libraryAdmin.newTitle')} />
      <p className="lead">{t('libraryAdmin.newIntro')}</p>
      {content}
    </section>
  );
}

function NewModuleForm({ facets }: { facets: LibraryFacets }) {
  const navigate = useNavigate();
  const create = useCreateModule();
  const form = useRef<HTMLFormElement>(null);
  const [capabilityKey, setCapabilityKey] = useState('');
  const [values, setValues] = useState<FormValues>(EMPTY_VALUES);
  const [errors, setErrors] = useState<FormErrors>({});
  const [other, setOther] = useState<string | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const dirty = capabilityKey !== '' || JSON.stringify(values) !== JSON.stringify(EMPTY_VALUES);
  useUnsavedGuard(dirty && !createdId, t('libraryAdmin.leaveConfirm'));
  // Navigate once the guard has re-rendered without the unsaved changes, or it would ask.
  useEffect(() => {
    if (createdId) navigate(editModulePath(createdId));
  }, [createdId, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setOther(null);
    try {
      const created = await create.mutateAsync({ capabilityKey, ...contentOf(values) });
      setCreatedId(created.id);
    } catch (error) {
      const found = formErrors(error);
      setErrors(found.fields);
      setOther(
        found.other.length || !Object.keys(found.fields).length
          ? [errorText(error), ...found.other].join(' ')
          : null,
      );
      focusFirstInvalid(form.current);
    }
  };

  const blocks = [...new Set(facets.capabilities.map((c) => c.blockName))];
  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate>
      {other ? <Alert tone="error">{other}</Alert> : null}
      <Field
        label={t('libraryAdmin.field.capabilityKey')}
        hint={t('libraryAdmin.hint.capability')}
        error={errors.capabilityKey}
      >
        {(p) => (
          <select
            {...p}
            value={capabilityKey}
            onChange={(e) => {
              setCapabilityKey(e.target.value);
              setErrors(({ capabilityKey: _gone, ...rest }) => rest);
            }}
          >
            <option value="">{t('libraryAdmin.chooseCapability')}</option>
            {blocks.map((block) => (
              <optgroup key={block} label={block}>
                {facets.capabilities
                  .filter((c) => c.blockName === block)
                  .map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <ModuleFields
        values={values}
        errors={errors}
        stages={facets.stages}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
          setErrors((e) => {
            const next = { ...e };
            for (const key of Object.keys(patch)) delete next[key as keyof FormErrors];
            return next;
          });
        }}
      />
      <div className="form-actions">
        <Button type="submit" busy={create.isPending} busyLabel={t('libraryAdmin.creating')}>
          {t('libraryAdmin.create')}
        </Button>
        <Link className="button button-secondary" to={ADMIN_LIBRARY_PATH}>
          {t('libraryAdmin.cancel')}
        </Link>
      </div>
    </form>
  );
}
