import { useTranslation } from 'react-i18next';
import { useAreaOverviews, type AreaOverview } from '../../api/overview.js';
import { useAreas, type Area, type Me } from '../../api/queries.js';
import { Link } from '../../components/Link.js';
import { useAttentionWords } from '../../components/leadership/Attention.js';
import { WarningIcon } from '../../components/Pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

/** Leadership's home: each area it leads (every area for an admin) in a few figures, and the way into its overview. */
export function LeadershipHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const areas = useAreas();
  // The home's scope, not a permission: the API lists the areas the person may read.
  const everyArea = me.roles.includes('admin');
  const shown = (areas.data ?? []).filter((area) => everyArea || me.work.ledAreaIds.includes(area.id));
  const overviews = useAreaOverviews(shown.map((area) => area.id));

  return (
    <section className="home-section" aria-labelledby="leadership-home-heading">
      <h2 id="leadership-home-heading">{t('homes.leadership.areas')}</h2>
      <p className="muted">{t('homes.leadership.intro')}</p>
      {areas.isPending ? (
        <Loading />
      ) : areas.isError ? (
        <ErrorState error={areas.error} onRetry={() => void areas.refetch()} />
      ) : (
        <ul className="home-cards">
          {shown.map((area, i) => {
            const overview = overviews[i];
            return (
              <li key={area.id} className="home-card">
                {overview?.data ? (
                  <AreaSummary area={area} overview={overview.data} />
                ) : overview?.isError ? (
                  <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
                ) : (
                  <Loading />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AreaSummary({ area, overview }: { area: Area; overview: AreaOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const attentionWords = useAttentionWords();
  const locale = currentLocale();
  const units = overview.units;
  const attention = units.filter((u) => u.attention.length > 0);
  const confirmed = units.filter((u) => u.progress.confirmed && !u.progressStale).length;
  const entered = units.flatMap((u) => u.measures).reduce((sum, m) => sum + m.completeness.entered, 0);
  const expected = units.flatMap((u) => u.measures).reduce((sum, m) => sum + m.completeness.expected, 0);
  const headingId = `home-area-${area.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="home-card__title">
        {area.name[locale]}
      </h3>
      <dl className="figures">
        <div>
          <dt>{t('homes.leadership.units')}</dt>
          <dd>{format.number(units.length)}</dd>
        </div>
        <div>
          <dt>{t('homes.leadership.needAttention')}</dt>
          <dd>{format.number(attention.length)}</dd>
        </div>
        <div>
          <dt>{t('homes.leadership.scoresCurrent')}</dt>
          <dd>{t('homes.leadership.ofUnits', { count: confirmed, total: format.number(units.length) })}</dd>
        </div>
        <div>
          <dt>{t('homes.leadership.cyclesInProgress')}</dt>
          <dd>{format.number(units.reduce((sum, u) => sum + u.pdsa.inProgress, 0))}</dd>
        </div>
        <div>
          <dt>{t('homes.leadership.completeness')}</dt>
          <dd>{expected === 0 ? '–' : format.number(entered / expected, { style: 'percent' })}</dd>
        </div>
      </dl>
      {attention.length > 0 && (
        <>
          <h4 className="home-card__subheading">{t('homes.leadership.attentionFirst')}</h4>
          <ul className="plain-list">
            {attention
              .sort((a, b) => b.attention.length - a.attention.length)
              .slice(0, 3)
              .map((unit) => (
                <li key={unit.unitId} className="attention">
                  <WarningIcon />
                  <span>
                    <Link href={`/units/${unit.unitId}`}>{unit.unitName[locale]}</Link>:{' '}
                    {attentionWords(unit)}
                  </span>
                </li>
              ))}
          </ul>
        </>
      )}
      <p>
        <Link href={`/areas/${area.id}`} className="button">
          {t('homes.leadership.open', { area: area.name[locale] })}
        </Link>
      </p>
    </article>
  );
}
