import type { Caller } from '../app/caller.js';
import { openApiRouter } from './openapi-router.js';
import { validationProblem } from './problem.js';

export type ApiEnv = { Variables: { caller: Caller } };

/** Every router validates the same way: a 400 problem naming each failing field. */
export function newRouter() {
  return openApiRouter<ApiEnv>((result, c) => {
    if (!result.success && result.error) return validationProblem(c, result.target, result.error);
  });
}

export const bearerSecurity = [{ bearer: [] }];
