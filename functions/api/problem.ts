import * as z from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StaleVersionError,
  VersionRequiredError,
} from '../app/errors.js';
import { InvalidTokenError } from './auth/token-verifier.js';

/** RFC 9457 problem details; `errors` names each failing field. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  500: 'Internal Server Error',
};

type ProblemExtra = { type?: string; errors?: Problem['errors'] };

export function problemJson(c: Context, status: ContentfulStatusCode, detail: string, extra: ProblemExtra = {}) {
  const body: Problem = {
    type: extra.type ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="sykli"');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}

/** Zod issues → the failing fields, as dotted paths prefixed with where they came from. */
export function validationProblem(c: Context, target: string, error: z.ZodError) {
  const errors = error.issues.map((issue) => ({
    field: [target, ...issue.path.map(String)].join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const fields = errors.map((e) => e.field).join(', ');
  return problemJson(c, 400, `The request is not valid: ${fields}.`, {
    type: 'urn:sykli:problem:validation',
    errors,
  });
}

/** Each kind of application error is one HTTP status; the refusal's code becomes the problem type. */
function statusOf(error: AppError): ContentfulStatusCode {
  if (error instanceof InvalidInputError) return 400;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof StaleVersionError) return 412;
  if (error instanceof VersionRequiredError) return 428;
  return 409;
}

export function handleError(error: Error, c: Context, log: (message: string, error: unknown) => void) {
  if (error instanceof InvalidInputError) {
    return problemJson(c, 400, error.message, { type: `urn:sykli:problem:${error.kind}`, errors: error.issues });
  }
  if (error instanceof AppError) return problemJson(c, statusOf(error), error.message, { type: `urn:sykli:problem:${error.code}` });
  if (error instanceof InvalidTokenError) return problemJson(c, 401, error.message);
  if (error instanceof HTTPException) {
    const detail = error.message || TITLES[error.status] || 'Error';
    const errors = error.status === 400 ? [{ field: 'body', message: detail }] : undefined;
    return problemJson(c, error.status as ContentfulStatusCode, detail, errors ? { errors } : {});
  }
  log('Unhandled error in API', error);
  return problemJson(c, 500, 'Something went wrong on our side. The error has been logged.');
}
