import { randomUUID } from 'node:crypto';
import { addDays, format } from 'date-fns';
import { toWorkflowTimestamp } from '../../functions/domain/helsinki-time.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { digestWeek } from '../../functions/domain/weekly-digest.js';
import { LATE_UNIT } from '../../functions/runtime/seed/demo-measurements.js';
import { demoPeople } from '../../functions/runtime/seed/demo-organisation.js';
import { ENV } from '../../functions/runtime/env.js';
import { createCycleRepository } from '../../functions/store/cycle-repository.js';
import type { Invocation } from './child-runner.js';
import { describeError, lastLogLines, type EventContext, type EventSource, type Step } from './events.js';

/**
 * The API function's events: API Gateway HTTP API (payload 2.0) requests on the route the template
 * gives it, a short journey through the demo organisation that makes every kind of AWS call the API
 * makes — reads, a figure, a cycle started through the `live` alias, a review invitation by SES,
 * a study review's outcome answering its workflow's wait, a measurement round, a unit change, and
 * an admin adding a person (a Cognito user), changing their roles and deactivating them.
 */

type HttpResponse = { statusCode: number; headers?: Record<string, string>; body?: string };

/** The demo organisation's people this journey acts as (functions/runtime/seed/demo-organisation.ts). */
const PEOPLE = {
  admin: 'tiina-koskinen',
  leader: 'jukka-heikkinen', // leads Keski-Suomi
  coach: 'aino-virtanen', // coaches Palokka and Nova
  supervisor: 'minna-hakala', // supervises Palokka
  lateSupervisor: 'ville-ojala', // supervises Soini, whose last week has no figures yet
} as const;
const STUDIED_CYCLE = { unitId: 'nova', cycleId: 'nova-one-contact-1', reviewId: 'nova-one-contact-1-study' };
/** The wait the demo cycle in Study would have open: its first attempt's first study-review wait. */
const STUDY_WAIT_NAME = 'study-review-a0-r0';
/** The task token of that wait, per function, minted by prepare(). */
const studyWaitTokens = new WeakMap<EventContext['fn'], string>();

/** The variables that name the issuer and client the API accepts ID tokens of; the harness signs for them. */
export const TOKEN_VARIABLES = { issuer: ENV.authIssuer, audience: ENV.authClientId } as const;

/** The HTTP API routes and payload versions that invoke this function, from the template. */
function routesOf(ctx: EventContext): { routeKey: string; payload: string; apiId: string }[] {
  const { template, resolver } = ctx.stack;
  const resources = Object.entries(template.Resources);
  return resources
    .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')
    .flatMap(([, route]) => {
      const target = resolver.resolveString(route.Properties?.Target ?? '', 'Route.Target');
      const integration = resources.find(([id, r]) => r.Type === 'AWS::ApiGatewayV2::Integration' && target === `integrations/${resolver.ref(id)}`)?.[1];
      if (!integration || resolver.resolveString(integration.Properties?.IntegrationUri ?? '', 'IntegrationUri') !== ctx.fn.arn) return [];
      return [{ routeKey: String(route.Properties?.RouteKey), payload: String(integration.Properties?.PayloadFormatVersion ?? '1.0'), apiId: resolver.resolveString(route.Properties?.ApiId, 'Route.ApiId') }];
    });
}

/**
 * The headers CloudFront adds when it forwards a request to this API (the origin-verify secret):
 * the custom headers of every distribution origin whose domain is the API's.
 */
function cloudFrontHeaders(ctx: EventContext, apiId: string): Record<string, string> {
  const { template, resolver } = ctx.stack;
  const origins = Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::CloudFront::Distribution')
    .flatMap((r) => (r.Properties?.DistributionConfig?.Origins ?? []) as { DomainName: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[])
    .filter((origin) => resolver.resolveString(origin.DomainName, 'Origin.DomainName').startsWith(`${apiId}.execute-api.`));
  return Object.fromEntries(
    origins.flatMap((origin) => origin.OriginCustomHeaders ?? []).map((h) => [h.HeaderName.toLowerCase(), resolver.resolveString(h.HeaderValue, `OriginCustomHeaders.${h.HeaderName}`)]),
  );
}

export const apiJourney: EventSource = {
  kind: 'API Gateway HTTP API requests (payload 2.0)',

  async prepare(ctx) {
    // The cycle in Study waits for its review's outcome: store the wait its execution would have stored.
    const pdsa = ctx.stack.machines.find((m) => m.file === 'pdsa-cycle.asl.json');
    if (!pdsa) return;
    const token = ctx.tokens.mint(pdsa.arn);
    studyWaitTokens.set(ctx.fn, token);
    await createCycleRepository(ctx.db).putWait(STUDIED_CYCLE.cycleId, STUDY_WAIT_NAME, token);
  },

  steps(ctx) {
    const problems: string[] = [];
    const routes = routesOf(ctx);
    const route = routes.find((r) => r.routeKey === 'ANY /api/{proxy+}' && r.payload === '2.0');
    if (!route) {
      problems.push(
        `No HTTP API route ANY /api/{proxy+} with payload 2.0 invokes ${ctx.fn.path} (routes to it: ${routes.map((r) => `${r.routeKey} v${r.payload}`).join(', ') || 'none'}).`,
      );
      return { steps: [], problems };
    }
    const throughCloudFront = cloudFrontHeaders(ctx, route.apiId);
    const day = (offset: number) => format(addDays(ctx.now, offset), 'yyyy-MM-dd');
    const memo: Record<string, any> = {};
    const need = (key: string) => {
      if (memo[key] === undefined) throw new Error(`it needs ${key} from an earlier step, which failed`);
      return memo[key];
    };

    /** One request; `path` may hold `{name}` placeholders that `params` fills from earlier answers. */
    const request = (label: string, spec: {
      method: string;
      path: string;
      params?: () => Record<string, string>;
      as?: string;
      body?: () => unknown;
      headers?: () => Record<string, string>;
      /** Sent straight to API Gateway's own address, not through CloudFront. */
      aroundCloudFront?: boolean;
      status: number;
      expectCalls?: string[];
      then?: (response: HttpResponse, json: any) => string | null | void;
    }): Step => ({
      label: `${label} (${spec.method} ${spec.path})`,
      expectCalls: spec.expectCalls,
      async build() {
        const params = spec.params?.() ?? {};
        const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
        const body = spec.body?.();
        const headers: Record<string, string> = {
          host: `${route.apiId}.execute-api.eu-north-1.amazonaws.com`,
          'user-agent': 'sykli-deploy-harness',
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(spec.as ? { authorization: `Bearer ${await ctx.signIdToken(spec.as)}` } : {}),
          ...spec.headers?.(),
          ...(spec.aroundCloudFront ? {} : throughCloudFront),
        };
        return httpApiEvent(route, spec.method, path, headers, body === undefined ? undefined : JSON.stringify(body));
      },
      check(outcome: Invocation) {
        if (!outcome.ok) return `threw ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
        const response = outcome.value as HttpResponse;
        if (response.statusCode !== spec.status) {
          const server = response.statusCode >= 500 ? lastLogLines(outcome.logs) : '';
          return `answered ${response.statusCode} instead of ${spec.status}: ${String(response.body ?? '').slice(0, 800)}${server}`;
        }
        let json: any;
        try {
          json = response.body ? JSON.parse(response.body) : undefined;
        } catch {
          json = undefined;
        }
        return spec.then?.(response, json) ?? null;
      },
    });

    const weeklyDue = duePeriod('weekly', ctx.now);
    const steps: Step[] = [
      request('check health without signing in', { method: 'GET', path: '/api/health', status: 200, expectCalls: ['dynamodb:GetItem'] }),
      request('refuse a request without a token', { method: 'GET', path: '/api/me', status: 401 }),
      request('refuse a signed-in request that went around CloudFront and its firewall', { method: 'GET', path: '/api/me', as: PEOPLE.coach, aroundCloudFront: true, status: 403 }),
      request('read who is signed in, as a coach', { method: 'GET', path: '/api/me', as: PEOPLE.coach, status: 200, expectCalls: ['dynamodb:GetItem', 'dynamodb:Query'] }),
      request("read the area overview, as the area's leader", {
        method: 'GET', path: '/api/areas/keski-suomi/overview', as: PEOPLE.leader, status: 200, expectCalls: ['dynamodb:Query'],
      }),
      request("read a unit's cycles, as its coach", { method: 'GET', path: '/api/units/palokka/cycles', as: PEOPLE.coach, status: 200, expectCalls: ['dynamodb:Query'] }),
      request("write the late unit's missing figure, as its supervisor", {
        method: 'PUT', path: `/api/units/${LATE_UNIT}/measures/t3/periods/${weeklyDue}`, as: PEOPLE.lateSupervisor,
        body: () => ({ value: 9, note: 'Deploy harness' }), status: 201, expectCalls: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      }),
      request('plan a cycle, as a supervisor', {
        method: 'POST', path: '/api/units/palokka/cycles', as: PEOPLE.supervisor,
        body: () => ({ title: 'Takaisinsoitto iltapäivisin', objective: 'Kokeillaan takaisinsoittoja myös iltapäivisin.' }),
        status: 201, expectCalls: ['dynamodb:PutItem'],
        then: (_, json) => void (memo.cycle = json),
      }),
      request("fill in the cycle's plan", {
        method: 'PATCH', path: '/api/units/palokka/cycles/{cycleId}', params: () => ({ cycleId: need('cycle').id }), as: PEOPLE.supervisor,
        headers: () => ({ 'if-match': `"${need('cycle').version}"` }),
        body: () => ({ plan: { who: 'Vastaanoton hoitajat', what: 'Takaisinsoitot iltapäivisin', where: 'Palokan vastaanotto', doStart: day(0), doEnd: day(14), dataCollection: 'Päivittäinen kirjanpito' } }),
        status: 200, then: (_, json) => void (memo.cycle = json),
      }),
      request('move the cycle to Do, which starts its workflow', {
        method: 'POST', path: '/api/units/palokka/cycles/{cycleId}/transitions', params: () => ({ cycleId: need('cycle').id }), as: PEOPLE.supervisor,
        headers: () => ({ 'if-match': `"${need('cycle').version}"` }), body: () => ({ to: 'doing' }),
        status: 200, expectCalls: ['states:StartExecution'],
        then: (_, json) => {
          memo.cycle = json;
          const started = ctx.proxy.executions.find((e) => e.fn === ctx.fn.path && JSON.stringify(e.input) === JSON.stringify({ unitId: 'palokka', cycleId: json.id }));
          const pdsa = ctx.stack.machines.find((m) => m.file === 'pdsa-cycle.asl.json');
          if (!started) return 'started no execution for the cycle';
          if (started.machineArn !== pdsa?.arn || !started.target.endsWith(':live')) return `started ${started.target}, not the pdsa-cycle machine's live alias`;
          return null;
        },
      }),
      request('schedule a plan review, as the coach: participants get an invitation with an .ics', {
        method: 'POST', path: '/api/units/palokka/cycles/{cycleId}/reviews', params: () => ({ cycleId: need('cycle').id }), as: PEOPLE.coach,
        body: () => ({ kind: 'plan', date: day(2), startTime: '13:00', durationMinutes: 60, place: 'Neuvotteluhuone', participantIds: [PEOPLE.supervisor] }),
        status: 201, expectCalls: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'ses:SendEmail'],
        then: (_, json) => {
          const participant = demoPeople.find((p) => p.id === PEOPLE.supervisor)!.email;
          const invitation = ctx.proxy.mails.find(
            (m) => m.fn === ctx.fn.path && m.to.includes(participant) && /Content-Type: text\/calendar/i.test(m.text) && m.text.includes(json.id),
          );
          return invitation ? null : `sent ${participant} no invitation with a calendar attachment for the review`;
        },
      }),
      request("record the study review's outcome, as the coach: the cycle's workflow gets the decision", {
        method: 'PUT', path: `/api/units/${STUDIED_CYCLE.unitId}/cycles/${STUDIED_CYCLE.cycleId}/reviews/${STUDIED_CYCLE.reviewId}/outcome`, as: PEOPLE.coach,
        headers: () => ({ 'if-match': '"1"' }),
        body: () => ({ notes: 'Kävimme läpi tiistaiden tulokset.', act: { decision: 'adopt', reason: 'Asiakkaat hyötyivät yhteisestä vastaanotosta.', nextSteps: 'Yhteinen vastaanotto joka tiistai.' } }),
        status: 200, expectCalls: ['dynamodb:PutItem', 'dynamodb:Query', 'states:SendTaskSuccess', 'dynamodb:UpdateItem'],
        then: () => {
          const answers = ctx.tokens.answersTo(studyWaitTokens.get(ctx.fn) ?? '');
          return answers.some((a) => a.kind === 'success' && (a.payload as { decision?: string }).decision === 'adopt')
            ? null
            : `answered the cycle's stored wait with ${JSON.stringify(answers.map((a) => a.payload))}, not the decision adopt`;
        },
      }),
      // This month's: the tasks' own events run the weekly round and last month's monthly one.
      request("run this month's measurement round by hand, as admin", {
        method: 'POST', path: '/api/rounds', as: PEOPLE.admin, body: () => ({ frequency: 'monthly' }), status: 202, expectCalls: ['dynamodb:GetItem', 'states:StartExecution'],
        then: () => {
          const round = ctx.stack.machines.find((m) => m.file === 'measurement-round.asl.json');
          const started = ctx.proxy.executions.find((e) => e.fn === ctx.fn.path && e.machineArn === round?.arn);
          return started?.target.endsWith(':live') ? null : 'started no measurement-round execution through its live alias';
        },
      }),
      request("send this week's digest now, as admin", {
        method: 'POST', path: '/api/digests', as: PEOPLE.admin, body: () => ({ week: digestWeek(new Date()) }), status: 202, expectCalls: ['states:StartExecution'],
        then: () => {
          const digest = ctx.stack.machines.find((m) => m.file === 'weekly-digest.asl.json');
          const started = ctx.proxy.executions.find((e) => e.fn === ctx.fn.path && e.machineArn === digest?.arn);
          return started?.target.endsWith(':live') ? null : 'started no weekly-digest execution through its live alias';
        },
      }),
      request('turn the weekly digest off in their own settings, as a supervisor: the change and its audit entry in one transaction', {
        method: 'PATCH', path: '/api/me/settings', as: PEOPLE.supervisor, body: () => ({ digest: false }), status: 200, expectCalls: ['dynamodb:Query', 'dynamodb:PutItem'],
      }),
      request('read a unit, as admin', {
        method: 'GET', path: '/api/units/kyllo', as: PEOPLE.admin, status: 200, expectCalls: ['dynamodb:GetItem'],
        then: (response) => void (memo.unitEtag = response.headers?.etag ?? response.headers?.ETag),
      }),
      request('change the unit, as admin: the change and its audit entry in one transaction', {
        method: 'PATCH', path: '/api/units/kyllo', as: PEOPLE.admin, headers: () => ({ 'if-match': need('unitEtag') }),
        body: () => ({ municipality: 'Jyväskylä (Kyllö)' }), status: 200, expectCalls: ['dynamodb:PutItem'],
      }),
      request('add a person, as admin: their Cognito user is created with an invitation', {
        method: 'POST', path: '/api/admin/people', as: PEOPLE.admin,
        body: () => ({ name: 'Sanna Lehto', email: 'sanna.lehto@example.fi', locale: 'sv' }), status: 201,
        expectCalls: ['dynamodb:GetItem', 'dynamodb:PutItem', 'cognito-idp:AdminCreateUser'],
        then: (_, json) => {
          memo.newPerson = json.person;
          const user = ctx.proxy.users.find((u) => u.fn === ctx.fn.path && u.username === 'sanna.lehto@example.fi');
          return user?.attributes.locale === 'sv' ? null : 'created no Cognito user for the new person in their language';
        },
      }),
      request('give the new person a role, as admin', {
        method: 'POST', path: '/api/admin/people/{personId}/roles', params: () => ({ personId: need('newPerson').id }), as: PEOPLE.admin,
        body: () => ({ role: 'supervisor', unitId: 'kyllo' }), status: 201, expectCalls: ['dynamodb:PutItem'],
      }),
      request('remove the role, as admin', {
        method: 'DELETE', path: '/api/admin/people/{personId}/roles?role=supervisor&unitId=kyllo', params: () => ({ personId: need('newPerson').id }), as: PEOPLE.admin,
        status: 200, expectCalls: ['dynamodb:DeleteItem'],
      }),
      request('deactivate the new person, as admin: their Cognito user is disabled', {
        method: 'POST', path: '/api/admin/people/{personId}/deactivate', params: () => ({ personId: need('newPerson').id }), as: PEOPLE.admin,
        headers: () => ({ 'if-match': `"${need('newPerson').version}"` }), status: 200, expectCalls: ['dynamodb:PutItem', 'cognito-idp:AdminDisableUser'],
      }),
    ];
    return { steps, problems };
  },
};

/** An API Gateway HTTP API payload 2.0 event, as the `ANY /api/{proxy+}` route delivers it. */
function httpApiEvent(route: { routeKey: string; apiId: string }, method: string, target: string, headers: Record<string, string>, body: string | undefined) {
  const now = new Date();
  const [path = target, query = ''] = target.split('?');
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: path,
    rawQueryString: query,
    ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
    headers,
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
    pathParameters: { proxy: path.replace(/^\/api\//, '') },
    requestContext: {
      accountId: '123456789012',
      apiId: route.apiId,
      domainName: headers.host,
      domainPrefix: route.apiId,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: headers['user-agent'] },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: toWorkflowTimestamp(now),
      timeEpoch: now.getTime(),
    },
  };
}
