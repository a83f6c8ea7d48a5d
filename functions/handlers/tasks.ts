import { createTasksFunction } from '../runtime/aws/tasks.js';

/** Every workflow task of both state machines; the payload's `task` names which one. */
export const { handler } = createTasksFunction(process.env);
