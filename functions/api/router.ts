import { OpenAPIHono } from '@hono/zod-openapi';
import type { Person } from '../domain/person.js';
import type { Principal } from '../domain/access-policy.js';
import { validationProblem } from './problem.js';

export type ApiEnv = { Variables: { principal: Principal; person: Person } };

/** Every router validates the same way: a 400 problem naming each failing field. */
export function newRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
    },
  });
}

export const bearerSecurity = [{ bearer: [] }];
