import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { InvalidInputError } from '../../app/errors.js';
import { AdminPersonSchema } from '../../app/organisation/admin.js';
import { AdminAuditEntrySchema, AdminEntitySchema } from '../../domain/audit.js';
import { IdSchema } from '../../domain/ids.js';
import { RoleGrantSchema, RoleSchema, type RoleGrant } from '../../domain/membership.js';
import { NewPersonSchema } from '../../domain/person.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const PersonParams = z.object({ personId: idParam('personId') });
const AdminPeopleSchema = z.object({ items: z.array(AdminPersonSchema) }).meta({ id: 'AdminPeople' });
const AdminAuditPageSchema = z.object({ items: z.array(AdminAuditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'AdminAuditPage' });
const DateQuery = z.iso.date();

/** The role to remove, named in the query as it is given in a body: `role`, and `areaId` or `unitId`. */
const RoleQuery = z.object({ role: RoleSchema, areaId: IdSchema.optional(), unitId: IdSchema.optional() });

function roleGrantOf(query: z.infer<typeof RoleQuery>): RoleGrant {
  const parsed = RoleGrantSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (parsed.success) return parsed.data;
  throw new InvalidInputError('Name the role and where it is held: a leader an areaId, a coach or supervisor a unitId, an admin neither.', [
    { field: 'query', message: 'leader needs areaId; coach and supervisor need unitId; admin takes neither' },
  ]);
}

/** The admin's people, their roles and the audit trail of the organisation. */
export function adminRoutes(deps: ApiDeps) {
  const { admin } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/admin/people', tags: ['Admin'], security: bearerSecurity,
        summary: 'Everyone, with their roles (admin)',
        responses: { 200: json('People, by name', AdminPeopleSchema), 401: problemResponse('Not signed in'), 403: problemResponse('Only admins') },
      }),
      async (c) => c.json({ items: await admin.people(c.get('caller')) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/admin/people', tags: ['Admin'], security: bearerSecurity,
        summary: 'Add a person (admin) and invite them to sign in: in AWS a Cognito user with an invitation e-mail; locally they appear on the sign-in page',
        request: { body: { required: true, content: { 'application/json': { schema: NewPersonSchema } } } },
        responses: {
          201: json('Added', AdminPersonSchema),
          400: problemResponse('Invalid person'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins add people'),
          409: problemResponse('Someone has this e-mail address already'),
        },
      }),
      async (c) => {
        const added = await admin.addPerson(c.get('caller'), c.req.valid('json'));
        c.header('ETag', `"${added.person.version}"`);
        return c.json(added, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/admin/people/{personId}/roles', tags: ['Admin'], security: bearerSecurity,
        summary: 'Give a person a role: admin, leader of an area, coach or supervisor of a unit (admin)',
        request: { params: PersonParams, body: { required: true, content: { 'application/json': { schema: RoleGrantSchema } } } },
        responses: {
          201: json('Given; the person with their roles', AdminPersonSchema),
          400: problemResponse('Invalid role, area or unit'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins give roles'),
          404: problemResponse('No such person'),
          409: problemResponse('The person holds this role already, or is deactivated'),
        },
      }),
      async (c) => c.json(await admin.grantRole(c.get('caller'), c.req.valid('param').personId, c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'delete', path: '/api/admin/people/{personId}/roles', tags: ['Admin'], security: bearerSecurity,
        summary: "Remove a person's role (admin); it applies to their next request",
        request: { params: PersonParams, query: RoleQuery },
        responses: {
          200: json('Removed; the person with their roles', AdminPersonSchema),
          400: problemResponse('Invalid role, area or unit'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins remove roles'),
          404: problemResponse('No such person, or not a role they hold'),
          409: problemResponse('An admin cannot remove their own admin role'),
        },
      }),
      async (c) => c.json(await admin.revokeRole(c.get('caller'), c.req.valid('param').personId, roleGrantOf(c.req.valid('query'))), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/admin/people/{personId}/deactivate', tags: ['Admin'], security: bearerSecurity,
        summary: "Deactivate a person (admin): their history stays, their sign-in stops; needs If-Match with the person's ETag",
        request: { params: PersonParams, headers: IfMatchHeader },
        responses: {
          200: json('Deactivated', AdminPersonSchema),
          400: problemResponse('Invalid person id'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins deactivate people'),
          404: problemResponse('No such person'),
          409: problemResponse('Deactivated already, or the admin themself'),
          412: problemResponse('Someone else changed the person first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const changed = await admin.deactivatePerson(c.get('caller'), c.req.valid('param').personId, expected);
        c.header('ETag', `"${changed.person.version}"`);
        return c.json(changed, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/admin/audit', tags: ['Admin'], security: bearerSecurity,
        summary: 'What admins changed in the organisation, newest first: who changed what from what to what; filter by unit, area, person, kind and days',
        request: {
          query: z.object({
            unitId: IdSchema.optional(),
            areaId: IdSchema.optional(),
            personId: IdSchema.optional(),
            kind: AdminEntitySchema.optional(),
            from: DateQuery.optional(),
            to: DateQuery.optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
            cursor: z.string().max(2000).optional(),
          }),
        },
        responses: {
          200: json('A page of entries', AdminAuditPageSchema),
          400: problemResponse('Invalid query'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins'),
        },
      }),
      async (c) => {
        const { limit, cursor, from, to, ...filter } = c.req.valid('query');
        const days = { ...(from ? { from: `${from}T00:00:00.000Z` } : {}), ...(to ? { to: `${to}T23:59:59.999Z` } : {}) };
        return c.json(await admin.auditTrail(c.get('caller'), { ...filter, ...days }, { limit, cursor }), 200);
      },
    );
}
