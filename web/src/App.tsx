import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './api/queries.js';
import { signedOutLocally, useAuthStatus } from './auth/auth-state.js';
import { signOut } from './auth/sign-in.js';
import { Layout } from './components/Layout.js';
import { PageHeading } from './components/PageHeading.js';
import { ErrorState, Loading } from './components/StatusViews.js';
import { changeLocale, currentLocale, isLocale, rememberedLocale } from './i18n/index.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { CallbackPage, SignedOutPage } from './pages/SignInPages.js';
import { UnitPage } from './pages/UnitPage.js';
import { matchRoute, usePathname, type Route } from './router.js';

export function App() {
  const route = matchRoute(usePathname());
  const status = useAuthStatus();

  if (route.name === 'callback') {
    return (
      <Layout>
        <CallbackPage />
      </Layout>
    );
  }
  if (status !== 'signedIn') {
    return (
      <Layout>
        <SignedOutPage status={status} />
      </Layout>
    );
  }
  return <SignedInApp route={route} />;
}

function SignedInApp({ route }: { route: Exclude<Route, { name: 'callback' }> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();

  // Until the person picks a language on this device, use the one in their profile.
  const profileLocale = me.data?.person.locale;
  useEffect(() => {
    if (isLocale(profileLocale) && !rememberedLocale() && profileLocale !== currentLocale()) {
      void changeLocale(profileLocale, { remember: false });
    }
  }, [profileLocale]);

  const onSignOut = () => {
    void signOut().then((result) => {
      if (result === 'done') {
        queryClient.clear();
        signedOutLocally();
      }
    });
  };

  return (
    <Layout personName={me.data?.person.name} onSignOut={onSignOut}>
      {me.isPending ? (
        <>
          <PageHeading title={t('status.loading')} />
          <Loading />
        </>
      ) : me.isError ? (
        <>
          <PageHeading title={t('error.title')} />
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        </>
      ) : route.name === 'home' ? (
        <HomePage me={me.data} />
      ) : route.name === 'unit' ? (
        <UnitPage key={route.unitId} unitId={route.unitId} me={me.data} />
      ) : (
        <NotFoundPage />
      )}
    </Layout>
  );
}
