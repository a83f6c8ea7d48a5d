import type { WorkflowSteps } from '../app/workflow/workflow-steps.js';
import { createCycleTasks } from './cycle-tasks.js';
import { createDigestTasks } from './digest-tasks.js';
import { createRoundTasks } from './round-tasks.js';
import type { WorkflowTask } from './workflow-task.js';

/** Every workflow task, for the tasks Lambda and the local engine alike. */
export function createWorkflowTasks(steps: WorkflowSteps): WorkflowTask[] {
  return [...createCycleTasks(steps.cycle), ...createRoundTasks(steps.round), ...createDigestTasks(steps.digest)];
}
