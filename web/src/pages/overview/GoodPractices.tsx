import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaPractices, useStartFromPractice, type GoodPractice } from '../../api/practices.js';
import { ActionError } from '../../components/ActionError.js';
import { Link } from '../../components/Link.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

/**
 * The area's adopted changes with their evidence, so that another unit can take one up: on the
 * area overview and on the practices page every coach and supervisor of the area reaches.
 */
export function GoodPractices({ areaId, labelledBy }: { areaId: string; /** The page's own heading, instead of the section's. */ labelledBy?: string }) {
  const { t } = useTranslation();
  const practices = useAreaPractices(areaId);
  const list = practices.data?.practices ?? [];

  return (
    <section className="good-practices" aria-labelledby={labelledBy ?? 'good-practices-heading'}>
      {!labelledBy && <h2 id="good-practices-heading">{t('goodPractices.title')}</h2>}
      {practices.isPending ? (
        <Loading />
      ) : practices.isError ? (
        <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />
      ) : (
        <>
          <p className="muted">{list.length > 0 ? t('goodPractices.intro') : t('goodPractices.empty')}</p>
          {list.length > 0 && (
            <ul className="practice-list">
              {list.map((practice) => (
                <Practice key={`${practice.unitId}/${practice.cycleId}`} practice={practice} areaId={areaId} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Practice({ practice, areaId }: { practice: GoodPractice; areaId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const headingId = useId();
  const unitName = practice.unitName[locale];
  return (
    <li className="practice">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="practice__title">
          {practice.title}
        </h3>
        <p className="practice__meta">
          {unitName}
          <span aria-hidden="true"> · </span>
          {t('goodPractices.adoptedOn', { date: format.date(helsinkiDate(new Date(practice.decidedAt))) })}
        </p>
        {practice.objective && <p>{practice.objective}</p>}
        {practice.reason && (
          <p>
            <strong>{t('goodPractices.why')}:</strong> {practice.reason}
          </p>
        )}
        {practice.can.openEvidence ? (
          <>
            <h4 className="practice__evidence-heading">{t('goodPractices.evidence')}</h4>
            <ul className="practice__evidence">
              <li>
                <Link href={`/units/${practice.unitId}/cycles/${practice.cycleId}`}>{t('goodPractices.openCycle', { title: practice.title })}</Link>
              </li>
              {practice.measures.map((m) => (
                <li key={m.measureKey}>
                  <Link href={`/units/${practice.unitId}/measures/${m.measureKey}`}>{t('goodPractices.openChart', { measure: m.name[locale], unit: unitName })}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          practice.measures.length > 0 && (
            <p className="practice__measures">{t('goodPractices.measures', { measures: format.list(practice.measures.map((m) => m.name[locale])) })}</p>
          )
        )}
        {practice.startedIn.length > 0 && (
          <p className="practice__started">
            {t('goodPractices.startedIn')}{' '}
            {practice.startedIn.map((use, i) => (
              <span key={use.cycleId}>
                {i > 0 && ', '}
                {use.can.open ? <Link href={`/units/${use.unitId}/cycles/${use.cycleId}`}>{use.unitName[locale]}</Link> : use.unitName[locale]}
              </span>
            ))}
          </p>
        )}
        {practice.can.startIn.length > 0 && <StartOwn practice={practice} areaId={areaId} />}
      </article>
    </li>
  );
}

/** Starts a draft cycle from the practice in one of the units where the person may plan cycles, and links to it. */
function StartOwn({ practice, areaId }: { practice: GoodPractice; areaId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const start = useStartFromPractice(areaId);
  const units = practice.can.startIn;
  const [unitId, setUnitId] = useState(units[0]!.unitId);
  const selectId = useId();
  const nameOf = (id: string) => units.find((u) => u.unitId === id)?.unitName[locale] ?? id;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ unitId, practice });
  };

  if (start.isSuccess) {
    return (
      <p className="notice notice--info notice--compact" role="status">
        {t('goodPractices.cycleCreated', { unit: nameOf(start.data.unitId) })}{' '}
        <Link href={`/units/${start.data.unitId}/cycles/${start.data.id}`}>{t('goodPractices.openNewCycle', { title: start.data.title })}</Link>
      </p>
    );
  }
  return (
    <form className="practice__start no-print" onSubmit={onSubmit}>
      {units.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('goodPractices.inUnit')}
          </label>
          <select id={selectId} className="field__control" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.unitName[locale]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button--small" disabled={start.isPending}>
        {start.isPending ? t('form.saving') : t('goodPractices.startOwn')}
        {units.length === 1 && <span className="visually-hidden"> ({nameOf(unitId)})</span>}
      </button>
      <ActionError error={start.error} />
    </form>
  );
}
