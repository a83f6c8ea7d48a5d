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
  type FieldIssue,
} from '../app/errors.js';
import { InvalidTokenError } from './auth/token-verifier.js';
import { userLocale } from './locale.js';
import { ISSUES_SAID, fieldInWords, fieldIssueInWords, problemTitle, refusalDetail, zodIssueInWords } from './refusals.js';

/** RFC 9457 problem details, in the person's language (Content-Language); `errors` names each failing field, in words in `label`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), label: z.string().optional(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

type ProblemExtra = { type?: string; code?: string; params?: Record<string, string | number>; errors?: FieldIssue[] };

/**
 * A refusal as the person reads it: title and detail in their language (see refusals.ts), by the
 * refusal's code when it has one; `message` is the English sentence for the log and is said only
 * when it was written in the person's language already (figures, CSV files).
 */
export function problemJson(c: Context, status: ContentfulStatusCode, message: string, extra: ProblemExtra = {}) {
  const locale = userLocale(c);
  const code = extra.code ?? extra.type?.replace(/^urn:sykli:problem:/, '');
  const saidAlready = code !== undefined && ISSUES_SAID.test(code);
  const body: Problem = {
    type: extra.type ?? 'about:blank',
    title: problemTitle(status, locale),
    status,
    detail: refusalDetail(status, locale, { code, params: extra.params, message }),
    instance: c.req.path,
    ...(extra.errors
      ? {
          errors: extra.errors.map((issue) => ({
            field: issue.field,
            label: fieldInWords(issue.field, locale),
            message: fieldIssueInWords(issue, locale, saidAlready),
          })),
        }
      : {}),
  };
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="sykli"');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json', 'Content-Language': locale });
}

/** Zod issues → the failing fields, as dotted paths prefixed with where they came from, each said in words. */
export function validationProblem(c: Context, target: string, error: z.ZodError) {
  const locale = userLocale(c);
  const errors = error.issues.map((issue) => ({
    field: [target, ...issue.path.map(String)].join('.'),
    message: zodIssueInWords(issue, locale),
  }));
  return problemJson(c, 400, `The request is not valid: ${errors.map((e) => e.field).join(', ')}.`, {
    type: 'urn:sykli:problem:validation',
    code: 'validation',
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
    return problemJson(c, 400, error.message, { type: `urn:sykli:problem:${error.kind}`, code: error.code, params: error.params, errors: error.issues });
  }
  if (error instanceof AppError) return problemJson(c, statusOf(error), error.message, { type: `urn:sykli:problem:${error.code}`, params: error.params });
  if (error instanceof InvalidTokenError) return problemJson(c, 401, error.message);
  if (error instanceof HTTPException) {
    const detail = error.message || 'Error';
    const errors = error.status === 400 ? [{ field: 'body', message: detail }] : undefined;
    return problemJson(c, error.status as ContentfulStatusCode, detail, errors ? { errors } : {});
  }
  log('Unhandled error in API', error);
  return problemJson(c, 500, 'Something went wrong on our side. The error has been logged.');
}
