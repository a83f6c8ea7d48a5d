import { useTranslation } from 'react-i18next';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useUnitPeople } from '../../api/pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';

/**
 * The unit's coaches and supervisors. Coaches and admins also see whose e-mail does not arrive
 * (the API tells only them), with what to do about it.
 */
export function UnitPeople({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = useUnitPeople(unitId);
  return (
    <section className="panel" aria-labelledby="unit-people">
      <h2 id="unit-people">{t('people.title')}</h2>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.length === 0 ? (
        <p className="muted">{t('people.empty')}</p>
      ) : (
        <ul className="unit-people">
          {people.data.map((person) => (
            <li key={person.id}>
              <span className="unit-people__name">{person.name}</span>{' '}
              {person.roles.map((role) => (
                <span key={role} className={`badge badge--${role}`}>
                  {t(`roles.${role}`)}
                </span>
              ))}
              {person.undeliverable && (
                <p className="unit-people__mail">
                  <strong>{t('people.undeliverable')}.</strong>{' '}
                  {t(`people.${person.undeliverable.reason}`, { date: format.date(helsinkiDate(new Date(person.undeliverable.at))) })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
