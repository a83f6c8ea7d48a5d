import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { IsoDateSchema } from './helsinki-time.js';
import { MeasureKeySchema } from './measure.js';
import { StorableNumberSchema } from './numbers.js';

/** A measure an aim is judged by, with the value the unit wants to reach (raw units, as stored). */
export const AimMeasureSchema = z.strictObject({
  measureKey: MeasureKeySchema,
  target: StorableNumberSchema,
});

/** What a unit wants to achieve, by when, measured how ("T3 for nurses ≤ 3 days by 6/2027"). */
export const AimSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    statement: z.string().trim().min(1).max(1000),
    targetDate: IsoDateSchema,
    measures: z.array(AimMeasureSchema).max(20),
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Aim' });
export type Aim = z.infer<typeof AimSchema>;

export const NewAimSchema = AimSchema.pick({ statement: true, targetDate: true, measures: true }).strict().meta({ id: 'NewAim' });
export type NewAim = z.infer<typeof NewAimSchema>;

export const AimChangesSchema = NewAimSchema.partial().strict().meta({ id: 'AimChanges' });
export type AimChanges = z.infer<typeof AimChangesSchema>;
