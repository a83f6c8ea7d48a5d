import { handle } from 'hono/aws-lambda';
import { createAwsRuntime } from '../runtime/aws.js';

const runtime = createAwsRuntime(process.env);

export const handler = handle(runtime.app);
