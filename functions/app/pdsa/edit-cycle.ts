import { CycleSchema, type CycleChanges } from '../../domain/cycle.js';
import { checkEdit } from '../../domain/cycle-lifecycle.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { CycleAccess } from './cycles.js';
import { cycleView, type CycleView } from './cycle-view.js';
import type { StudyData } from './study-data.js';

/** Edits the worksheet sections open in the cycle's phase. */
export function editCycle(deps: { cycleFor: CycleAccess; cycles: Pick<CycleRepository, 'write' | 'cycleWrite'>; studyData: StudyData }) {
  return async (caller: Caller, unitId: string, cycleId: string, changes: CycleChanges, expectedVersion: number | undefined): Promise<CycleView> => {
    const { unit, cycle: before } = await deps.cycleFor(caller, unitId, cycleId, 'pdsa:edit');
    checkVersion('cycle', before, expectedVersion);
    const refusal = checkEdit(before, changes);
    if (refusal) throw new ConflictError(refusal, { code: 'cycle.sectionClosed' });
    const after = CycleSchema.parse({ ...before, ...changes, updatedAt: new Date().toISOString(), version: before.version + 1 });
    await deps.cycles.write([deps.cycles.cycleWrite(before, after, 'update')], personActor(caller.person));
    return cycleView(caller.principal, unit, after, await deps.studyData(after));
  };
}
