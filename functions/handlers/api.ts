import { handle } from 'hono/aws-lambda';
import { createApiFunction } from '../runtime/aws/api.js';

const { app, metrics } = createApiFunction(process.env);
const answer = handle(app);

export const handler: typeof answer = async (event, context) => {
  try {
    return await answer(event, context);
  } finally {
    metrics.flush();
  }
};
