import * as z from 'zod';
import { IdSchema } from './ids.js';

export const AUDITED_ENTITIES = ['unit', 'aim', 'driver', 'changeIdea', 'cycle', 'review', 'unitMeasure', 'measurement', 'chartPhase', 'progress'] as const;

/** Who made a change: a person, or the workflow acting on its own (a Study opening at the Do end). */
export const ActorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), personId: IdSchema, name: z.string().max(200) }),
  z.object({ type: z.literal('system'), name: z.string().max(200) }),
]);
export type Actor = z.infer<typeof ActorSchema>;

/** One change to something in a unit: who, when, what, and each field's value before and after. */
export const AuditEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    unitId: IdSchema,
    at: z.iso.datetime(),
    actor: ActorSchema,
    entity: z.object({ type: z.enum(AUDITED_ENTITIES), id: z.string().min(1).max(200) }),
    action: z.string().min(1).max(64),
    changes: z.array(z.object({ field: z.string().max(100), from: z.unknown(), to: z.unknown() })).max(100),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The fields whose values differ between two versions of a thing, for the audit trail. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: string[] = ['version']) {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !ignore.includes(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .sort()
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

export const ADMIN_ENTITIES = ['area', 'unit', 'person', 'role', 'catalogueMeasure'] as const;
export const AdminEntitySchema = z.enum(ADMIN_ENTITIES);

/**
 * One change an admin made to the organisation: an area, a unit, a person, a role or a catalogue
 * measure. The unit, area and person it concerns are named so that the admin's audit view can
 * filter by them.
 */
export const AdminAuditEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    at: z.iso.datetime(),
    actor: ActorSchema,
    entity: z.object({ type: AdminEntitySchema, id: z.string().min(1).max(200) }),
    action: z.string().min(1).max(64),
    changes: z.array(z.object({ field: z.string().max(100), from: z.unknown(), to: z.unknown() })).max(100),
    unitId: IdSchema.optional(),
    areaId: IdSchema.optional(),
    personId: IdSchema.optional(),
  })
  .meta({ id: 'AdminAuditEntry' });
export type AdminAuditEntry = z.infer<typeof AdminAuditEntrySchema>;
