import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxAvailable } from './api/outbox.js';
import { useMe } from './api/queries.js';
import { signedOutLocally, useAuthStatus } from './auth/auth-state.js';
import { signOut } from './auth/sign-in.js';
import { Layout } from './components/Layout.js';
import { PageHeading } from './components/PageHeading.js';
import { ErrorState, Loading } from './components/StatusViews.js';
import { changeLocale, currentLocale, isLocale, rememberedLocale } from './i18n/index.js';
import { AccessibilityPage } from './pages/AccessibilityPage.js';
import { AgendaPage } from './pages/AgendaPage.js';
import { AreaBriefingPage } from './pages/AreaBriefingPage.js';
import { AreaOverviewPage } from './pages/AreaOverviewPage.js';
import { CyclePage } from './pages/CyclePage.js';
import { DriverDiagramPage } from './pages/DriverDiagramPage.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OutboxPage } from './pages/OutboxPage.js';
import { SettingsPage } from './pages/settings/SettingsPage.js';
import { PracticesPage } from './pages/PracticesPage.js';
import { CallbackPage, SignedOutPage } from './pages/SignInPages.js';
import { UnitPage } from './pages/UnitPage.js';
import { AuditPage } from './pages/admin/AuditPage.js';
import { CataloguePage } from './pages/admin/CataloguePage.js';
import { OrganisationPage } from './pages/admin/OrganisationPage.js';
import { PeoplePage } from './pages/admin/PeoplePage.js';
import { EntryPage } from './pages/measures/EntryPage.js';
import { MeasureChartPage } from './pages/measures/MeasureChartPage.js';
import { MeasuresPage } from './pages/measures/MeasuresPage.js';
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
  // The accessibility statement is public: anyone must be able to read it and give feedback.
  if (route.name === 'accessibility' && status !== 'signedIn') {
    return (
      <Layout>
        <AccessibilityPage />
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
  const outbox = useOutboxAvailable();

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

  const ledAreaIds = me.data?.work.ledAreaIds ?? [];

  // The agenda for coaches; the outbox only where the runtime has one (the local app).
  const navigation = [
    { href: '/', label: t('nav.home'), current: route.name === 'home' },
    ...(me.data && me.data.work.coachedUnitIds.length > 0
      ? [{ href: '/agenda', label: t('nav.agenda'), current: route.name === 'agenda' }]
      : []),
    // A leader of one area gets its overview in the navigation; several areas are listed on the home page.
    ...(ledAreaIds.length === 1
      ? [{ href: `/areas/${ledAreaIds[0]}`, label: t('overview.nav'), current: route.name === 'area' && route.areaId === ledAreaIds[0] }]
      : []),
    ...(outbox.data ? [{ href: '/outbox', label: t('nav.outbox'), current: route.name === 'outbox' }] : []),
    ...(me.data?.can.administer ? [{ href: '/admin', label: t('administration.nav'), current: route.name === 'admin' }] : []),
    { href: '/settings', label: t('digest.nav'), current: route.name === 'settings' },
  ];

  return (
    <Layout personName={me.data?.person.name} onSignOut={onSignOut} navigation={navigation}>
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
      ) : route.name === 'cycle' ? (
        <CyclePage key={`${route.unitId}/${route.cycleId}`} unitId={route.unitId} cycleId={route.cycleId} me={me.data} />
      ) : route.name === 'drivers' ? (
        <DriverDiagramPage key={`${route.unitId}/${route.aimId}`} unitId={route.unitId} aimId={route.aimId} />
      ) : route.name === 'unitMeasures' ? (
        <MeasuresPage key={route.unitId} unitId={route.unitId} me={me.data} />
      ) : route.name === 'entry' ? (
        <EntryPage key={route.unitId} unitId={route.unitId} />
      ) : route.name === 'measureChart' ? (
        <MeasureChartPage key={`${route.unitId}/${route.measureKey}`} unitId={route.unitId} measureKey={route.measureKey} />
      ) : route.name === 'agenda' ? (
        <AgendaPage me={me.data} />
      ) : route.name === 'outbox' ? (
        <OutboxPage />
      ) : route.name === 'settings' ? (
        <SettingsPage me={me.data} />
      ) : route.name === 'area' ? (
        <AreaOverviewPage key={route.areaId} areaId={route.areaId} />
      ) : route.name === 'briefing' ? (
        <AreaBriefingPage key={route.areaId} areaId={route.areaId} />
      ) : route.name === 'practices' ? (
        <PracticesPage key={route.areaId} areaId={route.areaId} />
      ) : route.name === 'accessibility' ? (
        <AccessibilityPage />
      ) : route.name === 'admin' && me.data.can.administer ? (
        route.section === 'people' ? <PeoplePage /> : route.section === 'audit' ? <AuditPage /> : route.section === 'catalogue' ? <CataloguePage /> : <OrganisationPage />
      ) : (
        <NotFoundPage />
      )}
    </Layout>
  );
}
