import { randomUUID } from 'node:crypto';
import { AimSchema, type Aim, type AimChanges, type AimMeasure, type NewAim } from '../../domain/aim.js';
import { isTracked } from '../../domain/unit-measure.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';

type Deps = {
  unitFor: UnitAccess;
  cycles: Pick<CycleRepository, 'getAim' | 'listAims' | 'write' | 'aimWrite'>;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures'>;
};

/** A unit's aims: what it wants to achieve, by when, measured how. */
export function aims(deps: Deps) {
  async function aimOf(unitId: string, aimId: string): Promise<Aim> {
    const aim = await deps.cycles.getAim(unitId, aimId);
    if (!aim) throw new NotFoundError(`Unit ${unitId} has no aim ${aimId}.`, { code: 'aim.notFound', params: { unitId, aimId } });
    return aim;
  }

  /**
   * An aim's measures are the unit's own tracked measures, so that the aim and the chart show the
   * same target; a measure the aim named before the unit stopped tracking it may stay.
   */
  async function checkMeasures(unitId: string, measures: readonly AimMeasure[], before: Aim | null): Promise<void> {
    const tracked = new Set((await deps.measurements.listUnitMeasures(unitId)).filter(isTracked).map((m) => m.key));
    measures.forEach(({ measureKey }, i) => {
      if (!tracked.has(measureKey) && !before?.measures.some((m) => m.measureKey === measureKey)) {
        throw invalidField(`body.measures.${i}.measureKey`, `one of the measures the unit tracks (${[...tracked].sort().join(', ') || 'none yet'})`, {
          code: 'aim.measureNotTracked',
          params: { key: measureKey },
        });
      }
    });
  }

  function open(aim: Aim): Aim {
    if (aim.closedAt) throw new ConflictError(`Aim ${aim.id} is closed.`, { code: 'aim.closed' });
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
      await checkMeasures(unit.id, input.measures, null);
      const aim = AimSchema.parse({ ...input, id: randomUUID(), unitId: unit.id, createdAt: new Date().toISOString(), version: 1 });
      await deps.cycles.write([deps.cycles.aimWrite(null, aim, 'create')], personActor(caller.person));
      return aim;
    },

    async change(caller: Caller, unitId: string, aimId: string, changes: AimChanges, expectedVersion: number | undefined): Promise<Aim> {
      await deps.unitFor(caller, unitId, 'pdsa:edit');
      const before = await aimOf(unitId, aimId);
      checkVersion('aim', before, expectedVersion);
      open(before);
      if (changes.measures) await checkMeasures(unitId, changes.measures, before);
      const after = AimSchema.parse({ ...before, ...changes, version: before.version + 1 });
      await deps.cycles.write([deps.cycles.aimWrite(before, after, 'update')], personActor(caller.person));
      return after;
    },

    /** Closes an aim: it stays on the unit's page as closed, with its cycles. Closing it again changes nothing. */
    async close(caller: Caller, unitId: string, aimId: string, expectedVersion: number | undefined): Promise<Aim> {
      await deps.unitFor(caller, unitId, 'pdsa:edit');
      const before = await aimOf(unitId, aimId);
      if (before.closedAt) return before;
      checkVersion('aim', before, expectedVersion);
      const after = AimSchema.parse({ ...before, closedAt: new Date().toISOString(), version: before.version + 1 });
      await deps.cycles.write([deps.cycles.aimWrite(before, after, 'close')], personActor(caller.person));
      return after;
    },
  };
}
