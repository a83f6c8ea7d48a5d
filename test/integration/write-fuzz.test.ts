import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { body, isoDate } from '../support/cycle-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every write operation of the OpenAPI document, fed hostile input built from its own request
 * schema: wrong types, huge strings, prototype keys, big integers, impossible dates and periods,
 * forged ids and If-Match headers. Whatever comes in, the answer is never a 5xx, a refusal is
 * always problem+json, and a refused request writes nothing to the table.
 */
const RUNS_PER_OPERATION = 40;
const PEOPLE = ['tiina-koskinen', 'kaisa-nieminen', 'eero-salminen'];
const UNIT = 'hankasalmi';

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; oneOf?: JsonSchema[]; anyOf?: JsonSchema[]; allOf?: JsonSchema[] };
type Operation = { method: string; path: string; schema: JsonSchema | undefined; contentType: string | undefined };
const WRITE_COMMANDS = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand']);

const HOSTILE_STRINGS = [
  '', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '2026-W54', '2026-W00', '2026-13', '2026-02-30', '0000-01-01',
  '9999-12-31T25:61:61Z', '2026-11-30T08:00:00+99:00', '25:00', '=HYPERLINK("http://evil.example")', '+1+1', '@SUM(A1)', '\r\nBcc: x@evil.example',
  '\u0000', '\ud800', '<script>alert(1)</script>', '../../etc/passwd', 'a'.repeat(5_000), 'ä'.repeat(70_000),
];
const HOSTILE_NUMBERS = [0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53 + 2), 1e21, 1e300, -1e300, 1e-300, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE];
/** Raw JSON, so that keys such as __proto__ reach the server as they are written. */
const HOSTILE_JSON = ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '[]', 'null', '"text"', '1e999', '{"a":', '{}'.padEnd(100, ' ')];

const leaf = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, false),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'x', 'value'), leaf, { maxKeys: 3 }) },
);

/** Valid bodies of the busiest writes: one field at a time turns hostile, so the input reaches past the schema. */
const VALID: Record<string, () => Record<string, unknown>> = {
  'PUT /api/units/{unitId}/measures/{key}/periods/{period}': () => ({ value: 3, note: 'ok' }),
  'POST /api/units/{unitId}/entry': () => ({ rows: [{ measureKey: 't3', period: duePeriod('weekly', new Date()), value: 4 }] }),
  'POST /api/units/{unitId}/aims': () => ({ statement: 'Hoitoon pääsy', targetDate: isoDate(100), measures: [{ measureKey: 't3', role: 'outcome' }] }),
  'POST /api/units/{unitId}/cycles': () => ({ title: 'Takaisinsoitot', objective: 'Vähemmän soittoja', plan: { doStart: isoDate(1), doEnd: isoDate(10) } }),
  'POST /api/units/{unitId}/change-ideas': () => ({ title: 'Soitto samana päivänä', description: 'x' }),
  'POST /api/units/{unitId}/measures/{key}/phases': () => ({ startPeriod: duePeriod('weekly', new Date()), reason: 'Uusi käytäntö' }),
  'PATCH /api/units/{unitId}/measures/{key}/phases/{startPeriod}': () => ({ reason: 'Uusi käytäntö', why: 'Tarkennettu' }),
  'PUT /api/units/{unitId}/measures/{key}/baseline': () => ({ baselineEnd: duePeriod('weekly', new Date()) }),
  'PUT /api/units/{unitId}/measures/{key}/excluded/{period}': () => ({ reason: 'Kirjausvirhe' }),
  'PATCH /api/units/{unitId}/measures/{key}': () => ({ target: { value: 3, by: null } }),
  'PUT /api/units/{unitId}/progress': () => ({ score: 2, reason: 'Työ alkoi' }),
  'POST /api/rounds': () => ({ frequency: 'weekly' }),
};

/** A CSV file whose cells are hostile: the import reads what no schema has seen. */
const hostileCsv = fc
  .tuple(fc.constantFrom('t3', 'access7d', 'constructor', ''), fc.constantFrom<unknown>(...HOSTILE_STRINGS), fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS), fc.constantFrom<unknown>(...HOSTILE_STRINGS))
  .map(([key, period, value, note]) => `mittari;jakso;arvo;osoittaja;nimittäjä;huomio\r\n${key};${String(period)};${String(value)};${String(value)};${String(value)};${String(note)}\r\n`);

describe('fuzzing every write operation with hostile input', () => {
  let t: TestApp;
  let operations: Operation[];
  let components: Record<string, JsonSchema>;
  let params: Record<string, string[]>;
  const tokens = new Map<string, string>();
  const writes: string[] = [];

  /** The properties a request schema names, through $ref, unions and intersections. */
  function propertiesOf(schema: JsonSchema | undefined, depth = 0): Record<string, JsonSchema> {
    if (!schema || depth > 4) return {};
    if (schema.$ref) return propertiesOf(components[schema.$ref.split('/').pop()!], depth + 1);
    const parts = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
    return Object.assign({}, schema.properties ?? {}, ...parts.map((part) => propertiesOf(part, depth + 1)));
  }

  /** A body shaped like the schema (its own field names, nested one level) with hostile values; or hostile JSON outright. */
  function bodyFor(operation: Operation): fc.Arbitrary<string> {
    const properties = propertiesOf(operation.schema);
    const names = Object.keys(properties);
    const field = (name: string): fc.Arbitrary<unknown> => {
      const nested = Object.keys(propertiesOf(properties[name]));
      return nested.length > 0
        ? fc.oneof(hostileValue, fc.dictionary(fc.constantFrom(...nested), hostileValue, { maxKeys: nested.length }))
        : fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 }));
    };
    const valid = VALID[`${operation.method} ${operation.path}`];
    if (operation.contentType === 'text/csv') return fc.oneof(hostileCsv, fc.constantFrom(...HOSTILE_STRINGS));
    const nearlyValid = valid
      ? fc.tuple(fc.constantFrom(...Object.keys(valid())), hostileValue).map(([name, value]) => JSON.stringify({ ...valid(), [name]: value }))
      : undefined;
    const shaped = names.length > 0 ? fc.record(Object.fromEntries(names.map((name) => [name, field(name)])), { requiredKeys: [] }).map((v) => JSON.stringify(v)) : fc.constant('{}');
    return fc.oneof(
      { weight: 5, arbitrary: nearlyValid ?? shaped },
      { weight: 3, arbitrary: shaped },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_JSON) },
      { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
    );
  }

  function pathFor(operation: Operation): fc.Arbitrary<string> {
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const hostileIds = ['constructor', '__proto__', 'x'.repeat(65), '..', '%00', '2026-W54', 'Hankasalmi'];
    return fc
      .tuple(...names.map((name) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(params[name] ?? ['x'])) }, { weight: 1, arbitrary: fc.constantFrom(...hostileIds) })))
      .map((values) => names.reduce((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(values[i]!)), operation.path));
  }

  beforeAll(async () => {
    t = await createTestApp();
    const send = t.db.doc.send.bind(t.db.doc);
    // Records every write the table made, to check that a refused request made none (a conditional
    // write whose condition failed, such as a second create of one thing, wrote nothing).
    t.db.doc.send = (async (command: { constructor: { name: string } }, ...rest: unknown[]) => {
      const result = await (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      if (WRITE_COMMANDS.has(command.constructor.name)) writes.push(command.constructor.name);
      return result;
    }) as typeof t.db.doc.send;
    for (const person of PEOPLE) tokens.set(person, await t.tokenFor(person));

    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
      components: { schemas: Record<string, JsonSchema> };
    };
    components = doc.components.schemas;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method) && path.startsWith('/api/'))
        .map(([method, op]) => {
          const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
          return { method: method.toUpperCase(), path, schema: content?.schema, contentType };
        }),
    );

    const post = (path: string, payload: unknown, as = 'kaisa-nieminen') =>
      t.request(path, { method: 'POST', as, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const u = `/api/units/${UNIT}`;
    const aim = await body(await post(`${u}/aims`, { statement: 'Hoitoon pääsy', targetDate: isoDate(100), measures: [] }));
    const idea = await body(await post(`${u}/change-ideas`, { title: 'Soitto samana päivänä' }));
    const driver = await body(await post(`${u}/aims/${aim.id}/drivers`, { text: 'Riittävästi kiireettömiä aikoja' }));
    const cycle = await body(await post(`${u}/cycles`, { title: 'Takaisinsoitot' }));
    const review = await body(
      await post(`${u}/cycles/${cycle.id}/reviews`, { kind: 'plan', participantIds: ['kaisa-nieminen'], date: isoDate(3), startTime: '13:00', durationMinutes: 60, place: 'Huone 2' }, 'eero-salminen'),
    );
    // The fixtures' derived items are written by the projection: let it finish before writes are counted.
    await t.projection.settled();
    params = {
      unitId: [UNIT, 'uurainen', 'palokka'],
      areaId: ['keski-suomi', 'pohjanmaa'],
      aimId: [aim.id],
      ideaId: [idea.id],
      driverId: [driver.id],
      cycleId: [cycle.id],
      reviewId: [review.id],
      key: ['t3', 'staffWellbeing', 'access7d'],
      period: [duePeriod('weekly', new Date()), duePeriod('monthly', new Date())],
    };
  });

  it('covers every write operation of the API', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it('never answers 5xx, always refuses with problem+json, and a refused request writes nothing', async () => {
    let requests = 0;
    const answered = new Map<number, number>();
    for (const operation of operations) {
      const request = fc.record({
        path: pathFor(operation),
        body: bodyFor(operation),
        as: fc.constantFrom(...PEOPLE),
        ifMatch: fc.option(fc.constantFrom('"1"', '"2"', '"999"', 'W/"1"', '*', '"99999999999999999999"', 'garbage', '"1", "2"'), { nil: undefined }),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant(operation.contentType ?? 'application/json') },
          { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded') },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ path, body: payload, as, ifMatch, contentType }) => {
          requests++;
          const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(as)}`, 'content-type': contentType };
          if (ifMatch) headers['if-match'] = ifMatch;
          writes.length = 0;
          const response = await t.app.request(path, { method: operation.method, headers, body: payload });
          const where = `${operation.method} ${path} as ${as} (${contentType}, If-Match ${ifMatch ?? 'none'}): ${payload.slice(0, 300)}`;
          answered.set(response.status, (answered.get(response.status) ?? 0) + 1);
          expect(response.status, where).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type'), where).toBe('application/problem+json');
            const problem = (await response.json()) as { status: number };
            expect(problem.status, where).toBe(response.status);
            expect(writes, `${where} wrote although refused`).toEqual([]);
          } else {
            await response.arrayBuffer();
            // What an accepted change derives (a unit's status item) is written by the projection: not the next request's.
            await t.projection.settled();
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    expect(requests).toBe(operations.length * RUNS_PER_OPERATION);
    console.info(`${requests} hostile requests over ${operations.length} write operations; answered ${JSON.stringify(Object.fromEntries(answered))}`);
    expect(t.errors, 'nothing unexpected was logged').toEqual([]);
  });
});
