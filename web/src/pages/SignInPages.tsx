import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signedIn, lastRefusal, type AuthStatus } from '../auth/auth-state.js';
import { SignInError, completeSignIn, startSignIn } from '../auth/sign-in.js';
import { PageHeading } from '../components/PageHeading.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { currentLocale } from '../i18n/index.js';
import { navigate } from '../router.js';

function SignInButton({ label, returnTo }: { label: string; returnTo?: string }) {
  const [failed, setFailed] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          startSignIn(currentLocale(), returnTo).catch((error: unknown) => {
            setBusy(false);
            setFailed(error);
          });
        }}
      >
        {label}
      </button>
      {failed !== undefined && <ErrorState error={failed} />}
    </>
  );
}

/** Not signed in: go to sign-in at once, or say why not (session ended, signed out). */
export function SignedOutPage({ status }: { status: Exclude<AuthStatus, 'signedIn'> }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (status !== 'none') return;
    startSignIn(currentLocale()).catch((error: unknown) => setFailed(error));
  }, [status, attempt]);

  if (status === 'expired') {
    const detail = lastRefusal();
    return (
      <div className="narrow">
        <PageHeading title={t('auth.expiredTitle')} />
        <p>{t('auth.expiredBody')}</p>
        {detail && (
          <details className="technical">
            <summary>{t('error.technical')}</summary>
            <p lang="en">{detail}</p>
          </details>
        )}
        <SignInButton label={t('auth.signInAgain')} />
      </div>
    );
  }
  if (status === 'signedOut') {
    return (
      <div className="narrow">
        <PageHeading title={t('auth.signedOutTitle')} />
        <p>{t('auth.signedOutBody')}</p>
        <SignInButton label={t('auth.signIn')} returnTo="/" />
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title={t('auth.signIn')} />
      {failed === undefined ? (
        <Loading label={t('auth.redirecting')} />
      ) : (
        <ErrorState
          error={failed}
          onRetry={() => {
            setFailed(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

/** /auth/callback: finish the code exchange, then go where the person was heading. */
export function CallbackPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SignInError>();

  useEffect(() => {
    let active = true;
    completeSignIn(window.location.search)
      .then((returnTo) => {
        if (!active) return;
        queryClient.clear();
        navigate(returnTo, { replace: true });
        signedIn();
      })
      .catch((error: unknown) => {
        if (active) setFailure(error instanceof SignInError ? error : new SignInError('exchange', String(error)));
      });
    return () => {
      active = false;
    };
  }, [queryClient]);

  if (!failure) {
    return (
      <div className="narrow">
        <PageHeading title={t('auth.signIn')} />
        <Loading label={t('auth.completing')} />
      </div>
    );
  }
  const message = {
    state: t('auth.failedState'),
    denied: t('auth.failedDenied'),
    exchange: t('auth.failedExchange'),
    network: t('auth.failedNetwork'),
  }[failure.reason];
  return (
    <div className="narrow">
      <PageHeading title={t('auth.failedTitle')} />
      <div className="notice notice--error" role="alert">
        <p>{message}</p>
        <details className="technical">
          <summary>{t('error.technical')}</summary>
          <p lang="en">{failure.message}</p>
        </details>
      </div>
      <SignInButton label={t('auth.signInAgain')} returnTo="/" />
    </div>
  );
}
