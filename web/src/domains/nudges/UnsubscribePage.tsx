// /unsubscribe?token=…: where a digest's "Stop this digest" link leads, signed in or not. Opening it
// changes nothing (mail scanners open links too); the button sends the same one-click POST a mail
// provider would (RFC 8058). A link that is not valid says why.
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useUnsubscribe, useUnsubscribeState } from './queries.ts';

export function UnsubscribePage() {
  const [query] = useSearchParams();
  const token = query.get('token') ?? '';
  const state = useUnsubscribeState(token);
  const unsubscribe = useUnsubscribe(token);
  const { viewer } = useSession();

  let content: React.ReactNode;
  if (!token) content = <Alert tone="error">{t('unsubscribe.noToken')}</Alert>;
  else if (state.isPending) content = <Loading label={t('unsubscribe.checking')} />;
  else if (state.isError) content = <Alert tone="error">{errorText(state.error)}</Alert>;
  else if (unsubscribe.isSuccess) content = <Alert tone="success">{t('unsubscribe.done')}</Alert>;
  else if (state.data.frequency === 'off') content = <Alert tone="info">{t('unsubscribe.already')}</Alert>;
  else {
    content = (
      <>
        <p>{t('unsubscribe.ask')}</p>
        {unsubscribe.isError ? <Alert tone="error">{errorText(unsubscribe.error)}</Alert> : null}
        <div className="form-actions">
          <Button
            busy={unsubscribe.isPending}
            busyLabel={t('unsubscribe.busy')}
            className="button-block"
            onClick={() => {
              if (!unsubscribe.isPending) unsubscribe.mutate();
            }}
          >
            {t('unsubscribe.button')}
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('unsubscribe.title')} />
      <div className="stack">{content}</div>
      <p className="form-footer">
        {viewer ? (
          <Link to="/settings/nudges">{t('unsubscribe.settings')}</Link>
        ) : (
          <>
            {t('unsubscribe.settingsHint')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent('/settings/nudges')}`}>
              {t('unsubscribe.settings')}
            </Link>
          </>
        )}
      </p>
    </>
  );
}
