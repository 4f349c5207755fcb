import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { t } from '../../i18n/index.ts';
import { Alert, PageHeading } from '../../ui/components.tsx';
import { useConfirmPasswordReset } from './queries.ts';
import { SetPasswordForm } from './SetPasswordForm.tsx';

export function ResetPasswordPage({ token }: { token: string }) {
  const session = useSession();
  const confirm = useConfirmPasswordReset();
  const [expired, setExpired] = useState(false);
  return (
    <>
      <PageHeading title={t('reset.title')} />
      {expired ? (
        <>
          <Alert tone="error">{t('errors.link_expired')}</Alert>
          <p className="form-footer">
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <SetPasswordForm
            passwordLabel={t('reset.password')}
            confirmLabel={t('reset.confirm')}
            submitLabel={t('reset.submit')}
            busyLabel={t('reset.submitting')}
            save={(password) => confirm.mutateAsync({ token, password })}
            done={(viewer) => session.signedIn(viewer, '/')}
            onExpired={() => setExpired(true)}
          />
        </>
      )}
    </>
  );
}
