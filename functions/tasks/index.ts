import type { WorkflowTask } from './workflow-task.js';

/** What workflow tasks may use; the runtimes build it from the same adapters as the API. */
export type TaskDeps = Record<string, never>;

/** Every workflow task, for the tasks Lambda and the local engine alike. */
export function createWorkflowTasks(_deps: TaskDeps): WorkflowTask[] {
  return [];
}
