import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { ChartPhaseSchema } from '../../domain/chart-phase.js';
import { helsinkiInstant } from '../../domain/helsinki-time.js';
import { CycleMarkerSchema } from '../../domain/cycle-marker.js';
import { FrequencySchema, MeasureKeySchema } from '../../domain/measure.js';
import { MeasurementSchema } from '../../domain/measurement.js';
import { PeriodSchema, addPeriods, comparePeriods, periodFrequency, periodOf } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import { SeriesAnalysisSchema, analyseSeries } from '../../domain/series-analysis.js';
import { judgePrediction } from '../../domain/study-verdict.js';
import { MeasureFieldsSchema, UnitMeasureSchema, isTracked, versionAt } from '../../domain/unit-measure.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import { allowedUnit, type UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';
import { InvalidInputError } from '../errors.js';
import { tracked } from './tracked-measure.js';

/** How far back a chart reaches unless asked: two years. */
const DEFAULT_SPAN = { weekly: 104, monthly: 24 } as const;

const CycleMarkerViewSchema = CycleMarkerSchema.pick({ cycleId: true, title: true, phase: true, doStart: true, doEnd: true, decision: true, prediction: true }).extend({
  doStartPeriod: PeriodSchema.nullable(),
  doEndPeriod: PeriodSchema.nullable(),
  /** The study verdict on the prediction: kept with the Act decision, else judged now; null before the Do start. */
  verdict: CycleMarkerSchema.shape.verdict.unwrap().unwrap().extend({ decided: z.boolean() }).nullable(),
});

export const SeriesViewSchema = z
  .object({
    measure: UnitMeasureSchema,
    analysis: SeriesAnalysisSchema,
    phases: z.array(ChartPhaseSchema),
    /** PDSA cycles whose predictions name this measure: markers on the time axis. */
    cycleMarkers: z.array(CycleMarkerViewSchema),
    /** `changeChart`: change or remove phases, freeze the baseline, leave figures out. */
    can: z.object({ writeFigures: z.boolean(), addPhase: z.boolean(), changeChart: z.boolean() }),
  })
  .meta({ id: 'SeriesView' });
export type SeriesView = z.infer<typeof SeriesViewSchema>;

export const EntryRowSchema = z.object({
  measureKey: MeasureKeySchema,
  period: PeriodSchema,
  frequency: FrequencySchema,
  fields: MeasureFieldsSchema,
  target: z.number().nullable(),
  current: MeasurementSchema.nullable(),
  /** The last figures before the period, newest first, to show beside the inputs. */
  previous: z.array(MeasurementSchema),
});
export const EntryFormSchema = z.object({ rows: z.array(EntryRowSchema), can: z.object({ writeFigures: z.boolean() }) }).meta({ id: 'EntryForm' });
export type EntryForm = z.infer<typeof EntryFormSchema>;

type Deps = {
  unitFor: UnitAccess;
  measurements: Pick<MeasurementRepository, 'getMeasureOfUnit' | 'readSeries' | 'listSeries' | 'listUnitMeasures'>;
};

/** What a unit's charts and its period form read. */
export function seriesQueries(deps: Deps) {
  return {
    /**
     * A chart's data: figures with the SPC analysis and its explained signals, phases and PDSA cycle
     * markers. Two requests: the unit and its measure, then the chart's series partition.
     */
    async series(caller: Caller, unitId: string, key: string, query: { from?: string; to?: string }): Promise<SeriesView> {
      const read = await deps.measurements.getMeasureOfUnit(unitId, key);
      const unit = allowedUnit(caller, read.unit, unitId);
      const measure = tracked(read.measure, unit.id, key);
      for (const [name, period] of Object.entries(query)) {
        if (period && periodFrequency(period) !== measure.frequency) {
          throw new InvalidInputError(`The measure is ${measure.frequency}.`, [
            { field: `query.${name}`, message: measure.frequency === 'weekly' ? 'a week such as 2026-W47' : 'a month such as 2026-11' },
          ]);
        }
      }
      const to = query.to ?? duePeriod(measure.frequency, new Date());
      const from = query.from ?? addPeriods(to, -(DEFAULT_SPAN[measure.frequency] - 1));
      const stored = await deps.measurements.readSeries(unit.id, key);
      const figures = stored.figures.filter((m) => comparePeriods(m.period, from) >= 0);
      const { phases } = stored;
      // The current period shows too once it has a figure (T3 is measured on Monday morning).
      const lastFigure = figures.at(-1)?.period;
      const end = lastFigure && !query.to && comparePeriods(lastFigure, to) > 0 ? lastFigure : to;
      const first = figures[0]?.period;
      const start = query.from ?? (first && comparePeriods(first, from) > 0 ? first : from);
      const analysis = analyseSeries({ measure, measurements: figures, phases, from: figures.length > 0 ? start : undefined, to: figures.length > 0 ? end : undefined });
      const periodAt = (date: string | null) => (date ? periodOf(measure.frequency, helsinkiInstant(date)) : null);
      const cycleMarkers = stored.markers.map((marker) => {
        const doStartPeriod = periodAt(marker.doStart);
        const doEndPeriod = periodAt(marker.doEnd);
        // Until the decision keeps it, a verdict is judged on read, so late figures count at once (decision 16).
        const judged =
          !marker.verdict && marker.prediction && doStartPeriod
            ? judgePrediction({
                measure,
                figures: stored.figures,
                phases,
                question: {
                  question: '',
                  prediction: '',
                  measureKey: key,
                  ...(marker.prediction.direction ? { expectedDirection: marker.prediction.direction } : {}),
                  ...(marker.prediction.value !== null ? { expectedValue: marker.prediction.value } : {}),
                },
                questionIndex: marker.prediction.questionIndex,
                doStartPeriod,
                doEndPeriod,
              })
            : null;
        const verdict = marker.verdict
          ? { ...marker.verdict, decided: true }
          : judged && { outcome: judged.outcome, reason: judged.reason, text: judged.text, decided: false };
        return {
          cycleId: marker.cycleId,
          title: marker.title,
          phase: marker.phase,
          doStart: marker.doStart,
          doEnd: marker.doEnd,
          doStartPeriod,
          doEndPeriod,
          decision: marker.decision,
          prediction: marker.prediction,
          verdict,
        };
      });
      const can = unitPermissions(caller.principal, unit);
      return { measure, analysis, phases, cycleMarkers, can: { writeFigures: can.writeFigures, addPhase: can.writeFigures, changeChart: can.writeFigures } };
    },

    /** The period form: the unit's due measures with their last figures; without a period, each measure's due period. */
    async entryForm(caller: Caller, unitId: string, period?: string): Promise<EntryForm> {
      const unit = await deps.unitFor(caller, unitId);
      const now = new Date();
      const measures = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => isTracked(m) && (!period || periodFrequency(period) === m.frequency));
      const rows = await Promise.all(
        measures.map(async (measure) => {
          const at = period ?? duePeriod(measure.frequency, now);
          const recent = await deps.measurements.listSeries(unit.id, measure.key, { from: addPeriods(at, -12), to: at });
          const current = recent.find((m) => m.period === at) ?? null;
          return {
            measureKey: measure.key,
            period: at,
            frequency: measure.frequency,
            fields: versionAt(measure, at).fields,
            target: measure.target?.value ?? null,
            current,
            previous: recent.filter((m) => m.period !== at).reverse().slice(0, 3),
          };
        }),
      );
      return { rows: rows.sort((a, b) => a.measureKey.localeCompare(b.measureKey)), can: { writeFigures: unitPermissions(caller.principal, unit).writeFigures } };
    },
  };
}
