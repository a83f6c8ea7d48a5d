import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addPeriods, comparePeriods, periodOf, periodRange, periodStart } from '../../../../functions/domain/period-calendar.js';
import { useMoveToCatalogueVersion } from '../../api/catalogue.js';
import type { UnitMeasureItem } from '../../api/measurements.js';
import { ActionError } from '../../components/ActionError.js';
import { SelectField } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import '../../styles/catalogue.css';
import { measureName } from './shared.js';

/**
 * The periods a unit may move from: of its own frequency, starting no earlier than the catalogue
 * version and after its current definition's start, up to a quarter of a year ahead.
 */
function movePeriods(measure: UnitMeasureItem, catalogueFrom: string, now: Date): string[] {
  const frequency = measure.frequency;
  let first = periodOf(frequency, periodStart(catalogueFrom));
  if (periodStart(first).getTime() < periodStart(catalogueFrom).getTime()) first = addPeriods(first, 1);
  const afterCurrent = addPeriods(measure.versions[measure.versions.length - 1]!.validFrom, 1);
  if (comparePeriods(afterCurrent, first) > 0) first = afterCurrent;
  const current = periodOf(frequency, now);
  const ahead = frequency === 'weekly' ? 13 : 3;
  return periodRange(first, addPeriods(comparePeriods(first, current) > 0 ? first : current, ahead));
}

/** On a unit's measures page: each newer catalogue definition its measures may move to, and the move for its coaches and supervisors. */
export function CatalogueVersionNotice({ unitId, measures, canMove }: { unitId: string; measures: UnitMeasureItem[]; canMove: boolean }) {
  // Kept here: a measure that has moved leaves the list of updates, and its confirmation must stay.
  const [moved, setMoved] = useState('');
  const updates = measures.filter((m) => m.catalogueUpdate);
  if (updates.length === 0 && !moved) return null;
  return (
    <>
      <p role="status" className="status-message">
        {moved}
      </p>
      {updates.map((measure) => (
        <MeasureUpdate key={measure.key} unitId={unitId} measure={measure} canMove={canMove} onMoved={setMoved} />
      ))}
    </>
  );
}

function MeasureUpdate({ unitId, measure, canMove, onMoved }: { unitId: string; measure: UnitMeasureItem; canMove: boolean; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = measure.catalogueUpdate!;
  const name = measureName(measure, currentLocale());
  const periods = movePeriods(measure, update.validFrom, new Date());
  const [validFrom, setValidFrom] = useState(periods[0] ?? '');
  const move = useMoveToCatalogueVersion(unitId, measure.key);
  const headingId = `catalogue-update-${measure.key}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate(
      { version: measure.version, catalogueVersion: update.catalogueVersion, validFrom },
      { onSuccess: () => onMoved(t('catalogue.notice.moved', { name, version: update.catalogueVersion, period: format.period(validFrom) })) },
    );
  };

  return (
    <section className="notice notice--info catalogue-notice" aria-labelledby={headingId}>
      <h2 id={headingId} className="notice__title">
        {t('catalogue.notice.title')}
      </h2>
      <p>{t('catalogue.notice.text', { name, version: update.catalogueVersion, reason: update.reason, period: format.period(update.validFrom) })}</p>
      {canMove && (
        <form onSubmit={onSubmit} noValidate>
          <SelectField label={t('catalogue.notice.moveFrom')} hint={t('catalogue.notice.moveHint')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {format.period(p)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={move.isPending}>
            {t('catalogue.notice.move', { version: update.catalogueVersion })}
          </button>
        </form>
      )}
      <ActionError error={move.error} />
    </section>
  );
}
