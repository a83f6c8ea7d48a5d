import { OpenAPIHono } from '@hono/zod-openapi';
import type { Caller } from '../app/caller.js';
import { validationProblem } from './problem.js';

export type ApiEnv = { Variables: { caller: Caller } };

/** Every router validates the same way: a 400 problem naming each failing field. */
export function newRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
    },
  });
}

export const bearerSecurity = [{ bearer: [] }];
