/**
 * `npm run bench [-- --scale=small|area]`: seeds a large organisation into a fresh in-memory
 * DynamoDB Local and measures the API, the Lambda bundle, the web app and the measurement round. A
 * benchmark, not a test: it asserts nothing, it reports (bench/results.json and a table).
 */
import { rm, writeFile } from 'node:fs/promises';
import { startDynamoDbLocal } from '../functions/runtime/local/dynamodb-local.js';
import { ensureTable } from '../functions/store/ensure-table.js';
import { measureApiLatency, type ScenarioResult } from './api-latency.js';
import { createDynamoRequestCounter } from './dynamo-requests.js';
import { measureLambdaBundles } from './lambda-bundle.js';
import { measureProjectionLag, type LagResult } from './projection-lag.js';
import { measureRound, type RoundResult } from './measurement-round.js';
import { describeMachine, markdownTable, scenarioRow, target, verdict, type Row, type Target } from './report.js';
import { scaleFromArgs } from './scale.js';
import { refreshStatusItems, seedOrganisation } from './seed-organisation.js';
import { startApiServer, startBareQueryServer } from './servers.js';
import { measureOverviewRender, measureWebBuild, type RenderResult, type WebBuildResult } from './web-app.js';

const RESULTS_FILE = new URL('./results.json', import.meta.url);
const kB = (bytes: number) => Math.round(bytes / 100) / 10;

const began = performance.now();
const progress = (line: string) => console.log(`[${Math.round((performance.now() - began) / 1000).toString().padStart(4)} s] ${line}`);

/** One part's failure is reported as "not available" instead of ending the whole run. */
async function attempt<T>(name: string, work: () => Promise<T>): Promise<T | { failed: string }> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    progress(`${name}: not available — ${message}`);
    return { failed: message };
  }
}
const failed = (value: unknown): value is { failed: string } => typeof value === 'object' && value !== null && 'failed' in value;

const scale = scaleFromArgs(process.argv.slice(2));
const machine = describeMachine();
progress(`scale ${scale.name}: ${scale.areas} areas × ${scale.unitsPerArea} units, ${scale.measuresPerUnit} weekly measures, ${scale.weeks} weeks; load average ${machine.loadAverageAtStart.join(' ')}`);

const counter = createDynamoRequestCounter();
const dynamo = await startDynamoDbLocal();
try {
  const db = dynamo.db('sykli-bench');
  counter.instrument(db.raw);
  // The stream is turned on after the seed, as the local runtime does: the projection follows writes, not the seed.
  await ensureTable(db, { stream: false });

  const seedStarted = performance.now();
  const organisation = await seedOrganisation(db, scale, progress);
  await ensureTable(db);
  const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);
  progress(`seeded ${organisation.items.toLocaleString('en')} figure, snapshot and measure items in ${seedSeconds} s`);

  // First the round: it ends by refreshing every unit's status item, which the overview then reads.
  const unitCount = organisation.areas.reduce((n, area) => n + area.units.length, 0);
  progress(`round: the weekly measurement round over ${unitCount} units`);
  const round: RoundResult | { failed: string } = await attempt('measurement round', () => measureRound(db, counter, progress));
  if (!failed(round)) progress(`round: ${round.status} in ${(round.ms / 1000).toFixed(1)} s`);
  if (failed(round) || round.status !== 'SUCCEEDED') {
    progress('status items: the round did not make them, so they are refreshed directly');
    await refreshStatusItems(db, organisation, progress);
  }

  progress('web: building with npm run build');
  const web: WebBuildResult | { failed: string } = await attempt('web build', measureWebBuild);
  if (!failed(web)) progress(`web: initial JavaScript ${kB(web.gzipBytes)} kB gzipped in ${web.files.length} file(s)`);

  const api = await startApiServer(db, counter, failed(web) ? {} : { webDir: web.dir });
  const bare = await startBareQueryServer(db);
  let scenarios: ScenarioResult[] | { failed: string };
  let render: RenderResult | { failed: string };
  let projectionLag: LagResult | undefined;
  try {
    progress(`api: ${scale.loadSeconds} s of load per route in 2 turns, 10 connections, after a 2 s warm-up`);
    scenarios = await attempt('api latency', () =>
      measureApiLatency({ organisation, apiUrl: api.url, bareQueryUrl: bare.url, tokenFor: api.tokenFor, counter, seconds: scale.loadSeconds, progress }),
    );
    progress('projection: 20 figure writes through the API, each timed until the local projection has followed it');
    const lag = await attempt('projection lag', async () =>
      measureProjectionLag({ db, endpoint: dynamo.endpoint, organisation, apiUrl: api.url, supervisorToken: await api.tokenFor(organisation.areas[0]!.units[0]!.supervisor) }),
    );
    if (!failed(lag)) {
      projectionLag = lag;
      progress(`projection: lag p50 ${lag.p50} ms, p95 ${lag.p95} ms`);
    }
    progress('web: the area overview in headless Chromium');
    render = failed(web) ? { available: false, reason: 'no web build' } : await attempt('overview render', () => measureOverviewRender(api.url, organisation.areas[0]!));
    if (!failed(render)) progress(render.available ? `web: overview rendered in ${render.medianMs} ms (median of ${render.ms.join(', ')})` : `web: overview not available — ${render.reason}`);
  } finally {
    await bare.close();
    await api.stop();
    if (!failed(web)) await rm(web.dir, { recursive: true, force: true });
  }

  progress('lambda: bundling every function as the CDK does, and importing each 5 times');
  const bundles = await attempt('lambda bundles', measureLambdaBundles);
  if (!failed(bundles)) for (const b of bundles.functions) progress(`lambda ${b.handler}: ${kB(b.bytes)} kB, import median ${b.importMedianMs} ms`);
  const apiBundle = failed(bundles) ? undefined : bundles.functions.find((b) => b.handler === 'api');

  const byName = (name: string) => (failed(scenarios) ? undefined : scenarios.find((s) => s.name === name));
  const overview = byName('overview');
  const bareQuery = byName('bareQuery');
  const ratioOf = (a: number | null | undefined, b: number | null | undefined) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  const ratio = ratioOf(overview?.p50, bareQuery?.p50);
  const write = byName('write');
  const writeRatio = ratioOf(write?.p50, byName('barePut')?.p50);
  const requestsOf = (s: typeof overview) => (s?.dynamo ? s.dynamo.routeMax : null);
  const initRatio = failed(bundles) || !apiBundle ? null : ratioOf(apiBundle.importMedianMs, bundles.apiWithSourceMapsMedianMs);
  const targets: Target[] = [
    target('overview p50 / bare Query p50', ratio, '×', 1.2),
    target('figure write p50 / bare conditional put p50', writeRatio, '×', 2),
    target('DynamoDB requests per figure write (request path, most)', requestsOf(write), '', 3),
    target('DynamoDB requests per overview (request path, most)', requestsOf(overview), '', 1),
    target('DynamoDB requests per chart (request path, most)', requestsOf(byName('chart')), '', 2),
    target('projection lag after a write, local, p95', projectionLag?.p95 ?? null, 'ms', 2000),
    ...(failed(bundles) ? [] : bundles.functions.map((b) => target(`${b.handler} Lambda bundle, minified`, kB(b.bytes), 'kB', 500))),
    target('API init as deployed / with --enable-source-maps (same run)', initRatio, '×', 0.7),
    target('web initial JavaScript, gzipped', failed(web) ? null : kB(web.gzipBytes), 'kB', 200),
  ];

  const results = {
    date: new Date().toISOString(),
    machine,
    scale,
    seed: { items: organisation.items, seconds: seedSeconds, duePeriod: organisation.duePeriod },
    api: scenarios,
    overviewRatio: { p50: ratio, p95: ratioOf(overview?.p95, bareQuery?.p95) },
    writeRatio: { p50: writeRatio, p95: ratioOf(write?.p95, byName('barePut')?.p95) },
    projectionLag: projectionLag ?? null,
    lambda: bundles,
    web: failed(web) ? web : { initialJs: web.files, gzipBytes: web.gzipBytes, overviewRender: render },
    round,
    targets,
    totalSeconds: Math.round((performance.now() - began) / 1000),
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  const na = (value: { failed: string }) => `not available: ${value.failed}`;
  const rows: Row[] = [
    ...(failed(scenarios) ? [['API latency', na(scenarios), ''] as Row] : scenarios.map(scenarioRow)),
    ...targets.map((t): Row => [t.name, t.value === null ? 'not available' : `${t.value}${t.unit === '×' ? '×' : t.unit ? ` ${t.unit}` : ''}`, verdict(t)]),
    ...(failed(bundles)
      ? [['Lambda bundles', na(bundles), ''] as Row]
      : bundles.functions.map((b): Row => [`${b.handler}: init (import) and largest parts`, `${b.importMedianMs} ms; ${b.largestInputs.slice(0, 3).map((i) => `${i.path} ${kB(i.bytes)} kB`).join(', ')}`, ''])),
    ['area overview rendered', failed(render) ? na(render) : render.available ? `${render.medianMs} ms (${organisation.areas[0]!.units.length} units)` : `not available: ${render.reason}`, ''],
    ['measurement round', failed(round) ? na(round) : `${(round.ms / 1000).toFixed(1)} s for ${unitCount} units, ${round.sent['round-reminder'] ?? 0} reminders, ${round.status}`, ''],
  ];
  console.log(`\nSykli benchmark, scale ${scale.name} (${unitCount} units), ${results.date}, ${machine.cores} × ${machine.cpu}\n`);
  console.log(markdownTable(rows));
  console.log(`\nWritten to bench/results.json; ${results.totalSeconds} s in all.`);
} finally {
  await dynamo.stop();
}
