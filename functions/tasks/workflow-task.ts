import * as z from 'zod';

/**
 * One step a state machine delegates to code. The same definition runs in the tasks Lambda
 * (AWS) and in the local engine; its input is parsed with its schema first. Tasks must be
 * idempotent: an execution may run them again after a retry.
 */
export type WorkflowTask<S extends z.ZodType = z.ZodType> = {
  name: string;
  input: S;
  run: (input: z.infer<S>) => Promise<Record<string, unknown> | null>;
};

export function defineTask<S extends z.ZodType>(task: WorkflowTask<S>): WorkflowTask {
  return task as unknown as WorkflowTask;
}

/** Errors whose name a state machine's Catch can match. Not retried: running again won't help. */
export class TaskInputError extends Error {
  override readonly name = 'Sykli.InvalidTaskInput';
}

const PayloadSchema = z.looseObject({ task: z.string().min(1).max(64) });

export function createTaskDispatcher(tasks: readonly WorkflowTask[]) {
  const byName = new Map(tasks.map((task) => [task.name, task]));
  if (byName.size !== tasks.length) throw new Error('Two workflow tasks share a name.');
  return async (payload: unknown): Promise<Record<string, unknown> | null> => {
    const envelope = PayloadSchema.safeParse(payload);
    if (!envelope.success) throw new TaskInputError('A workflow task payload needs a "task" name.');
    const task = byName.get(envelope.data.task);
    if (!task) throw new TaskInputError(`No workflow task named ${envelope.data.task}.`);
    const { task: _, ...rest } = envelope.data;
    const input = task.input.safeParse(rest);
    if (!input.success) throw new TaskInputError(`Task ${task.name}: ${z.prettifyError(input.error)}`);
    return task.run(input.data);
  };
}
export type TaskDispatcher = ReturnType<typeof createTaskDispatcher>;

/** What a task's log lines carry: the execution, the task, and the cycle, unit, area, round or person it works on. */
const LOG_KEYS = ['executionName', 'task', 'cycleId', 'unitId', 'areaId', 'frequency', 'period', 'personId'] as const;

export function taskLogKeys(payload: unknown): Partial<Record<(typeof LOG_KEYS)[number], string>> {
  const fields = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  return Object.fromEntries(LOG_KEYS.filter((key) => typeof fields[key] === 'string').map((key) => [key, fields[key] as string]));
}
