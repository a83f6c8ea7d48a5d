import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useChangeUnitMeasure, type UnitMeasure } from '../../api/measurements.js';
import { ActionError } from '../../components/ActionError.js';
import { Link } from '../../components/Link.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { measureName } from './shared.js';
import '../../styles/unitsetup.css';

/** The measures the unit tracks now; the others keep their history but take no figures. */
export function tracking(measures: readonly UnitMeasure[]): UnitMeasure[] {
  return measures.filter((m) => !m.stoppedAt);
}

/**
 * Measures the unit no longer tracks: their charts stay readable, and its coaches and supervisors
 * can take one back, which continues the same series.
 */
export function StoppedMeasures({ unitId, measures, canManage }: { unitId: string; measures: readonly UnitMeasure[]; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const resume = useChangeUnitMeasure(unitId);
  const [message, setMessage] = useState('');
  const stopped = measures.filter((m) => m.stoppedAt);
  if (stopped.length === 0 && !message) return null;
  return (
    <section className="panel" aria-labelledby="stopped-measures-heading">
      <h2 id="stopped-measures-heading">{t('unitSetup.stoppedTitle')}</h2>
      <p role="status" className="status-message">
        {message}
      </p>
      {stopped.length > 0 && (
        <>
          <p className="field__hint">{t('unitSetup.stoppedIntro')}</p>
          <ul className="stopped-measures">
            {stopped.map((measure) => {
              const name = measureName(measure, locale);
              return (
                <li key={measure.key}>
                  <Link href={`/units/${unitId}/measures/${measure.key}`}>{name}</Link>
                  <span className="unit-setup__mark">{t('unitSetup.stoppedAt', { date: format.date(helsinkiDate(new Date(measure.stoppedAt!))) })}</span>
                  {canManage && (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('unitSetup.resumeLabel', { name })}
                      disabled={resume.isPending}
                      onClick={() =>
                        resume.mutate(
                          { key: measure.key, version: measure.version, changes: { tracked: true } },
                          { onSuccess: () => setMessage(t('unitSetup.resumed', { name })) },
                        )
                      }
                    >
                      {t('unitSetup.resume')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <ActionError error={resume.error} />
        </>
      )}
    </section>
  );
}
