import { createTasksFunction } from '../runtime/aws/tasks.js';

const { dispatch } = createTasksFunction(process.env);

/** Every workflow task of both state machines; the payload's `task` names which one. */
export const handler = (payload: unknown) => dispatch(payload);
