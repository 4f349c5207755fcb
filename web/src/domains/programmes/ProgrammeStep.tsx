// On the home page: the participant's newest launched programme step, with where to do it. Nothing
// when they are in no programme or no step has gone out yet. A secondary button: the home page's
// one primary button stays its next step.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { programmesApi } from '../../../../src/domains/programmes/endpoints.ts';
import { call } from '../../api.ts';
import { t } from '../../i18n/index.ts';

export function ProgrammeStep() {
  const steps = useQuery({
    queryKey: ['programmes', 'my-steps'],
    queryFn: () => call(programmesApi.mySteps, {}),
  });
  const step = steps.data?.[0];
  if (!step) return null;
  return (
    <section className="card home-programme" aria-labelledby="home-programme-heading">
      <h2 id="home-programme-heading" className="home-eyebrow">
        {t('programme.mine.heading', { programme: step.programmeName })}
      </h2>
      <p className="home-next-title">{step.title}</p>
      {step.description ? <p>{step.description}</p> : null}
      <Link className="button button-secondary" to={step.href}>
        {t('programme.mine.open')}
      </Link>
    </section>
  );
}
