import { randomUUID } from 'node:crypto';
import { ChangeIdeaSchema, type ChangeIdea, type ChangeIdeaChanges, type NewChangeIdea } from '../../domain/change-idea.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { DriverRepository } from '../../store/driver-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';

type Deps = {
  unitFor: UnitAccess;
  cycles: Pick<CycleRepository, 'getAim' | 'getChangeIdea' | 'listChangeIdeas' | 'write' | 'ideaWrite'>;
  drivers: Pick<DriverRepository, 'getDriver'>;
};

/** A unit's change ideas: what it might test in a cycle. They derive nothing, so no refresh follows. */
export function changeIdeas(deps: Deps) {
  async function checkAim(unitId: string, aimId: string | null | undefined) {
    if (aimId && !(await deps.cycles.getAim(unitId, aimId))) throw invalidField('body.aimId', `unit ${unitId} has no aim ${aimId}`, { code: 'reference.unknown' });
  }

  /** A driver must be one of the idea's aim's drivers. */
  async function checkDriver(unitId: string, aimId: string | null, driverId: string | null) {
    if (driverId && !(aimId && (await deps.drivers.getDriver(unitId, aimId, driverId)))) {
      throw invalidField('body.driverId', `the idea's aim has no driver ${driverId}`, { code: 'reference.unknown' });
    }
  }

  return {
    async list(caller: Caller, unitId: string): Promise<ChangeIdea[]> {
      const unit = await deps.unitFor(caller, unitId);
      return (await deps.cycles.listChangeIdeas(unit.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async add(caller: Caller, unitId: string, input: NewChangeIdea): Promise<ChangeIdea> {
      const unit = await deps.unitFor(caller, unitId, 'pdsa:edit');
      await checkAim(unit.id, input.aimId);
      await checkDriver(unit.id, input.aimId, input.driverId);
      const idea = ChangeIdeaSchema.parse({ ...input, id: randomUUID(), unitId: unit.id, createdAt: new Date().toISOString(), version: 1 });
      await deps.cycles.write([deps.cycles.ideaWrite(null, idea, 'create')], personActor(caller.person));
      return idea;
    },

    async change(caller: Caller, unitId: string, ideaId: string, changes: ChangeIdeaChanges, expectedVersion: number | undefined): Promise<ChangeIdea> {
      await deps.unitFor(caller, unitId, 'pdsa:edit');
      const before = await deps.cycles.getChangeIdea(unitId, ideaId);
      if (!before) throw new NotFoundError(`Unit ${unitId} has no change idea ${ideaId}.`, { code: 'changeIdea.notFound', params: { unitId, ideaId } });
      checkVersion('change idea', before, expectedVersion);
      await checkAim(unitId, changes.aimId);
      const aimId = changes.aimId === undefined ? before.aimId : changes.aimId;
      // An idea moved to another aim leaves its driver behind, unless it is given one of the new aim's.
      const driverId = changes.driverId !== undefined ? changes.driverId : aimId === before.aimId ? (before.driverId ?? null) : null;
      await checkDriver(unitId, aimId, driverId);
      const after = ChangeIdeaSchema.parse({ ...before, ...changes, driverId, version: before.version + 1 });
      await deps.cycles.write([deps.cycles.ideaWrite(before, after, 'update')], personActor(caller.person));
      return after;
    },
  };
}
