import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdoptAsIdea, type AdoptedChange, type AreaOverview, type OverviewUnit } from '../../api/overview.js';
import { useUnitsById, type Me } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Link } from '../../components/Link.js';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { ownUnitIds } from '../../roles.js';

/** Adopted changes of the area's units with their evidence, so another unit can take one up. */
export function GoodPractices({ overview, me }: { overview: AreaOverview; me: Me }) {
  const { t } = useTranslation();
  const practices = overview.units
    .flatMap((unit) => unit.pdsa.adoptedChanges.map((change) => ({ unit, change })))
    .sort((a, b) => b.change.decidedAt.localeCompare(a.change.decidedAt));
  const own = ownUnitIds(me);

  return (
    <section className="good-practices" aria-labelledby="good-practices-heading">
      <h2 id="good-practices-heading">{t('goodPractices.title')}</h2>
      <p className="muted">{practices.length > 0 ? t('goodPractices.intro') : t('goodPractices.empty')}</p>
      {practices.length > 0 && (
        <ul className="practice-list">
          {practices.map(({ unit, change }) => (
            <Practice key={`${unit.unitId}/${change.cycleId}`} unit={unit} change={change} overview={overview} ownUnitIds={own.filter((id) => id !== unit.unitId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Practice({ unit, change, overview, ownUnitIds }: { unit: OverviewUnit; change: AdoptedChange; overview: AreaOverview; ownUnitIds: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const headingId = useId();
  const measureName = (key: string) => overview.measures.find((m) => m.measureKey === key)?.name[locale] ?? key;
  return (
    <li className="practice">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="practice__title">
          {change.title}
        </h3>
        <p className="practice__meta">
          {unit.unitName[locale]}
          <span aria-hidden="true"> · </span>
          {t('goodPractices.adoptedOn', { date: format.date(helsinkiDate(new Date(change.decidedAt))) })}
        </p>
        {change.objective && <p>{change.objective}</p>}
        {change.reason && (
          <p>
            <strong>{t('goodPractices.why')}:</strong> {change.reason}
          </p>
        )}
        <h4 className="practice__evidence-heading">{t('goodPractices.evidence')}</h4>
        <ul className="practice__evidence">
          <li>
            <Link href={`/units/${unit.unitId}/cycles/${change.cycleId}`}>{t('goodPractices.openCycle', { title: change.title })}</Link>
          </li>
          {change.measureKeys.map((key) => (
            <li key={key}>
              <Link href={`/units/${unit.unitId}/measures/${key}`}>{t('goodPractices.openChart', { measure: measureName(key), unit: unit.unitName[locale] })}</Link>
            </li>
          ))}
        </ul>
        {ownUnitIds.length > 0 && <StartOwn change={change} from={unit} ownUnitIds={ownUnitIds} />}
      </article>
    </li>
  );
}

/** Takes the change up as a change idea in one of the person's own units and links to it. */
function StartOwn({ change, from, ownUnitIds }: { change: AdoptedChange; from: OverviewUnit; ownUnitIds: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const units = useUnitsById(ownUnitIds);
  const adopt = useAdoptAsIdea();
  const [unitId, setUnitId] = useState(ownUnitIds[0] ?? '');
  const selectId = useId();
  const nameOf = (id: string) => units[ownUnitIds.indexOf(id)]?.data?.name[locale] ?? id;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const description = [
      change.objective,
      t('goodPractices.ideaSource', {
        unit: from.unitName[locale],
        date: format.date(helsinkiDate(new Date(change.decidedAt))),
        reason: change.reason,
      }),
    ]
      .filter(Boolean)
      .join('\n\n');
    adopt.mutate({ unitId, title: change.title, description });
  };

  if (adopt.isSuccess) {
    return (
      <p className="notice notice--info notice--compact" role="status">
        {t('goodPractices.ideaCreated', { unit: nameOf(adopt.data.unitId) })}{' '}
        <Link href={`/units/${adopt.data.unitId}`}>{t('goodPractices.openIdea', { unit: nameOf(adopt.data.unitId) })}</Link>
      </p>
    );
  }
  return (
    <form className="practice__start no-print" onSubmit={onSubmit}>
      {ownUnitIds.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('goodPractices.inUnit')}
          </label>
          <select id={selectId} className="field__control" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {ownUnitIds.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button--small" disabled={adopt.isPending}>
        {adopt.isPending ? t('form.saving') : t('goodPractices.startOwn')}
        {ownUnitIds.length === 1 && <span className="visually-hidden"> ({nameOf(unitId)})</span>}
      </button>
      <ActionError error={adopt.error} />
    </form>
  );
}
