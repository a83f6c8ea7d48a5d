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
  seconds: number;
  /** Response times of the 2xx answers, in ms, as autocannon measured them. */
  latencies: number[];
  /** How many of `requests` were sent, so that the next run can carry on after them. */
  issued: number;
  /** Non-2xx answers and connection errors; their latencies are left out. */
  failed: number;
  statusCodes: Record<string, number>;
  /** PUTs answered with an unchanged version: the same figure again, nothing written. */
  noOps: number;
};

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
  return {
    seconds: result.duration,
    latencies,
    issued: next,
    failed: result.non2xx + result.errors,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0])),
    noOps,
  };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(await run(JSON.parse(input) as LoadPlan)));
