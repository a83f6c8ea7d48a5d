import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { ENV, FUNCTION_SETTINGS, type FunctionName, type Setting } from '../functions/runtime/env.js';
import { LAMBDA_BUNDLING, handlerEntry } from '../infra/constructs/node-function.js';

const IMPORT_RUNS = 5;
const TOP_INPUTS = 8;

export type BundleResult = {
  /** The handler's name in functions/handlers/. */
  handler: string;
  bytes: number;
  largestInputs: { path: string; bytes: number }[];
  /** Each fresh process's time to import the bundle, in ms, and their median. */
  importMs: number[];
  importMedianMs: number;
};

/** Where the bytes of the output come from, grouped by npm package (or our own file). */
function largestInputs(metafile: Metafile): { path: string; bytes: number }[] {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path;
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, TOP_INPUTS);
}

/** Every Lambda of ours: its handler file and the settings its composition root reads. */
const FUNCTIONS: { handler: string; settings: FunctionName }[] = [
  { handler: 'api', settings: 'api' },
  { handler: 'tasks', settings: 'tasks' },
  { handler: 'projection', settings: 'projection' },
  { handler: 'mail-events', settings: 'mailEvents' },
  { handler: 'bootstrap', settings: 'bootstrap' },
];

/** Values of the right shape for every setting: each root builds its wiring at import from them, and contacts nothing. */
const PLACEHOLDERS: Record<Setting, string> = {
  tableName: 'bench',
  authIssuer: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_bench',
  authClientId: 'bench',
  authDomainUrl: 'https://bench.auth.eu-north-1.amazoncognito.com',
  pdsaCycleMachineArn: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench-pdsa:live',
  measurementRoundMachineArn: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench-round:live',
  weeklyDigestMachineArn: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench-digest:live',
  mailFrom: 'sykli@bench.example',
  mailConfigurationSet: 'bench',
  originVerifySecret: 'bench',
  webUrl: 'https://bench.example',
  userPoolId: 'eu-north-1_bench',
};

/**
 * Every Lambda bundled as the CDK's NodejsFunction bundles it (the same options, from
 * infra/constructs/node-function.ts, as esbuild arguments), and the time a fresh Node process
 * takes to import each, i.e. the module initialisation part of a cold start, started as Lambda
 * starts it (no source maps enabled). The API's import is also timed with `--enable-source-maps`,
 * as the functions were started before, so that the run carries its own before-and-after ratio.
 */
export async function measureLambdaBundles(): Promise<{ functions: BundleResult[]; apiWithSourceMapsMedianMs: number }> {
  const functions: BundleResult[] = [];
  let apiWithSourceMapsMedianMs = 0;
  for (const fn of FUNCTIONS) {
    functions.push(await measureOne(fn, []));
    if (fn.handler === 'api') apiWithSourceMapsMedianMs = (await measureOne(fn, ['--enable-source-maps'])).importMedianMs;
  }
  return { functions, apiWithSourceMapsMedianMs };
}

async function measureOne(fn: (typeof FUNCTIONS)[number], nodeFlags: string[]): Promise<BundleResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sykli-bench-bundle-'));
  try {
    const outfile = join(dir, 'index.mjs');
    const result = await build({
      entryPoints: [handlerEntry(fn.handler)],
      outfile,
      bundle: true,
      platform: 'node',
      format: LAMBDA_BUNDLING.format,
      target: LAMBDA_BUNDLING.target,
      mainFields: LAMBDA_BUNDLING.mainFields,
      minify: LAMBDA_BUNDLING.minify,
      sourcemap: LAMBDA_BUNDLING.sourceMap,
      sourcesContent: LAMBDA_BUNDLING.sourcesContent,
      external: LAMBDA_BUNDLING.externalModules,
      banner: { js: LAMBDA_BUNDLING.banner },
      metafile: true,
      logLevel: 'warning',
    });
    const wanted: readonly Setting[] = FUNCTION_SETTINGS[fn.settings];
    const env = { ...process.env, AWS_REGION: 'eu-north-1', ...Object.fromEntries(wanted.map((setting) => [ENV[setting], PLACEHOLDERS[setting]])) };
    const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(String(performance.now() - t));`;
    const importMs: number[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', ...nodeFlags, '-e', script], { env });
      importMs.push(Math.round(Number(stdout)));
    }
    const sorted = [...importMs].sort((a, b) => a - b);
    return {
      handler: fn.handler,
      bytes: (await stat(outfile)).size,
      largestInputs: largestInputs(result.metafile),
      importMs,
      importMedianMs: sorted[Math.floor(sorted.length / 2)]!,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
