// /admin/programmes: every programme, and a form to create one from a template.
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { TEMPLATE_KEYS, type TemplateKey } from '../../../../src/domains/programmes/constants.ts';
import { ApiError } from '../../api.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { Alert, Button, Field, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useCreateProgramme, useProgrammes, useTemplates } from './queries.ts';

export function ProgrammesPage() {
  const list = useProgrammes();
  return (
    <section className="stack programmes">
      <PageHeading title={t('programmes.title')} />
      <p className="lead">{t('programmes.intro')}</p>
      <CreateForm />
      <section className="card" aria-labelledby="programmes-list">
        <h2 id="programmes-list">{t('programmes.listTitle')}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <p>{t('programmes.none')}</p>
        ) : (
          <ScrollTable labelledBy="programmes-list">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('programmes.col.name')}</th>
                  <th scope="col">{t('programmes.col.dates')}</th>
                  <th scope="col">{t('programmes.col.phase')}</th>
                  <th scope="col" className="num">
                    {t('programmes.col.enrolled')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/admin/programmes/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{t('programmes.dates', { from: p.startsOn, to: p.endsOn })}</td>
                    <td>{t(`programmes.phase.${p.phase}`)}</td>
                    <td className="num">{formatNumber(p.enrolled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </section>
  );
}

function CreateForm() {
  const templates = useTemplates();
  const create = useCreateProgramme();
  const navigate = useNavigate();
  const [template, setTemplate] = useState<TemplateKey>('first-time-managers');
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const chosen = templates.data?.find((x) => x.key === template);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setError(null);
    setErrors({});
    try {
      const p = await create.mutateAsync({ template, startsOn, ...(name.trim() ? { name } : {}) });
      await navigate(`/admin/programmes/${p.id}`);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      setError(errorText(e));
    }
  };

  return (
    <form
      className="card stack"
      aria-labelledby="programme-create"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="programme-create">{t('programmes.createTitle')}</h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={t('programmes.template')} hint={chosen?.description} error={errors.template}>
        {(props) => (
          <select {...props} value={template} onChange={(e) => setTemplate(e.target.value as TemplateKey)}>
            {TEMPLATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {templates.data?.find((x) => x.key === k)?.name ?? k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('programmes.startsOn')} error={errors.startsOn}>
        {(props) => (
          <input {...props} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        )}
      </Field>
      <Field label={t('programmes.name')} hint={t('programmes.nameHint')} error={errors.name}>
        {(props) => (
          <input
            {...props}
            type="text"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <div>
        <Button type="submit" busy={create.isPending} busyLabel={t('programmes.creating')}>
          {t('programmes.create')}
        </Button>
      </div>
    </form>
  );
}
