import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { ENV } from '../functions/runtime/env.js';
import { LAMBDA_BUNDLING, handlerEntry } from '../infra/constructs/node-function.js';

const IMPORT_RUNS = 5;
const TOP_INPUTS = 8;

export type BundleResult = {
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

/**
 * The API Lambda bundled as the CDK's NodejsFunction bundles it (the same options, from
 * infra/constructs/node-function.ts, as esbuild arguments), and the time a fresh Node process
 * takes to import it, i.e. the module initialisation part of a cold start.
 */
export async function measureLambdaBundle(): Promise<BundleResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sykli-bench-bundle-'));
  try {
    const outfile = join(dir, 'index.mjs');
    const result = await build({
      entryPoints: [handlerEntry('api')],
      outfile,
      bundle: true,
      platform: 'node',
      format: LAMBDA_BUNDLING.format,
      target: LAMBDA_BUNDLING.target,
      mainFields: LAMBDA_BUNDLING.mainFields,
      minify: LAMBDA_BUNDLING.minify,
      sourcemap: LAMBDA_BUNDLING.sourceMap,
      external: LAMBDA_BUNDLING.externalModules,
      banner: { js: LAMBDA_BUNDLING.banner },
      metafile: true,
      logLevel: 'warning',
    });
    // The handler builds its wiring at import time from these; nothing is contacted until a request.
    const env = {
      ...process.env,
      AWS_REGION: 'eu-north-1',
      [ENV.tableName]: 'bench',
      [ENV.authIssuer]: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_bench',
      [ENV.authClientId]: 'bench',
      [ENV.authDomainUrl]: 'https://bench.auth.eu-north-1.amazoncognito.com',
      [ENV.pdsaCycleMachineArn]: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench-pdsa:live',
      [ENV.measurementRoundMachineArn]: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench-round:live',
      [ENV.mailFrom]: 'sykli@bench.example',
      [ENV.webUrl]: 'https://bench.example',
    };
    const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(String(performance.now() - t));`;
    const importMs: number[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      // --enable-source-maps as the Lambda's NODE_OPTIONS has it (infra/constructs/node-function.ts).
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', script], { env });
      importMs.push(Math.round(Number(stdout)));
    }
    const sorted = [...importMs].sort((a, b) => a - b);
    return { bytes: (await stat(outfile)).size, largestInputs: largestInputs(result.metafile), importMs, importMedianMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
