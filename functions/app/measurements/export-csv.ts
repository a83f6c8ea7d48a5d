import { serialiseMeasurementCsv } from '../../domain/csv.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { Locale } from '../../domain/localized-text.js';
import { currentVersion } from '../../domain/unit-measure.js';
import { comparePeriods, periodFrequency } from '../../domain/period.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';

/** The unit's figures as CSV in the import format, optionally of one measure and a period range. */
export function exportCsv(deps: { unitFor: UnitAccess; measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'listSeries'> }) {
  return async (caller: Caller, unitId: string, query: { measure?: string; from?: string; to?: string }, locale: Locale = 'fi'): Promise<{ filename: string; text: string }> => {
    const unit = await deps.unitFor(caller, unitId);
    const { measure: only, from, to } = query;
    const measures = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => !only || m.key === only);
    if (only && measures.length === 0) throw new NotFoundError(`Unit ${unit.id} does not track a measure ${only}.`, { code: 'measure.notTracked' });
    const inRange = (period: string) =>
      (!from || periodFrequency(from) !== periodFrequency(period) || comparePeriods(period, from) >= 0) &&
      (!to || periodFrequency(to) !== periodFrequency(period) || comparePeriods(period, to) <= 0);
    const figures = (await Promise.all(measures.map((m) => deps.measurements.listSeries(unit.id, m.key)))).flat().filter((m) => inRange(m.period));
    return { filename: `sykli-${unit.id}-${helsinkiDate(new Date())}.csv`, text: serialiseMeasurementCsv(figures, { locale, measureNames: new Map(measures.map((m) => [m.key, currentVersion(m).fields.name])) }) };
  };
}
