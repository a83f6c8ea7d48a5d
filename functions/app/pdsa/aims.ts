import { randomUUID } from 'node:crypto';
import { AimSchema, type Aim, type AimChanges, type NewAim } from '../../domain/aim.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';
import { checkVersion } from '../versions.js';

type Deps = { unitFor: UnitAccess; cycles: Pick<CycleRepository, 'getAim' | 'listAims' | 'write' | 'aimWrite'> };

/** A unit's aims: what it wants to achieve, by when, measured how. */
export function aims(deps: Deps) {
  async function aimOf(unitId: string, aimId: string): Promise<Aim> {
    const aim = await deps.cycles.getAim(unitId, aimId);
    if (!aim) throw new NotFoundError(`Unit ${unitId} has no aim ${aimId}.`, { code: 'aim.notFound', params: { unitId, aimId } });
    return aim;
  }

  return {
    async list(caller: Caller, unitId: string): Promise<Aim[]> {
      const unit = await deps.unitFor(caller, unitId);
      return (await deps.cycles.listAims(unit.id)).sort((a, b) => a.targetDate.localeCompare(b.targetDate));
    },

    async get(caller: Caller, unitId: string, aimId: string): Promise<Aim> {
      await deps.unitFor(caller, unitId);
      return aimOf(unitId, aimId);
    },

    async add(caller: Caller, unitId: string, input: NewAim): Promise<Aim> {
      const unit = await deps.unitFor(caller, unitId, 'pdsa:edit');
      const aim = AimSchema.parse({ ...input, id: randomUUID(), unitId: unit.id, createdAt: new Date().toISOString(), version: 1 });
      await deps.cycles.write([deps.cycles.aimWrite(null, aim, 'create')], personActor(caller.person));
      return aim;
    },

    async change(caller: Caller, unitId: string, aimId: string, changes: AimChanges, expectedVersion: number | undefined): Promise<Aim> {
      await deps.unitFor(caller, unitId, 'pdsa:edit');
      const before = await aimOf(unitId, aimId);
      checkVersion('aim', before, expectedVersion);
      const after = AimSchema.parse({ ...before, ...changes, version: before.version + 1 });
      await deps.cycles.write([deps.cycles.aimWrite(before, after, 'update')], personActor(caller.person));
      return after;
    },
  };
}
