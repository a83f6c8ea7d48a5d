import { type ChildProcess, fork } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PSEUDO } from './resolver.js';
import type { OurFunction } from './stack.js';

/**
 * Starts one of our functions in a child Node process, the way Lambda would start it, and invokes
 * it once per event. The child's environment is the template's variables plus what the Lambda
 * runtime provides plus the harness's plumbing, and nothing of the developer's environment.
 */

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));
const PRELOAD = new URL('./preload.mjs', import.meta.url).href;
/** Lambda gives a function's init 10 s; a loaded 2-core machine gets some slack. */
const INIT_DEADLINE_MS = 20_000;

export type LambdaError = { errorType: string; errorMessage: string; stack?: string };
export type Invocation = { ok: true; value: unknown; logs: string } | { ok: false; error: LambdaError; logs: string };
export type Started =
  | { ok: true; child: FunctionChild; environmentNames: string[] }
  | { ok: false; error: LambdaError; logs: string; environmentNames: string[] };

/** Variables the Lambda runtime sets; a template may not set these itself. */
export function runtimeEnvironment(fn: OurFunction, accessKeyId: string): Record<string, string> {
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  return {
    AWS_REGION: PSEUDO.region,
    AWS_DEFAULT_REGION: PSEUDO.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: fn.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: `${today}/[$LATEST]${createHash('md5').update(fn.logicalId).digest('hex')}`,
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    // The execution role's session: fake, but the access key tells the recording proxy who calls.
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: createHash('sha256').update(`secret/${accessKeyId}`).digest('base64').slice(0, 40),
    AWS_SESSION_TOKEN: createHash('sha256').update(`session/${accessKeyId}`).digest('base64'),
    ...(fn.tracing
      ? { AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR', AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000', _AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129', _AWS_XRAY_DAEMON_PORT: '2000' }
      : {}),
    LAMBDA_TASK_ROOT: fn.assetDir,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    _HANDLER: fn.handler,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    LD_LIBRARY_PATH: `/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:${fn.assetDir}:${fn.assetDir}/lib:/opt/lib`,
    NODE_PATH: `/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:${fn.assetDir}`,
  };
}

/** An access key id per function (`ASIA` + 16), from which the proxy tells the caller. */
export function accessKeyOf(fn: OurFunction): string {
  return `ASIA${createHash('sha256').update(fn.logicalId).digest('hex').slice(0, 16).toUpperCase()}`;
}

export type Plumbing = {
  /** Where the SDK sends every AWS call: the recording proxy. */
  endpointUrl: string;
  /** URLs the preload answers for fetch, e.g. the user pool's JWKS. */
  fetchAnswers: Record<string, unknown>;
  /** URL prefixes fetch may reach: the harness's stand-in for CloudFormation's pre-signed response URLs. */
  passThrough: string[];
};

/** The harness's variable that the preload removes before the function's module loads. */
export const PRELOAD_ONLY = 'SYKLI_DEPLOY_HARNESS_FETCH';

/** The child's whole environment: runtime, then the template's variables, then the harness's plumbing. */
export function childEnvironment(fn: OurFunction, plumbing: Plumbing, extra: Record<string, string> = {}): Record<string, string> {
  const runtime = runtimeEnvironment(fn, accessKeyOf(fn));
  const reserved = Object.keys(fn.environment).filter((name) => name in runtime);
  if (reserved.length > 0) throw new Error(`${fn.path} sets the Lambda runtime's reserved variables ${reserved.join(', ')}; Lambda refuses that.`);
  return {
    ...runtime,
    ...fn.environment,
    ...extra,
    AWS_ENDPOINT_URL: plumbing.endpointUrl,
    // No shared config or credentials file of the developer's may add endpoints, profiles or retries.
    AWS_CONFIG_FILE: '/nonexistent/sykli-deploy-harness/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/sykli-deploy-harness/credentials',
    [PRELOAD_ONLY]: JSON.stringify({ answers: plumbing.fetchAnswers, passThrough: plumbing.passThrough }),
  };
}

export class FunctionChild {
  private readonly pending = new Map<string, (message: any) => void>();
  private output = '';
  /** What the function logs during the invocation under way. */
  private capture = '';
  private exited = false;
  /** Fetches of URLs the preload does not answer: outbound calls the harness does not model. */
  readonly outbound: { method: string; url: string }[] = [];
  /** The names in the child's process.env just before the function's module loads. */
  environmentNames: string[] = [];

  private constructor(
    readonly fn: OurFunction,
    private readonly process: ChildProcess,
  ) {}

  static async start(fn: OurFunction, env: Record<string, string>): Promise<Started> {
    const child = fork(RUNNER, [], { execArgv: ['--import', PRELOAD], env, cwd: fn.assetDir, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const running = new FunctionChild(fn, child);
    const keep = (chunk: Buffer) => {
      running.output = (running.output + chunk.toString()).slice(-20_000);
      running.capture = (running.capture + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: any) => running.onMessage(message));

    const first = await new Promise<any>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'init-error', error: { errorType: 'Sandbox.Timedout', errorMessage: `init did not finish within ${INIT_DEADLINE_MS / 1000} s` } }), INIT_DEADLINE_MS);
      running.pending.set('start', (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.on('exit', (code, signal) => {
        running.exited = true;
        clearTimeout(timer);
        resolve({ type: 'init-error', error: { errorType: 'Runtime.ExitError', errorMessage: `the process exited (${signal ?? code}) before it was ready` } });
        for (const [id, settle] of running.pending) if (id !== 'start') settle({ type: 'result', id, ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: `the process exited (${signal ?? code})` } });
      });
    });
    running.pending.delete('start');
    if (first.type === 'ready') return { ok: true, child: running, environmentNames: running.environmentNames };
    running.stop();
    return { ok: false, error: first.error, logs: running.output, environmentNames: running.environmentNames };
  }

  private onMessage(message: any) {
    if (message?.type === 'outbound') this.outbound.push({ method: message.method, url: message.url });
    else if (message?.type === 'env') this.environmentNames = message.names;
    else if (message?.type === 'ready' || message?.type === 'init-error') this.pending.get('start')?.(message);
    else if (message?.type === 'result') this.pending.get(message.id)?.(message);
    else if (message?.type === 'crash') for (const settle of this.pending.values()) settle({ type: 'result', ok: false, error: message.error });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Invokes the handler once; a result later than the function's Timeout is a timeout, as in Lambda. */
  async invoke(event: unknown): Promise<Invocation> {
    const id = randomUUID();
    this.capture = '';
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    if (this.exited) return { ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: 'the process is no longer running' }, logs: '' };
    const message = await new Promise<any>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${this.fn.timeoutSeconds} seconds` } }), timeoutMs);
      this.pending.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.process.send({
        type: 'invoke',
        id,
        event,
        timeoutMs,
        requestId: randomUUID(),
        invokedFunctionArn: this.fn.arn,
        traceId: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Sampled=0`,
      });
    });
    this.pending.delete(id);
    const logs = this.capture;
    if (message.error?.errorType === 'Sandbox.Timedout') this.stop();
    return message.ok ? { ok: true, value: message.value, logs } : { ok: false, error: message.error, logs };
  }

  stop(): void {
    if (!this.exited) this.process.kill('SIGKILL');
    this.exited = true;
  }
}
