import * as z from 'zod';
import { CatalogueChangeSchema, MeasureDefinitionSchema, MeasureKeySchema, type MeasureDefinition } from './measure.js';
import { PeriodSchema, comparePeriods, periodFrequency, periodStart } from './period.js';
import { MEASURE_FIELDS, currentVersion, type UnitMeasure } from './unit-measure.js';

/**
 * The catalogue's own versions: an admin adds a measure or publishes a new definition of one, with
 * what changed and the first period it applies to; each unit then chooses when to move to it.
 */

/** A new catalogue measure: the whole definition; it starts at version 1. */
export const NewCatalogueMeasureSchema = MeasureDefinitionSchema.omit({ definitionVersion: true, change: true, version: true })
  .strict()
  .meta({ id: 'NewCatalogueMeasure' });
export type NewCatalogueMeasure = z.infer<typeof NewCatalogueMeasureSchema>;

/** The fields a new definition version may change; key and frequency stay, so that series stay one chart. */
export const CatalogueFieldsSchema = MeasureDefinitionSchema.pick({ ...MEASURE_FIELDS, source: true });
export type CatalogueFields = z.infer<typeof CatalogueFieldsSchema>;
const CHANGEABLE = Object.keys(CatalogueFieldsSchema.shape) as (keyof CatalogueFields)[];

/** A new definition version: the fields that change, what changed in words, and the first period it applies to. */
export const NewCatalogueVersionSchema = z
  .strictObject({
    changes: CatalogueFieldsSchema.partial().strict(),
    reason: z.string().trim().min(1, 'write what changed and why').max(1000),
    validFrom: PeriodSchema,
  })
  .meta({ id: 'NewCatalogueVersion' });
export type NewCatalogueVersion = z.infer<typeof NewCatalogueVersionSchema>;

/** A catalogue measure with every version, oldest first: the admin's view. */
export const CatalogueEntrySchema = z
  .object({ key: MeasureKeySchema, current: MeasureDefinitionSchema, versions: z.array(MeasureDefinitionSchema).min(1) })
  .meta({ id: 'CatalogueEntry' });
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/** Groups the stored versions by measure, measures by key. */
export function catalogueEntries(versions: readonly MeasureDefinition[]): CatalogueEntry[] {
  const byKey = new Map<string, MeasureDefinition[]>();
  for (const v of versions) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, all]) => {
      const sorted = [...all].sort((a, b) => a.definitionVersion - b.definitionVersion);
      return { key, current: sorted[sorted.length - 1]!, versions: sorted };
    });
}

export type Refused = { refused: 'nothingChanged' | 'periodKind' | 'periodOrder'; message: string };

/**
 * The next version of a catalogue definition. Refused when nothing changes, when the first period
 * is not of the measure's frequency, or when it does not come after the previous version's.
 */
export function nextCatalogueVersion(
  current: MeasureDefinition,
  input: NewCatalogueVersion,
  published: { at: string; personId: string; name: string },
): MeasureDefinition | Refused {
  const changedFields = CHANGEABLE.filter((f) => input.changes[f] !== undefined && JSON.stringify(input.changes[f]) !== JSON.stringify(current[f]));
  if (changedFields.length === 0) return { refused: 'nothingChanged', message: 'no field differs from the current version' };
  if (periodFrequency(input.validFrom) !== current.frequency) {
    return { refused: 'periodKind', message: `a ${current.frequency === 'weekly' ? 'week such as 2026-W47' : 'month such as 2026-11'}, the measure's frequency` };
  }
  if (current.change && comparePeriods(input.validFrom, current.change.validFrom) <= 0) {
    return { refused: 'periodOrder', message: `a period after ${current.change.validFrom}, where version ${current.definitionVersion} starts` };
  }
  const changes = Object.fromEntries(changedFields.map((f) => [f, input.changes[f]]));
  const change = CatalogueChangeSchema.parse({
    reason: input.reason,
    validFrom: input.validFrom,
    changedFields,
    publishedAt: published.at,
    publishedBy: { personId: published.personId, name: published.name },
  });
  return MeasureDefinitionSchema.parse({ ...current, ...changes, definitionVersion: current.definitionVersion + 1, change, version: 1 });
}

/** A newer catalogue definition a unit's measure may move to: shown on the unit's measures page. */
export const CatalogueUpdateSchema = z.object({
  catalogueVersion: z.number().int().min(1),
  reason: z.string(),
  validFrom: PeriodSchema,
  changedFields: z.array(z.string()),
});
export type CatalogueUpdate = z.infer<typeof CatalogueUpdateSchema>;

/** The catalogue's latest definition if the unit's catalogue measure follows an older one; null otherwise. */
export function catalogueUpdateFor(measure: UnitMeasure, latest: MeasureDefinition | undefined): CatalogueUpdate | null {
  if (measure.source !== 'catalogue' || !latest?.change) return null;
  const following = currentVersion(measure).catalogueVersion ?? 0;
  if (latest.definitionVersion <= following) return null;
  return { catalogueVersion: latest.definitionVersion, reason: latest.change.reason, validFrom: latest.change.validFrom, changedFields: latest.change.changedFields };
}

/**
 * A unit may move from a period of its own frequency that starts no earlier than the catalogue
 * version's first period (a weekly unit may follow a monthly catalogue measure, and the reverse).
 */
export function startsNoEarlier(unitPeriod: string, catalogueFrom: string): boolean {
  return periodStart(unitPeriod).getTime() >= periodStart(catalogueFrom).getTime();
}
