import { z } from 'zod';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { FrequencySchema, MeasureKeySchema } from './measure.js';
import { PeriodSchema, addPeriods, periodRange } from './period.js';
import { duePeriod, roundDeadlines } from './round-schedule.js';
import { ClassificationSchema, type Snapshot } from './series-analysis.js';
import { currentVersion, type UnitMeasure } from './unit-measure.js';
import type { Unit } from './unit.js';

/** How many recent periods the completeness figure covers. */
export const COMPLETENESS_PERIODS = 12;

export const MeasureStatusSchema = z.object({
  measureKey: MeasureKeySchema,
  name: LocalizedTextSchema,
  unitLabel: LocalizedTextSchema,
  frequency: FrequencySchema,
  definitionVersion: z.number().int().min(1),
  /** The latest period with a figure, and that figure in display units. */
  latestPeriod: PeriodSchema.nullable(),
  latestValue: z.number().nullable(),
  target: z.number().nullable(),
  classification: ClassificationSchema,
  /** Figures present among the last 12 periods up to the one due now. */
  completeness: z.object({ entered: z.number().int().min(0), expected: z.number().int().min(0) }),
  /** The due period has no figure and its reminder deadline has passed. */
  late: z.boolean(),
});
export type MeasureStatus = z.infer<typeof MeasureStatusSchema>;

/** The leadership view reads one of these per unit, all of an area in one Query. */
export const AreaStatusSchema = z
  .object({
    areaId: IdSchema,
    unitId: IdSchema,
    unitName: LocalizedTextSchema,
    measures: z.array(MeasureStatusSchema).max(50),
    late: z.boolean(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AreaStatus' });
export type AreaStatus = z.infer<typeof AreaStatusSchema>;

/** What is known of one tracked measure: its latest snapshot and which recent periods have figures. */
export type SeriesFacts = { measure: UnitMeasure; latest: Snapshot | null; periodsWithFigures: readonly string[] };

export function buildAreaStatus(unit: Pick<Unit, 'id' | 'areaId' | 'name'>, series: readonly SeriesFacts[], now: Date): AreaStatus {
  const measures = series.map(({ measure, latest, periodsWithFigures }) => {
    const fields = currentVersion(measure).fields;
    const due = duePeriod(measure.frequency, now);
    const recent = periodRange(addPeriods(due, -(COMPLETENESS_PERIODS - 1)), due);
    const present = new Set(periodsWithFigures);
    const late = !present.has(due) && now.getTime() >= roundDeadlines(due).remindAt.getTime();
    return {
      measureKey: measure.key,
      name: fields.name,
      unitLabel: fields.unitLabel,
      frequency: measure.frequency,
      definitionVersion: currentVersion(measure).definitionVersion,
      latestPeriod: latest?.value != null ? latest.period : null,
      latestValue: latest?.value ?? null,
      target: measure.target?.value ?? null,
      classification: latest
        ? { variation: latest.variation, assurance: latest.assurance }
        : { variation: 'common' as const, assurance: measure.target ? ('notAssured' as const) : ('none' as const) },
      completeness: { entered: recent.filter((p) => present.has(p)).length, expected: recent.length },
      late,
    };
  });
  return {
    areaId: unit.areaId,
    unitId: unit.id,
    unitName: unit.name,
    measures,
    late: measures.some((m) => m.late),
    updatedAt: now.toISOString(),
    version: 1,
  };
}
