import { createProjectionFunction } from '../runtime/aws/projection.js';

/** The table's change stream: derived items follow the facts. */
export const { handler } = createProjectionFunction(process.env);
