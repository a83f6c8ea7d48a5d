import { createAwsTaskRuntime } from '../runtime/aws.js';

const runtime = createAwsTaskRuntime(process.env);

/** Every workflow task of both state machines; the payload's `task` names which one. */
export const handler = (payload: unknown) => runtime.dispatch(payload);
