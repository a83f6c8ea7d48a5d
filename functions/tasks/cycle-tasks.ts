import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';
import type { cycleSteps } from '../app/workflow/cycle-steps.js';
import { defineTask, type WorkflowTask } from './workflow-task.js';

const CycleRef = z.object({ unitId: IdSchema, cycleId: IdSchema });

/** The pdsa-cycle state machine's tasks: each parses its payload and runs the application's step. */
export function createCycleTasks(steps: ReturnType<typeof cycleSteps>): WorkflowTask[] {
  return [
    defineTask({ name: 'loadCycle', input: CycleRef, run: steps.loadCycle }),
    defineTask({ name: 'openStudy', input: CycleRef, run: steps.openStudy }),
    defineTask({
      name: 'awaitStudyReview',
      input: CycleRef.extend({ round: z.number().int().min(0), taskToken: z.string().min(1) }),
      run: steps.awaitStudyReview,
    }),
    defineTask({ name: 'remindCoach', input: CycleRef.extend({ round: z.number().int().min(1) }), run: steps.remindCoach }),
    defineTask({ name: 'escalate', input: CycleRef, run: steps.escalate }),
    defineTask({ name: 'applyDecision', input: CycleRef, run: steps.applyDecision }),
    defineTask({
      name: 'recordFailure',
      input: CycleRef.extend({ error: z.string().max(200).catch('Error'), cause: z.string().catch('') }),
      run: steps.recordFailure,
    }),
  ];
}
