import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { can } from '../../domain/access-policy.js';
import type { Aim } from '../../domain/aim.js';
import { ChangeIdeaSchema, type ChangeIdea } from '../../domain/change-idea.js';
import { CyclePhaseSchema } from '../../domain/cycle.js';
import {
  DriverSchema,
  buildDriverTree,
  nextOrder,
  placementProblem,
  type Driver,
  type DriverChanges,
  type IdeaPlacement,
  type NewDriver,
} from '../../domain/driver-diagram.js';
import { StudyVerdictSchema } from '../../domain/study-verdict.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { DriverRepository } from '../../store/driver-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { StudyData } from './study-data.js';

/** A cycle as the diagram shows it: its phase and how its predictions fared. */
const DiagramCycleSchema = z.object({
  id: z.string(),
  title: z.string(),
  phase: CyclePhaseSchema,
  verdicts: z.array(StudyVerdictSchema.pick({ questionIndex: true, measureKey: true, outcome: true, text: true })),
});
const DiagramIdeaSchema = z.object({ idea: ChangeIdeaSchema, cycles: z.array(DiagramCycleSchema) });

/** An aim's driver diagram as a person reads it: two levels of drivers, the ideas under them, their cycles. */
export const DriverDiagramViewSchema = z
  .object({
    aim: z.object({ id: z.string(), statement: z.string() }),
    primaries: z.array(
      z.object({
        driver: DriverSchema,
        secondaries: z.array(z.object({ driver: DriverSchema, ideas: z.array(DiagramIdeaSchema) })),
        ideas: z.array(DiagramIdeaSchema),
      }),
    ),
    /** The aim's change ideas not yet placed under a driver. */
    unplacedIdeas: z.array(DiagramIdeaSchema),
    can: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'DriverDiagram' });
export type DriverDiagramView = z.infer<typeof DriverDiagramViewSchema>;

type Deps = {
  unitFor: UnitAccess;
  cycles: Pick<CycleRepository, 'getAim' | 'getChangeIdea' | 'listChangeIdeas' | 'listCycles' | 'ideaWrite'>;
  drivers: DriverRepository;
  studyData: StudyData;
};

const PLACEMENT_MESSAGES = {
  parentUnknown: 'The aim has no such primary driver.',
  parentNotPrimary: 'A secondary driver can only go under a primary driver.',
  ownParent: 'A driver cannot go under itself.',
  primaryWithSubDrivers: 'A driver with secondary drivers stays a primary driver.',
} as const;

/** Aims' driver diagrams: read by whoever reads the unit, edited by its supervisors and coaches. */
export function driverDiagrams(deps: Deps) {
  async function aimOf(unitId: string, aimId: string): Promise<Aim> {
    const aim = await deps.cycles.getAim(unitId, aimId);
    if (!aim) throw new NotFoundError(`Unit ${unitId} has no aim ${aimId}.`, { code: 'aim.notFound', params: { unitId, aimId } });
    return aim;
  }

  function driverOf(drivers: readonly Driver[], driverId: string): Driver {
    const driver = drivers.find((d) => d.id === driverId);
    if (!driver) throw new NotFoundError(`The aim has no driver ${driverId}.`, { code: 'driver.notFound', params: { driverId } });
    return driver;
  }

  function checkPlacement(drivers: readonly Driver[], driverId: string | undefined, parentId: string | null): void {
    const problem = placementProblem(drivers, driverId, parentId);
    if (problem) throw invalidField('body.parentId', PLACEMENT_MESSAGES[problem], { code: `driver.${problem}` });
  }

  /** The aim's drivers, after the unit is allowed (`edit`: the caller edits) and the aim found. */
  async function aimDrivers(caller: Caller, unitId: string, aimId: string, edit: boolean) {
    const unit = await deps.unitFor(caller, unitId, edit ? 'driverDiagram:edit' : undefined);
    const aim = await aimOf(unit.id, aimId);
    return { unit, aim, drivers: await deps.drivers.listDrivers(unit.id, aim.id) };
  }

  return {
    async get(caller: Caller, unitId: string, aimId: string): Promise<DriverDiagramView> {
      const { unit, aim, drivers } = await aimDrivers(caller, unitId, aimId, false);
      const [allIdeas, allCycles] = await Promise.all([deps.cycles.listChangeIdeas(unit.id), deps.cycles.listCycles(unit.id)]);
      const ideas = allIdeas.filter((idea) => idea.aimId === aim.id);
      const ideaIds = new Set(ideas.map((idea) => idea.id));
      const cycles = await Promise.all(
        allCycles
          .filter((cycle) => cycle.changeIdeaId !== null && ideaIds.has(cycle.changeIdeaId))
          .map(async (cycle) => ({
            id: cycle.id,
            title: cycle.title,
            phase: cycle.phase,
            changeIdeaId: cycle.changeIdeaId,
            createdAt: cycle.createdAt,
            verdicts: (await deps.studyData(cycle)).map(({ questionIndex, measureKey, outcome, text }) => ({ questionIndex, measureKey, outcome, text })),
          })),
      );
      const tree = buildDriverTree(drivers, ideas, cycles);
      const idea = (node: { idea: ChangeIdea; cycles: typeof cycles }) => ({
        idea: node.idea,
        cycles: node.cycles.map(({ id, title, phase, verdicts }) => ({ id, title, phase, verdicts })),
      });
      return {
        aim: { id: aim.id, statement: aim.statement },
        primaries: tree.primaries.map((p) => ({
          driver: p.driver,
          secondaries: p.secondaries.map((s) => ({ driver: s.driver, ideas: s.ideas.map(idea) })),
          ideas: p.ideas.map(idea),
        })),
        unplacedIdeas: tree.unplacedIdeas.map(idea),
        can: { edit: can(caller.principal, { type: 'driverDiagram:edit', unit }) },
      };
    },

    async add(caller: Caller, unitId: string, aimId: string, input: NewDriver): Promise<Driver> {
      const { unit, aim, drivers } = await aimDrivers(caller, unitId, aimId, true);
      checkPlacement(drivers, undefined, input.parentId);
      const driver = DriverSchema.parse({
        ...input,
        id: randomUUID(),
        unitId: unit.id,
        aimId: aim.id,
        order: input.order ?? nextOrder(drivers, input.parentId),
        createdAt: new Date().toISOString(),
        version: 1,
      });
      await deps.drivers.write([deps.drivers.driverWrite(null, driver, 'create')], personActor(caller.person));
      return driver;
    },

    /** Renames, reorders or moves a driver (under another primary driver, or to the top level). */
    async change(caller: Caller, unitId: string, aimId: string, driverId: string, changes: DriverChanges, expectedVersion: number | undefined): Promise<Driver> {
      const { drivers } = await aimDrivers(caller, unitId, aimId, true);
      const before = driverOf(drivers, driverId);
      checkVersion('driver', before, expectedVersion);
      if (changes.parentId !== undefined) checkPlacement(drivers, before.id, changes.parentId);
      const after = DriverSchema.parse({ ...before, ...changes, version: before.version + 1 });
      await deps.drivers.write([deps.drivers.driverWrite(before, after, 'update')], personActor(caller.person));
      return after;
    },

    /** Removes a driver with nothing under it: its secondary drivers and change ideas go elsewhere first. */
    async remove(caller: Caller, unitId: string, aimId: string, driverId: string): Promise<void> {
      const { unit, drivers } = await aimDrivers(caller, unitId, aimId, true);
      const driver = driverOf(drivers, driverId);
      if (drivers.some((d) => d.parentId === driver.id)) {
        throw new ConflictError(`Driver ${driver.id} still has secondary drivers: remove or move them first.`, { code: 'driver.hasSubDrivers', params: { driverId } });
      }
      const ideas = (await deps.cycles.listChangeIdeas(unit.id)).filter((idea) => idea.driverId === driver.id);
      if (ideas.length > 0) {
        throw new ConflictError(`Driver ${driver.id} still has ${ideas.length} change ideas: move them first.`, { code: 'driver.hasChangeIdeas', params: { driverId, count: ideas.length } });
      }
      await deps.drivers.write([deps.drivers.driverRemoval(driver)], personActor(caller.person));
    },

    /** Puts a change idea under one of the aim's drivers (or under none); the idea becomes the aim's. */
    async placeIdea(caller: Caller, unitId: string, aimId: string, ideaId: string, placement: IdeaPlacement, expectedVersion: number | undefined): Promise<ChangeIdea> {
      const { unit, aim, drivers } = await aimDrivers(caller, unitId, aimId, true);
      const before = await deps.cycles.getChangeIdea(unit.id, ideaId);
      if (!before) throw new NotFoundError(`Unit ${unit.id} has no change idea ${ideaId}.`, { code: 'changeIdea.notFound', params: { unitId: unit.id, ideaId } });
      checkVersion('change idea', before, expectedVersion);
      if (placement.driverId !== null && !drivers.some((d) => d.id === placement.driverId)) {
        throw invalidField('body.driverId', `The aim has no driver ${placement.driverId}.`, { code: 'reference.unknown' });
      }
      const after = ChangeIdeaSchema.parse({ ...before, aimId: aim.id, driverId: placement.driverId, version: before.version + 1 });
      await deps.drivers.write([deps.cycles.ideaWrite(before, after, 'place')], personActor(caller.person));
      return after;
    },
  };
}
