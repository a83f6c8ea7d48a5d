import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { IsoDateSchema } from './helsinki-time.js';
import { MeasureKeySchema } from './measure.js';

/**
 * What a measure tells of an aim, as the IHI model has it: an outcome measure says whether the aim
 * is reached, a process measure whether the changes are done, a balancing measure whether they
 * harm something else.
 */
export const AIM_MEASURE_ROLES = ['outcome', 'process', 'balancing'] as const;
export const AimMeasureRoleSchema = z.enum(AIM_MEASURE_ROLES);
export type AimMeasureRole = z.infer<typeof AimMeasureRoleSchema>;

/**
 * A measure an aim is judged by: one of the unit's measures, whose target the aim uses (one target
 * per unit measure). Aims stored before roles and shared targets had their own `target` and no
 * role: the target is dropped on read and the measure read as the outcome it was.
 */
const StoredAimMeasureSchema = z.object({ measureKey: MeasureKeySchema, role: AimMeasureRoleSchema.default('outcome') });
export const AimMeasureSchema = z.strictObject({ measureKey: MeasureKeySchema, role: AimMeasureRoleSchema }).meta({ id: 'AimMeasure' });
export type AimMeasure = z.infer<typeof AimMeasureSchema>;

const oneRolePerMeasure = (measures: readonly { measureKey: string }[]) => new Set(measures.map((m) => m.measureKey)).size === measures.length;
const measuresOf = <T extends z.ZodType<{ measureKey: string }>>(schema: T) =>
  z.array(schema).max(20).refine(oneRolePerMeasure, { message: 'each measure once per aim' });

/** What a unit wants to achieve, by when, measured how ("T3 for nurses ≤ 3 days by 6/2027"). */
export const AimSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    statement: z.string().trim().min(1).max(1000),
    targetDate: IsoDateSchema,
    measures: measuresOf(StoredAimMeasureSchema),
    /** A closed aim stays readable with its cycles; it takes no more changes. */
    closedAt: z.iso.datetime().optional(),
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Aim' });
export type Aim = z.infer<typeof AimSchema>;

export const NewAimSchema = z
  .strictObject({ statement: AimSchema.shape.statement, targetDate: IsoDateSchema, measures: measuresOf(AimMeasureSchema) })
  .meta({ id: 'NewAim' });
export type NewAim = z.infer<typeof NewAimSchema>;

export const AimChangesSchema = NewAimSchema.partial().strict().meta({ id: 'AimChanges' });
export type AimChanges = z.infer<typeof AimChangesSchema>;

/** The measures of an aim with a role. */
export function aimMeasuresWithRole(aim: Pick<Aim, 'measures'>, role: AimMeasureRole): string[] {
  return aim.measures.filter((m) => m.role === role).map((m) => m.measureKey);
}
