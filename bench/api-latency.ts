import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { addPeriods } from '../functions/domain/period.js';
import type { DynamoRequestCounter, RequestCount } from './dynamo-requests.js';
import type { LoadPlan, LoadResult } from './load.js';
import { percentile } from './report.js';
import { changedFigure, type BenchOrganisation, type BenchPerson } from './seed-organisation.js';

const CONNECTIONS = 10;
const WARM_UP_SECONDS = 2;
const ROUNDS = 2;
const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));

export type ScenarioResult = ReturnType<typeof summarise> & { name: string; what: string; dynamo: RequestCount | null };

/** One route's runs taken together. */
function summarise(runs: readonly LoadResult[]) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of runs.flatMap((r) => Object.entries(r.statusCodes))) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    answered: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    failed: runs.reduce((n, r) => n + r.failed, 0),
    statusCodes,
    noOps: runs.reduce((n, r) => n + r.noOps, 0),
  };
}

function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun(JSON.parse(output) as LoadResult) : reject(new Error(`The load run exited with code ${code}.`))));
    child.stdin.end(JSON.stringify(plan));
  });
}

type Scenario = {
  name: string; what: string; url: string; label: string | null; tokens: string[];
  requests: LoadPlan['requests'];
  /** What the warm-up sends, when it must not touch what the measured run sends. */
  warmUp?: LoadPlan['requests'];
};

/**
 * API latency under load (10 connections) for the area overview, a unit's chart and a figure's
 * write, with their DynamoDB calls per request; and the bare Query of the same status items as
 * the overview's baseline, measured the same way in the same run. Each route gets a warm-up,
 * then `seconds` of load in ROUNDS turns.
 */
export async function measureApiLatency(options: {
  organisation: BenchOrganisation;
  apiUrl: string;
  bareQueryUrl: string;
  tokenFor: (person: BenchPerson) => Promise<string>;
  counter: DynamoRequestCounter;
  seconds: number;
  progress: (line: string) => void;
}): Promise<ScenarioResult[]> {
  const area = options.organisation.areas[0]!;
  const measures = options.organisation.measures;
  const leaderToken = await options.tokenFor(area.leader);
  const supervisorTokens = await Promise.all(area.units.map((unit) => options.tokenFor(unit.supervisor)));

  // Writes go to earlier weeks, newest first, across the area's units and measures, each slot
  // once before any is written again; the week due now is left to the measurement round. The
  // warm-up writes the older half, so the measured run finds its slots at the seeded version.
  const writes: LoadPlan['requests'] = [];
  for (let back = 1; back < Math.min(60, options.organisation.weeks); back++) {
    const period = addPeriods(options.organisation.duePeriod, -back);
    area.units.forEach((unit, u) => {
      for (const measure of measures) {
        writes.push({ method: 'PUT', path: `/api/units/${unit.id}/measures/${measure.key}/periods/${period}`, token: u, bodies: [changedFigure(measure.valueKind, 0), changedFigure(measure.valueKind, 1)] });
      }
    });
  }
  const scenarios: Scenario[] = [
    {
      name: 'overview', what: `GET /api/areas/${area.id}/overview (${area.units.length} units)`, url: options.apiUrl, label: 'overview',
      tokens: [leaderToken], requests: [{ method: 'GET', path: `/api/areas/${area.id}/overview`, token: 0 }],
    },
    {
      name: 'bareQuery', what: `DynamoDB Query of ${area.id}'s status items, over HTTP`, url: options.bareQueryUrl, label: null,
      tokens: [''], requests: [{ method: 'GET', path: `/status/${area.id}`, token: 0 }],
    },
    {
      name: 'chart', what: 'GET /api/units/{u}/measures/{key}/series (2 years, units and measures in turn)', url: options.apiUrl, label: 'chart',
      tokens: [leaderToken],
      requests: area.units.flatMap((unit) => measures.map((m) => ({ method: 'GET' as const, path: `/api/units/${unit.id}/measures/${m.key}/series`, token: 0 }))),
    },
    {
      name: 'barePut', what: 'DynamoDB conditional PutItem of a figure-sized item, over HTTP', url: options.bareQueryUrl, label: null,
      tokens: [''], requests: Array.from({ length: 100 }, (_, slot) => ({ method: 'PUT' as const, path: `/put/${slot}`, token: 0, bodies: [{}] })),
    },
    {
      name: 'write', what: 'PUT /api/units/{u}/measures/{key}/periods/{week} (a changed figure, by the unit’s supervisor)', url: options.apiUrl, label: 'write',
      tokens: supervisorTokens, requests: writes.slice(0, Math.floor(writes.length / 2)), warmUp: writes.slice(Math.floor(writes.length / 2)),
    },
  ];

  for (const scenario of scenarios) {
    await runLoad({ url: scenario.url, connections: CONNECTIONS, tokens: scenario.tokens, requests: scenario.warmUp ?? scenario.requests, seconds: WARM_UP_SECONDS });
  }
  for (const scenario of scenarios) if (scenario.label) options.counter.take(scenario.label);

  // The routes take turns, a slice of the time each per round, so that other work on the machine
  // weighs on all of them alike, and the overview and its baseline are measured side by side.
  const runs = new Map<string, LoadResult[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      const done = runs.get(scenario.name)!;
      // Carry on after what the earlier runs sent, so that no write reuses a slot at a stale version.
      const offset = done.reduce((n, r) => n + r.issued, 0) % scenario.requests.length;
      const requests = [...scenario.requests.slice(offset), ...scenario.requests.slice(0, offset)];
      done.push(await runLoad({ url: scenario.url, connections: CONNECTIONS, tokens: scenario.tokens, requests, seconds: options.seconds / ROUNDS }));
    }
    options.progress(`api: round ${round + 1} of ${ROUNDS} done`);
  }

  return scenarios.map((scenario) => {
    const result = { name: scenario.name, what: scenario.what, ...summarise(runs.get(scenario.name)!), dynamo: scenario.label ? options.counter.take(scenario.label) : null };
    options.progress(`${scenario.name}: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.perSecond} req/s, ${result.failed} failed`);
    return result;
  });
}
