import { createCycleTasks, type CycleTaskDeps } from './cycle-tasks.js';
import { createRoundTasks, type RoundTaskDeps } from './round-tasks.js';
import type { WorkflowTask } from './workflow-task.js';

/** What workflow tasks may use; the runtimes build it from the same adapters as the API. */
export type TaskDeps = CycleTaskDeps & RoundTaskDeps;

/** Every workflow task, for the tasks Lambda and the local engine alike. */
export function createWorkflowTasks(deps: TaskDeps): WorkflowTask[] {
  return [...createCycleTasks(deps), ...createRoundTasks(deps)];
}
