import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { t } from '../../i18n/index.ts';
import { Alert, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useAcceptInvitation, useInvitation } from './queries.ts';
import { SetPasswordForm } from './SetPasswordForm.tsx';

/** 410 is a used or expired link; 400 on the token is a link mangled by an email client. */
const isExpired = (error: unknown) =>
  error instanceof ApiError && (error.status === 410 || error.fields.token !== undefined);

export function InvitationPage({ token }: { token: string }) {
  const session = useSession();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const [expired, setExpired] = useState(false);

  let body: ReactNode;
  if (expired || (invitation.isError && isExpired(invitation.error))) {
    body = (
      <>
        <Alert tone="error">{t('invitation.expired')}</Alert>
        <p className="form-footer">
          <Link to="/sign-in">{t('invitation.signIn')}</Link>
        </p>
      </>
    );
  } else if (invitation.isPending) {
    body = <Loading label={t('invitation.checking')} />;
  } else if (invitation.isError) {
    body = <LoadError message={errorText(invitation.error)} onRetry={() => void invitation.refetch()} />;
  } else {
    const info = invitation.data;
    body = (
      <>
        <p className="lead">
          {t('invitation.welcome', { name: info.name, organisation: info.organisation })}
        </p>
        <p>{t('invitation.account', { email: info.email })}</p>
        <SetPasswordForm
          email={info.email}
          passwordLabel={t('invitation.password')}
          confirmLabel={t('invitation.confirm')}
          submitLabel={t('invitation.submit')}
          busyLabel={t('invitation.submitting')}
          save={(password) => accept.mutateAsync({ token, password })}
          done={(viewer) => session.signedIn(viewer, '/')}
          onExpired={() => setExpired(true)}
        />
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('invitation.title')} />
      {body}
    </>
  );
}
