import { CycleSchema, type Cycle } from '../../domain/cycle.js';
import { requestTransition, type TransitionRequest } from '../../domain/cycle-lifecycle.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { CycleAccess } from './cycles.js';
import { cycleView, type CycleView } from './cycle-view.js';
import type { StudyData } from './study-data.js';

/** The execution name of a cycle's workflow attempt: deterministic, so a double start is refused. */
export function cycleExecutionName(cycle: Pick<Cycle, 'id' | 'workflow'>): string {
  return `${cycle.id}-a${cycle.workflow.attempt}`;
}

/**
 * A person moves a cycle: starts Do (which starts its workflow), abandons a planned cycle, or
 * starts embedding an adopted change. Study and Act are the workflow's and the review's to move.
 */
export function transitionCycle(deps: {
  cycleFor: CycleAccess;
  cycles: Pick<CycleRepository, 'write' | 'cycleWrite'>;
  workflows: WorkflowStarter;
  metrics: BusinessMetrics;
  studyData: StudyData;
}) {
  return async (caller: Caller, unitId: string, cycleId: string, request: TransitionRequest, expectedVersion: number | undefined): Promise<CycleView> => {
    const { unit, cycle: before } = await deps.cycleFor(caller, unitId, cycleId, 'pdsa:edit');
    checkVersion('cycle', before, expectedVersion);
    const verdict = requestTransition(before, request);
    if (!verdict.ok) throw new ConflictError(verdict.reason, { code: 'cycle.transition', params: { from: before.phase, to: request.to } });
    const after = CycleSchema.parse({ ...before, ...verdict.value, updatedAt: new Date().toISOString(), version: before.version + 1 });
    await deps.cycles.write([deps.cycles.cycleWrite(before, after, `to:${after.phase}`)], personActor(caller.person));
    if (after.phase === 'doing') {
      await deps.workflows.start('pdsaCycle', cycleExecutionName(after), { unitId: unit.id, cycleId: after.id });
      deps.metrics.count('CyclesStarted');
    }
    return cycleView(caller.principal, unit, after, await deps.studyData(after));
  };
}
