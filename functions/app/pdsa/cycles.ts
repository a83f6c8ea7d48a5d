import { randomUUID } from 'node:crypto';
import { CYCLE_PHASES, plannedCycle, type CyclePhase, type NewCycle } from '../../domain/cycle.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { UnitAccess, UnitNeed } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';
import { cycleView, type CycleView } from './cycle-view.js';
import type { StudyData } from './study-data.js';

type Deps = {
  unitFor: UnitAccess;
  cycles: Pick<CycleRepository, 'getCycle' | 'listCycles' | 'getAim' | 'getChangeIdea' | 'write' | 'cycleWrite'>;
  studyData: StudyData;
};

/** The cycle a use case works on, in a unit the person may see (and act in, for `need`). */
export function cycleAccess(deps: { unitFor: UnitAccess; cycles: Pick<CycleRepository, 'getCycle'> }) {
  return async (caller: Caller, unitId: string, cycleId: string, need?: UnitNeed) => {
    const unit = await deps.unitFor(caller, unitId, need);
    const cycle = await deps.cycles.getCycle(unit.id, cycleId);
    if (!cycle) throw new NotFoundError(`Unit ${unitId} has no cycle ${cycleId}.`, { code: 'cycle.notFound', params: { unitId, cycleId } });
    return { unit, cycle };
  };
}
export type CycleAccess = ReturnType<typeof cycleAccess>;

/** Reading a unit's cycles, and planning a new one. */
export function cycles(deps: Deps) {
  const cycleFor = cycleAccess(deps);
  return {
    async list(caller: Caller, unitId: string, phase?: CyclePhase) {
      const unit = await deps.unitFor(caller, unitId);
      const all = await deps.cycles.listCycles(unit.id);
      const phaseCounts = Object.fromEntries(CYCLE_PHASES.map((p) => [p, all.filter((cycle) => cycle.phase === p).length])) as Record<CyclePhase, number>;
      const items = all.filter((cycle) => !phase || cycle.phase === phase).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { items, phaseCounts };
    },

    async get(caller: Caller, unitId: string, cycleId: string): Promise<CycleView> {
      const { unit, cycle } = await cycleFor(caller, unitId, cycleId);
      return cycleView(caller.principal, unit, cycle, await deps.studyData(cycle));
    },

    /** Starts planning a cycle (supervisors and coaches of the unit). */
    async create(caller: Caller, unitId: string, input: NewCycle): Promise<CycleView> {
      const unit = await deps.unitFor(caller, unitId, 'pdsa:edit');
      if (input.changeIdeaId && !(await deps.cycles.getChangeIdea(unit.id, input.changeIdeaId))) {
        throw invalidField('body.changeIdeaId', `unit ${unit.id} has no change idea ${input.changeIdeaId}`, { code: 'reference.unknown' });
      }
      if (input.aimId && !(await deps.cycles.getAim(unit.id, input.aimId))) throw invalidField('body.aimId', `unit ${unit.id} has no aim ${input.aimId}`, { code: 'reference.unknown' });
      const cycle = plannedCycle(input, { id: randomUUID(), unitId: unit.id }, new Date());
      await deps.cycles.write([deps.cycles.cycleWrite(null, cycle, 'create')], personActor(caller.person));
      return cycleView(caller.principal, unit, cycle);
    },
  };
}
