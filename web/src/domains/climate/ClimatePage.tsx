// /climate: a leader's team climate (the views of their direct reports and the teams they lead),
// an admin's every view plus the round settings. Each view shows its latest closed round (factor
// averages, then each statement) and its trend; a withheld view says so and shows no number.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { isAdmin, useViewer } from '../../app/session.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useMyPlans } from '../development/queries.ts';
import { AdminRounds } from './admin-rounds.tsx';
import { type ClimateResults, type ClimateView, useClimateResults, useTakeFocus } from './queries.ts';
import { FactorMarker, TrendChart } from './trend-chart.tsx';
import './climate.css';

export function ClimatePage() {
  const viewer = useViewer();
  const results = useClimateResults();
  return (
    <>
      <PageHeading title={t('climate.title')} />
      {results.status === 'pending' ? <Loading /> : null}
      {results.status === 'error' ? (
        <LoadError message={errorText(results.error)} onRetry={() => results.refetch()} />
      ) : null}
      {results.status === 'success' ? <Results results={results.data} /> : null}
      {isAdmin(viewer) ? <AdminRounds /> : null}
    </>
  );
}

function Results({ results }: { results: ClimateResults }) {
  const viewer = useViewer();
  const selectId = useId();
  const [key, setKey] = useState(results.views[0]?.key ?? '');
  const view = results.views.find((v) => v.key === key) ?? results.views[0];
  return (
    <section aria-labelledby={`${selectId}-h`}>
      <p id={`${selectId}-h`}>
        {t(isAdmin(viewer) ? 'climate.introAdmin' : 'climate.intro', {
          minimum: String(results.minimum),
        })}
      </p>
      {!view ? (
        <Alert tone="info">{t('climate.empty')}</Alert>
      ) : (
        <>
          <div className="field climate-choose">
            <label htmlFor={selectId}>{t('climate.view')}</label>
            <select id={selectId} value={view.key} onChange={(e) => setKey(e.target.value)}>
              {results.views.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <ViewDetail view={view} results={results} />
        </>
      )}
    </section>
  );
}

function ViewDetail({ view, results }: { view: ClimateView; results: ClimateResults }) {
  const latest = view.rounds.at(-1)!;
  const round = results.rounds.find((r) => r.id === latest.roundId)!;
  const itemText = new Map(results.items.map((i) => [i.key, i.text]));
  const mine = view.kind === 'leader' || view.kind === 'leader-team';
  const id = useId();
  return (
    <>
      <h2 id={`${id}-view`}>{view.label}</h2>
      <p className="muted">{t('climate.latest', { date: formatDate(round.closedAt) })}</p>
      {!latest.released ? (
        <Alert tone="info">{t('climate.withheld')}</Alert>
      ) : (
        <>
          <ScrollTable labelledBy={`${id}-view`}>
            <table className="table climate-table">
              <thead>
                <tr>
                  <th scope="col">{t('climate.factor')}</th>
                  <th scope="col">{t('climate.mean')}</th>
                  <th scope="col">{t('climate.n')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.factors!.map((f) => {
                  const factor = results.factors.find((x) => x.key === f.key)!;
                  return (
                    <tr key={f.key}>
                      <th scope="row">
                        <FactorMarker factor={f.key} /> {factor.name}
                        <span className="climate-description">{factor.description}</span>
                      </th>
                      <td>
                        <span
                          className="climate-bar"
                          style={{ width: `${(f.mean / 5) * 100}%` }}
                          aria-hidden="true"
                        />
                        {f.mean.toFixed(2)}
                      </td>
                      <td>{f.n}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          {mine ? (
            <TakeFocus
              factors={results.factors.filter((f) => latest.factors!.some((x) => x.key === f.key))}
            />
          ) : null}
          <details className="climate-items">
            <summary id={`${id}-items`}>{t('climate.items')}</summary>
            <ScrollTable labelledBy={`${id}-items`}>
              <table className="table climate-table">
                <thead>
                  <tr>
                    <th scope="col">{t('climate.statement')}</th>
                    <th scope="col">{t('climate.mean')}</th>
                    <th scope="col">{t('climate.n')}</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.items!.map((i) => (
                    <tr key={i.key}>
                      <th scope="row">{itemText.get(i.key) ?? i.key}</th>
                      <td>{i.mean.toFixed(2)}</td>
                      <td>{i.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        </>
      )}
      {view.rounds.length > 1 ? (
        <>
          <h3 id={`${id}-trend`}>{t('climate.trend')}</h3>
          <TrendChart view={view} results={results} />
          <ScrollTable labelledBy={`${id}-trend`}>
            <table className="table climate-table">
              <thead>
                <tr>
                  <th scope="col">{t('climate.factor')}</th>
                  {view.rounds.map((r) => (
                    <th scope="col" key={r.roundId}>
                      {formatDate(results.rounds.find((x) => x.id === r.roundId)!.closedAt)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {results.factors.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">{f.name}</th>
                    {view.rounds.map((r) => {
                      const figure = r.factors?.find((x) => x.key === f.key);
                      return (
                        <td key={r.roundId}>{figure ? figure.mean.toFixed(2) : t('climate.notShown')}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : null}
    </>
  );
}

/** Buttons that take a factor into the viewer's current plan (one request each, all or nothing). */
function TakeFocus({ factors }: { factors: ClimateResults['factors'] }) {
  const id = useId();
  const plans = useMyPlans();
  const take = useTakeFocus();
  const plan = plans.data?.current;
  if (!plans.isSuccess) return null;
  if (!plan) {
    return (
      <p>
        <Link to="/plan">{t('climate.noPlan')}</Link>
      </p>
    );
  }
  const taken = take.isSuccess ? factors.find((f) => f.key === take.variables?.factor) : undefined;
  return (
    <section className="climate-focus" aria-labelledby={id}>
      <p id={id}>{t('climate.takeFocusIntro')}</p>
      <div className="climate-focus-buttons">
        {factors.map((f) => (
          <Button
            key={f.key}
            variant="secondary"
            busy={take.isPending && take.variables?.factor === f.key}
            onClick={() => !take.isPending && take.mutate({ planId: plan.id, factor: f.key })}
          >
            {t('climate.takeFocus', { factor: f.name })}
          </Button>
        ))}
      </div>
      {taken ? <Alert tone="success">{t('climate.focusAdded', { factor: taken.name })}</Alert> : null}
      {take.isError ? <Alert tone="error">{errorText(take.error)}</Alert> : null}
    </section>
  );
}
