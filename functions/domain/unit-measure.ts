import * as z from 'zod';
import { ChartSettingsSchema } from './chart-settings.js';
import { IsoDateSchema } from './helsinki-time.js';
import { IdSchema, VersionSchema } from './ids.js';
import { StorableNumberSchema } from './numbers.js';
import { FrequencySchema, MeasureDefinitionSchema, MeasureKeySchema, type MeasureDefinition } from './measure.js';
import { PeriodSchema, comparePeriods } from './period.js';

/** The parts of a measure definition that say what is counted and how it is shown. */
export const MEASURE_FIELDS = {
  name: true,
  definition: true,
  type: true,
  valueKind: true,
  better: true,
  unitLabel: true,
  validRange: true,
  chart: true,
  multiply: true,
} as const;

/**
 * What a definition says, independent of the catalogue: a unit's own measure carries these itself,
 * and a tracked catalogue measure keeps a copy of the catalogue version it follows, so its history
 * stays readable when the catalogue moves on.
 */
export const MeasureFieldsSchema = MeasureDefinitionSchema.pick(MEASURE_FIELDS).meta({ id: 'MeasureFields' });
export type MeasureFields = z.infer<typeof MeasureFieldsSchema>;

/** One version of a unit's definition of a measure and the first period it applies to. */
export const UnitMeasureVersionSchema = z.object({
  definitionVersion: z.number().int().min(1),
  validFrom: PeriodSchema,
  /** The catalogue's own version number for catalogue measures; null for a unit's own measure. */
  catalogueVersion: z.number().int().min(1).nullable(),
  fields: MeasureFieldsSchema,
  reason: z.string().max(1000),
});
export type UnitMeasureVersion = z.infer<typeof UnitMeasureVersionSchema>;

/** A measure's definition may change this many times; a measure changed more is better added anew. */
export const MAX_DEFINITION_VERSIONS = 50;

/** The target in the units shown to people (80 for 80 %, 3 for 3 days), optionally by a date. */
export const TargetSchema = z.strictObject({ value: StorableNumberSchema, by: IsoDateSchema.nullable().default(null) }).meta({ id: 'Target' });
export type Target = z.infer<typeof TargetSchema>;

/** A measure a unit tracks: from the catalogue or its own, with frequency, target and versions. */
export const UnitMeasureSchema = z
  .object({
    unitId: IdSchema,
    key: MeasureKeySchema,
    source: z.enum(['catalogue', 'custom']),
    frequency: FrequencySchema,
    target: TargetSchema.nullable(),
    /**
     * The unit stopped tracking the measure: its figures, chart and definitions stay readable, but it
     * takes no new figures and leaves the entry form, the rounds and the unit's status.
     */
    stoppedAt: z.iso.datetime().optional(),
    /** Oldest first; the last is the current definition. A changed definition is a new entry. */
    versions: z.array(UnitMeasureVersionSchema).min(1).max(MAX_DEFINITION_VERSIONS),
    /** A frozen baseline and figures left out of the chart; absent until someone sets them. */
    chartSettings: ChartSettingsSchema.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'UnitMeasure' });
export type UnitMeasure = z.infer<typeof UnitMeasureSchema>;

/** Track a catalogue measure, optionally at another frequency than the catalogue suggests. */
export const TrackCatalogueMeasureSchema = z.strictObject({
  source: z.literal('catalogue'),
  key: MeasureKeySchema,
  frequency: FrequencySchema.optional(),
  target: TargetSchema.nullable().default(null),
  validFrom: PeriodSchema.optional(),
});
/** Add the unit's own measure with its own definition. */
export const AddCustomMeasureSchema = z.strictObject({
  source: z.literal('custom'),
  key: MeasureKeySchema,
  frequency: FrequencySchema,
  target: TargetSchema.nullable().default(null),
  validFrom: PeriodSchema.optional(),
  fields: MeasureFieldsSchema,
});
export const NewUnitMeasureSchema = z.discriminatedUnion('source', [TrackCatalogueMeasureSchema, AddCustomMeasureSchema]).meta({ id: 'NewUnitMeasure' });
export type NewUnitMeasure = z.infer<typeof NewUnitMeasureSchema>;

/**
 * A frequency change is refused once the series has values (weeks and months do not mix in a chart).
 * `tracked: false` stops tracking the measure and `true` takes it back into use.
 */
export const UnitMeasureChangesSchema = z
  .strictObject({ target: TargetSchema.nullable().optional(), frequency: FrequencySchema.optional(), tracked: z.boolean().optional() })
  .meta({ id: 'UnitMeasureChanges' });
export type UnitMeasureChanges = z.infer<typeof UnitMeasureChangesSchema>;

/** A new definition version of a unit's own measure, with its new fields (a catalogue measure moves to a catalogue version instead). */
export const NewDefinitionVersionSchema = z
  .strictObject({ validFrom: PeriodSchema, reason: z.string().min(1).max(1000), fields: MeasureFieldsSchema.optional() })
  .meta({ id: 'NewDefinitionVersion' });
export type NewDefinitionVersion = z.infer<typeof NewDefinitionVersionSchema>;

/** Whether the unit still tracks the measure (a stopped one keeps its history). */
export function isTracked(measure: Pick<UnitMeasure, 'stoppedAt'>): boolean {
  return !measure.stoppedAt;
}

export function fieldsOf(definition: MeasureDefinition): MeasureFields {
  return MeasureFieldsSchema.parse(definition);
}

export function currentVersion(measure: UnitMeasure): UnitMeasureVersion {
  return measure.versions[measure.versions.length - 1]!;
}

/** The definition that applies to a period: the latest version starting at or before it. */
export function versionAt(measure: UnitMeasure, period: string): UnitMeasureVersion {
  const applicable = measure.versions.filter((v) => samePeriodKind(v.validFrom, period) && comparePeriods(v.validFrom, period) <= 0);
  return applicable[applicable.length - 1] ?? measure.versions[0]!;
}

function samePeriodKind(a: string, b: string): boolean {
  return a.includes('W') === b.includes('W');
}

/**
 * Appends a definition version. It must start after the current one, so the history stays a
 * sequence; the caller records the change in the audit trail.
 */
export function withNewVersion(
  measure: UnitMeasure,
  next: { validFrom: string; reason: string; fields: MeasureFields; catalogueVersion: number | null },
): UnitMeasure | { error: string } {
  const current = currentVersion(measure);
  if (!samePeriodKind(next.validFrom, current.validFrom) || comparePeriods(next.validFrom, current.validFrom) <= 0) {
    return { error: `a new version must start after ${current.validFrom}, in the measure's own kind of period` };
  }
  return {
    ...measure,
    versions: [...measure.versions, { definitionVersion: current.definitionVersion + 1, ...next }],
  };
}
