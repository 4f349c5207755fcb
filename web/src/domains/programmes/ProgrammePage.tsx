// /admin/programmes/:id: the programme's steps with their dates and status, its editor, enrolment,
// the people enrolled, and the cohort dashboard.
import { Link } from 'react-router';
import { formatNumber, t } from '../../i18n/index.ts';
import { Badge, Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { CohortDashboard } from './CohortDashboard.tsx';
import { EnrolForm } from './EnrolForm.tsx';
import { ProgrammeEditor } from './ProgrammeEditor.tsx';
import { useEnrolments, useLeave, useProgramme } from './queries.ts';

export function ProgrammePage({ id }: { id: string }) {
  const programme = useProgramme(id);
  if (programme.isPending) return <Loading />;
  if (programme.isError)
    return <LoadError message={errorText(programme.error)} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  return (
    <section className="stack programme">
      <p>
        <Link to="/admin/programmes">{t('programmes.title')}</Link>
      </p>
      <PageHeading title={p.name} />
      <p className="lead">
        {t('programmes.dates', { from: p.startsOn, to: p.endsOn })} · {t(`programmes.phase.${p.phase}`)}
        {p.careerStages.length
          ? ` · ${t('programme.stages', { stages: p.careerStages.map((s) => s.name).join(', ') })}`
          : ''}
      </p>
      {p.description ? <p>{p.description}</p> : null}
      <section className="card" aria-labelledby="programme-steps">
        <h2 id="programme-steps">{t('programme.stepsTitle')}</h2>
        <ScrollTable labelledBy="programme-steps">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('programme.col.step')}</th>
                <th scope="col">{t('programme.col.kind')}</th>
                <th scope="col">{t('programme.col.date')}</th>
                <th scope="col">{t('programme.col.status')}</th>
                <th scope="col" className="num">
                  {t('programme.col.launched')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.steps.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td>{t(`programme.kind.${s.kind}`)}</td>
                  <td>{s.date}</td>
                  <td>
                    <Badge tone={s.status === 'launched' ? 'positive' : 'neutral'}>
                      {t(`programme.status.${s.status}`)}
                    </Badge>
                  </td>
                  <td className="num">{formatNumber(s.launched)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <details className="programme-edit">
          <summary>{t('programme.editTitle')}</summary>
          <ProgrammeEditor key={`${p.startsOn}-${p.steps.map((s) => s.id).join()}`} programme={p} />
        </details>
      </section>
      {p.phase !== 'ended' ? (
        <section className="card" aria-labelledby="programme-enrol">
          <h2 id="programme-enrol">{t('programme.enrolTitle')}</h2>
          <EnrolForm programmeId={id} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="programme-dashboard">
        <h2 id="programme-dashboard">{t('programme.dashboardTitle')}</h2>
        <CohortDashboard programmeId={id} />
      </section>
      <section className="card" aria-labelledby="programme-people">
        <h2 id="programme-people">{t('programme.peopleTitle')}</h2>
        <EnrolledPeople programmeId={id} />
      </section>
    </section>
  );
}

function EnrolledPeople({ programmeId }: { programmeId: string }) {
  const list = useEnrolments(programmeId);
  const leave = useLeave(programmeId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <p>{t('programme.nobody')}</p>;
  return (
    <ScrollTable labelledBy="programme-people">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('programme.col.person')}</th>
            <th scope="col">{t('programme.col.via')}</th>
            <th scope="col">{t('programme.col.state')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {list.data.map((e) => (
            <tr key={e.personId}>
              <th scope="row">
                <Link to={`/people/${e.personId}`}>{e.name}</Link>
              </th>
              <td>{t(`programme.by.${e.source}`)}</td>
              <td>{t(`programme.state.${e.status}`)}</td>
              <td>
                {e.status === 'enrolled' ? (
                  <Button variant="link" onClick={() => leave.mutate(e.personId)}>
                    {t('programme.leave', { name: e.name })}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
