import type { Actor } from '../../domain/audit.js';
import { IN_FLIGHT_PHASES, type Cycle } from '../../domain/cycle.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import { ConflictError } from '../../store/errors.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';
import { cycleExecutionName } from '../pdsa/transition-cycle.js';

export type ResumeDeps = {
  areas: Pick<AreaRepository, 'list'>;
  units: Pick<UnitRepository, 'listAllOfArea'>;
  cycles: CycleRepository;
  workflows: WorkflowStarter;
  log?: (line: string) => void;
};

const RESUME_ACTOR: Actor = { type: 'system', name: 'Workflow resume at start-up' };

/**
 * Starts the workflow again for every cycle in Do, Study or Act, under a new attempt number, so
 * that each continues from its stored phase (the local engine keeps executions in memory only).
 * A maintenance pass at start-up: one Query per unit, never on a request path.
 */
export async function resumeInFlightCycles(deps: ResumeDeps): Promise<string[]> {
  const started: string[] = [];
  for (const area of await deps.areas.list()) {
    for (const unit of await deps.units.listAllOfArea(area.id)) {
      for (const cycle of await deps.cycles.listCycles(unit.id)) {
        if (!IN_FLIGHT_PHASES.includes(cycle.phase)) continue;
        const resumed = await nextAttempt(deps.cycles, cycle);
        if (!resumed) continue;
        const name = cycleExecutionName(resumed);
        await deps.workflows.start('pdsaCycle', name, { unitId: resumed.unitId, cycleId: resumed.id });
        deps.log?.(`Resumed cycle ${resumed.id} (${resumed.phase}) as ${name}.`);
        started.push(name);
      }
    }
  }
  return started;
}

/** Raises the attempt number; a cycle a person changed meanwhile is read again. */
async function nextAttempt(cycles: CycleRepository, first: Cycle): Promise<Cycle | null> {
  let cycle: Cycle | undefined = first;
  for (let attempt = 0; cycle && IN_FLIGHT_PHASES.includes(cycle.phase); attempt++) {
    const after: Cycle = {
      ...cycle,
      workflow: { ...cycle.workflow, attempt: cycle.workflow.attempt + 1 },
      updatedAt: new Date().toISOString(),
      version: cycle.version + 1,
    };
    try {
      await cycles.write([cycles.cycleWrite(cycle, after, 'resumeWorkflow')], RESUME_ACTOR);
      return after;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      cycle = await cycles.getCycle(cycle.unitId, cycle.id);
    }
  }
  return null;
}
