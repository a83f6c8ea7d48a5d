import * as z from 'zod';
import { LocalizedLongTextSchema, LocalizedTextSchema } from './localized-text.js';
import { StorableNumberSchema } from './numbers.js';
import { PeriodSchema } from './period.js';

export const MEASURE_TYPES = ['outcome', 'process', 'balancing'] as const;
export const VALUE_KINDS = ['days', 'proportion', 'count', 'rate', 'score'] as const;
export const CHART_KINDS = ['run', 'i', 'mr', 'p', 'u', 'c'] as const;
export const FREQUENCIES = ['weekly', 'monthly'] as const;

export const MeasureKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'letters and digits, starting with a letter');
/**
 * How many measures one unit may track. Far more than a unit can follow, and few enough that the
 * unit's status item (every measure's latest state) stays well within DynamoDB's item size.
 */
export const MAX_TRACKED_MEASURES = 100;

export const FrequencySchema = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof FrequencySchema>;
export const ChartKindSchema = z.enum(CHART_KINDS);
export type ChartKind = z.infer<typeof ChartKindSchema>;

/**
 * What an admin changed when publishing a catalogue definition version: why, from which period,
 * which fields, and who published it when. A first version has none.
 */
export const CatalogueChangeSchema = z.object({
  reason: z.string().min(1).max(1000),
  validFrom: PeriodSchema,
  changedFields: z.array(z.string().max(100)).min(1).max(20),
  publishedAt: z.iso.datetime(),
  publishedBy: z.object({ personId: z.string().max(200), name: z.string().max(200) }),
});
export type CatalogueChange = z.infer<typeof CatalogueChangeSchema>;

/**
 * A measure's operational definition. Definitions are versioned: a changed definition
 * is a new version, so cross-unit views can tell when two units' numbers differ in meaning.
 */
export const MeasureDefinitionSchema = z.object({
  key: MeasureKeySchema,
  definitionVersion: z.number().int().min(1),
  name: LocalizedTextSchema,
  definition: LocalizedLongTextSchema,
  type: z.enum(MEASURE_TYPES),
  valueKind: z.enum(VALUE_KINDS),
  better: z.enum(['lower', 'higher']),
  frequency: FrequencySchema,
  /** Shown after values: "vrk", "%", "/1000 as." … */
  unitLabel: LocalizedTextSchema,
  validRange: z.object({ min: StorableNumberSchema, max: StorableNumberSchema }).refine((r) => r.min <= r.max, 'min must not exceed max'),
  chart: ChartKindSchema,
  /** Scales values for display only, e.g. 100 for percentages, 1000 for rates per 1,000. */
  multiply: StorableNumberSchema.refine((n) => n > 0, 'a positive number'),
  source: z.string().max(500),
  change: CatalogueChangeSchema.optional(),
  version: z.number().int().min(1),
}).meta({ id: 'MeasureDefinition' });
export type MeasureDefinition = z.infer<typeof MeasureDefinitionSchema>;
