import { handle } from 'hono/aws-lambda';
import { createApiFunction } from '../runtime/aws/api.js';

const { app } = createApiFunction(process.env);

export const handler = handle(app);
