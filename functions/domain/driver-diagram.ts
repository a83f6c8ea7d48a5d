import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';

/**
 * A driver diagram of one aim: the primary drivers (what must be true for the aim to be reached),
 * each with its secondary drivers (where to act on it), the change ideas placed under a driver and
 * the cycles that test each idea. Two levels of drivers, as IHI's driver diagrams have them.
 */
export const DriverSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    aimId: IdSchema,
    /** null for a primary driver; a secondary driver names its primary one. */
    parentId: IdSchema.nullable(),
    text: z.string().trim().min(1).max(300),
    /** Position among its siblings, smallest first. */
    order: z.number().int().min(0).max(10_000),
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Driver' });
export type Driver = z.infer<typeof DriverSchema>;

export const NewDriverSchema = z
  .strictObject({
    parentId: DriverSchema.shape.parentId.default(null),
    text: DriverSchema.shape.text,
    /** Left out, the driver goes last among its siblings. */
    order: DriverSchema.shape.order.optional(),
  })
  .meta({ id: 'NewDriver' });
export type NewDriver = z.infer<typeof NewDriverSchema>;

export const DriverChangesSchema = z
  .strictObject({ parentId: DriverSchema.shape.parentId, text: DriverSchema.shape.text, order: DriverSchema.shape.order })
  .partial()
  .meta({ id: 'DriverChanges' });
export type DriverChanges = z.infer<typeof DriverChangesSchema>;

/** Where a change idea goes in an aim's diagram: under one of its drivers, or none. */
export const IdeaPlacementSchema = z.strictObject({ driverId: IdSchema.nullable() }).meta({ id: 'IdeaPlacement' });
export type IdeaPlacement = z.infer<typeof IdeaPlacementSchema>;

/** Why a driver cannot go where it was asked to; null when it can. */
export type PlacementProblem = 'parentUnknown' | 'parentNotPrimary' | 'ownParent' | 'primaryWithSubDrivers';

/**
 * Whether `driver` (new: undefined) may sit under `parentId` among the aim's `drivers`: the parent
 * must be a primary driver of the same aim, and a driver with secondary drivers stays primary.
 */
export function placementProblem(drivers: readonly Driver[], driverId: string | undefined, parentId: string | null): PlacementProblem | null {
  if (parentId === null) return null;
  if (parentId === driverId) return 'ownParent';
  const parent = drivers.find((d) => d.id === parentId);
  if (!parent) return 'parentUnknown';
  if (parent.parentId !== null) return 'parentNotPrimary';
  if (driverId && drivers.some((d) => d.parentId === driverId)) return 'primaryWithSubDrivers';
  return null;
}

/** The order a new driver gets: after its last sibling. */
export function nextOrder(drivers: readonly Driver[], parentId: string | null): number {
  const siblings = drivers.filter((d) => d.parentId === parentId);
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((d) => d.order)) + 1;
}

type IdeaLike = { id: string; driverId?: string | null; createdAt: string };
type CycleLike = { changeIdeaId: string | null; createdAt: string };

export type IdeaNode<I, C> = { idea: I; cycles: C[] };
export type SecondaryNode<I, C> = { driver: Driver; ideas: IdeaNode<I, C>[] };
export type PrimaryNode<I, C> = { driver: Driver; secondaries: SecondaryNode<I, C>[]; ideas: IdeaNode<I, C>[] };
export type DriverTree<I, C> = { primaries: PrimaryNode<I, C>[]; unplacedIdeas: IdeaNode<I, C>[] };

const byOrder = (a: Driver, b: Driver) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const byCreated = <T extends { createdAt: string }>(a: T, b: T) => a.createdAt.localeCompare(b.createdAt);

/**
 * The diagram as a tree, from the aim's drivers, its change ideas and their cycles: drivers by
 * their order, ideas and cycles oldest first. A secondary driver whose primary is missing is shown
 * as primary, and an idea whose driver is missing as unplaced, so that nothing stored disappears.
 */
export function buildDriverTree<I extends IdeaLike, C extends CycleLike>(drivers: readonly Driver[], ideas: readonly I[], cycles: readonly C[]): DriverTree<I, C> {
  const ids = new Set(drivers.map((d) => d.id));
  const primaries = drivers.filter((d) => d.parentId === null || !ids.has(d.parentId)).sort(byOrder);
  const nodeOf = (idea: I): IdeaNode<I, C> => ({ idea, cycles: cycles.filter((c) => c.changeIdeaId === idea.id).sort(byCreated) });
  const ideasUnder = (driverId: string) => ideas.filter((i) => i.driverId === driverId).sort(byCreated).map(nodeOf);
  return {
    primaries: primaries.map((driver) => ({
      driver,
      secondaries: drivers
        .filter((d) => d.parentId === driver.id)
        .sort(byOrder)
        .map((secondary) => ({ driver: secondary, ideas: ideasUnder(secondary.id) })),
      ideas: ideasUnder(driver.id),
    })),
    unplacedIdeas: ideas.filter((i) => !i.driverId || !ids.has(i.driverId)).sort(byCreated).map(nodeOf),
  };
}
