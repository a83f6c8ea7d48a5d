/**
 * One load run with autocannon, in a process of its own so that the load generator does not
 * share the API server's event loop. Reads a LoadPlan as JSON on stdin, prints a LoadResult as
 * JSON on stdout.
 */
import autocannon from 'autocannon';

export type LoadPlan = {
  url: string;
  connections: number;
  seconds: number;
  tokens: string[];
  /** Taken in turn by all connections together; a PUT sends its bodies in turn and If-Match with the last version seen. */
  requests: { method: 'GET' | 'PUT'; path: string; token: number; bodies?: unknown[] }[];
};
export type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number | null;
  p95: number | null;
  /** Non-2xx answers and connection errors; their latencies are left out. */
  failed: number;
  statusCodes: Record<string, number>;
  /** PUTs answered with an unchanged version: the same figure again, nothing written. */
  noOps: number;
};

/** The nearest-rank percentile, in ms to one decimal; null without any answer. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  let next = 0;
  const uses = new Map<string, number>();
  const versions = new Map<string, number>();
  let noOps = 0;
  const latencies: number[] = [];
  type Context = { path?: string; sentVersion?: number };

  const request: autocannon.Request = {
    setupRequest: (base, context: Context) => {
      const spec = plan.requests[next++ % plan.requests.length]!;
      const headers: Record<string, string> = { authorization: `Bearer ${plan.tokens[spec.token]}`, 'accept-language': 'fi' };
      context.path = spec.path;
      if (spec.method === 'GET') return { ...base, method: 'GET', path: spec.path, headers, body: undefined };
      const use = uses.get(spec.path) ?? 0;
      uses.set(spec.path, use + 1);
      context.sentVersion = versions.get(spec.path) ?? 1;
      const body = JSON.stringify(spec.bodies![use % spec.bodies!.length]);
      return { ...base, method: 'PUT', path: spec.path, body, headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${context.sentVersion}"` } };
    },
    onResponse: (status, body, context: Context) => {
      if (status >= 300 || !context.path || context.sentVersion === undefined) return;
      const version = (JSON.parse(body) as { version: number }).version;
      if (version === context.sentVersion && (uses.get(context.path) ?? 0) > 1) noOps++;
      versions.set(context.path, version);
    },
  };
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolveRun, reject) => {
    instance = autocannon(
      { url: plan.url, connections: plan.connections, duration: plan.seconds, requests: [request] },
      (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolveRun(result)),
    );
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 200 && status < 300) latencies.push(responseTime);
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    failed: result.non2xx + result.errors,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0])),
    noOps,
  };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(await run(JSON.parse(input) as LoadPlan)));
