import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';
import { FrequencySchema } from '../domain/measure.js';
import { PeriodSchema } from '../domain/period.js';
import type { roundSteps } from '../app/workflow/round-steps.js';
import { defineTask, type WorkflowTask } from './workflow-task.js';

const RoundRef = z.object({ frequency: FrequencySchema, period: PeriodSchema });
const UnitRef = RoundRef.extend({ unitId: IdSchema });

/** The measurement-round state machine's tasks: each parses its payload and runs the application's step. */
export function createRoundTasks(steps: ReturnType<typeof roundSteps>): WorkflowTask[] {
  return [
    defineTask({
      name: 'claimRound',
      input: z.object({ frequency: FrequencySchema, scheduledTime: z.iso.datetime(), executionName: z.string().min(1).max(80) }),
      run: steps.claimRound,
    }),
    defineTask({ name: 'findDueUnits', input: RoundRef, run: steps.findDueUnits }),
    defineTask({ name: 'openUnitPeriod', input: UnitRef, run: steps.openUnitPeriod }),
    defineTask({ name: 'remindIfLate', input: UnitRef, run: steps.remindIfLate }),
    defineTask({ name: 'escalateIfLate', input: UnitRef, run: steps.escalateIfLate }),
    defineTask({ name: 'computeUnitSnapshots', input: UnitRef, run: steps.computeUnitSnapshots }),
    defineTask({ name: 'refreshAreaStatus', input: z.object({ areaId: IdSchema }), run: steps.refreshAreaStatus }),
    defineTask({ name: 'finishRound', input: RoundRef, run: steps.finishRound }),
    defineTask({
      name: 'recordRoundFailure',
      input: RoundRef.extend({ failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose() }),
      run: steps.recordRoundFailure,
    }),
  ];
}
