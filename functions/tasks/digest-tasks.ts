import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';
import type { digestSteps } from '../app/workflow/digest-steps.js';
import { defineTask, type WorkflowTask } from './workflow-task.js';

/** The weekly-digest state machine's tasks: each parses its payload and runs the application's step. */
export function createDigestTasks(steps: ReturnType<typeof digestSteps>): WorkflowTask[] {
  return [
    defineTask({ name: 'findDigestRecipients', input: z.object({ scheduledTime: z.iso.datetime() }), run: steps.findDigestRecipients }),
    defineTask({
      name: 'sendDigest',
      input: z.object({ personId: IdSchema, scheduledTime: z.iso.datetime(), executionName: z.string().min(1).max(80) }),
      run: steps.sendDigest,
    }),
  ];
}
