import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaUnits, useAreas, type Area, type Me, type Unit } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../components/StatusViews.js';
import { useFormat } from '../i18n/format.js';
import { INTL_LOCALES, currentLocale } from '../i18n/index.js';
import { isoWeekOf } from '../period.js';
import { rolesInUnit, rolesOverArea } from '../roles.js';
import { CoachHome } from './home/CoachHome.js';
import { HomeSwitch } from './home/HomeSwitch.js';
import { LeadershipHome } from './home/LeadershipHome.js';
import { SupervisorHome } from './home/SupervisorHome.js';
import { chosenHome, homesOf, rememberHome, type Home } from './home/homes.js';

/**
 * Everyone's own home after sign-in: leadership sees its areas, a coach the agenda and their units,
 * a supervisor this period's figures and next review. Someone with several roles switches between
 * them (remembered on this device). The areas and units the person may see are listed below.
 */
export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const homes = homesOf(me);
  const [home, setHome] = useState(() => chosenHome(homes));
  const week = isoWeekOf(new Date());
  const roleNames = me.roles.map((role) => t(`roles.${role}`));

  const choose = (next: Home) => {
    rememberHome(next);
    setHome(next);
  };

  return (
    <>
      <PageHeading
        title={
          // An admin sees every area, not the ones they lead: their home is not leadership's.
          home === 'leadership' && me.roles.includes('admin') && !me.roles.includes('leader')
            ? t('homes.leadership.adminTitle')
            : home
              ? t(`homes.${home}.title`)
              : t('home.title')
        }
      />
      <dl className="summary">
        {roleNames.length > 0 && (
          <div className="summary__item">
            <dt>{t('home.yourRoles')}</dt>
            <dd>{format.list(roleNames)}</dd>
          </div>
        )}
        <div className="summary__item">
          <dt>{t('home.thisWeek')}</dt>
          <dd>
            <time dateTime={week.period}>{format.number(week.week)}</time>{' '}
            <span className="muted">({format.dayRange(week.monday, week.sunday)})</span>
          </dd>
        </div>
      </dl>
      {homes.length > 1 && home && <HomeSwitch homes={homes} current={home} onChoose={choose} />}

      {home === 'leadership' ? (
        <LeadershipHome me={me} />
      ) : home === 'coach' ? (
        <CoachHome me={me} />
      ) : home === 'supervisor' ? (
        <SupervisorHome me={me} />
      ) : null}

      <AllUnits me={me} />
    </>
  );
}

/** The areas and units the person may see, as the front page always listed them. */
function AllUnits({ me }: { me: Me }) {
  const { t } = useTranslation();
  const areas = useAreas();
  if (me.roles.length === 0) {
    return (
      <EmptyState title={t('home.emptyTitle')}>
        <p>{t('home.emptyBody')}</p>
      </EmptyState>
    );
  }
  return (
    <section className="all-units" aria-labelledby="all-units-heading">
      <h2 id="all-units-heading">{t('homes.allUnits')}</h2>
      {areas.isPending ? (
        <Loading />
      ) : areas.isError ? (
        <ErrorState error={areas.error} onRetry={() => void areas.refetch()} />
      ) : areas.data.length === 0 ? (
        <p className="muted">{t('home.emptyBody')}</p>
      ) : (
        <>
          <p className="muted">{t('home.intro')}</p>
          {areas.data.map((area) => (
            <AreaSection key={area.id} area={area} me={me} />
          ))}
        </>
      )}
    </section>
  );
}

function AreaSection({ area, me }: { area: Area; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const units = useAreaUnits(area.id);
  const headingId = `area-${area.id}`;
  const areaRoles = rolesOverArea(me, area.id);
  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  const items = (units.data?.pages.flatMap((page) => page.items) ?? []).sort((a, b) =>
    collator.compare(a.name[locale], b.name[locale]),
  );

  return (
    <section className="area" aria-labelledby={headingId}>
      <div className="area__header">
        <h3 id={headingId}>
          <Link href={`/areas/${area.id}`}>{area.name[locale]}</Link>
        </h3>
        {units.isSuccess && <p className="area__count">{t('home.unitCount', { count: items.length })}</p>}
        {areaRoles.length > 0 && <RoleBadges roles={areaRoles} />}
      </div>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('home.noUnits')}</p>
      ) : (
        <>
          <ul className="unit-list">
            {items.map((unit) => (
              <UnitCard key={unit.id} unit={unit} me={me} />
            ))}
          </ul>
          {units.hasNextPage && (
            <button
              type="button"
              className="button button--quiet"
              disabled={units.isFetchingNextPage}
              onClick={() => void units.fetchNextPage()}
            >
              {units.isFetchingNextPage ? t('status.loading') : t('home.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UnitCard({ unit, me }: { unit: Unit; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const roles = rolesInUnit(me, unit.id);
  return (
    <li className="unit-card">
      <h4 className="unit-card__name">
        <Link href={`/units/${unit.id}`} className="unit-card__link">
          {unit.name[locale]}
        </Link>
      </h4>
      <p className="unit-card__meta">
        <span>{t(`unitKinds.${unit.kind}`)}</span>
        <span aria-hidden="true"> · </span>
        <span>
          <span className="visually-hidden">{t('unit.municipality')}: </span>
          {unit.municipality}
        </span>
      </p>
      {roles.length > 0 && <RoleBadges roles={roles} />}
    </li>
  );
}

export function RoleBadges({ roles }: { roles: Me['roles'] }) {
  const { t } = useTranslation();
  return (
    <p className="roles">
      <span className="roles__label">{t('home.yourRole', { count: roles.length })}:</span>{' '}
      {roles.map((role) => (
        <span key={role} className={`badge badge--${role}`}>
          {t(`roles.${role}`)}
        </span>
      ))}
    </p>
  );
}
