// Loaded with --import before the function's module. The functions reach no network but the AWS
// endpoint the harness gives them; the HTTP fetches that are not AWS calls are answered here:
// Cognito's JWKS with the public key the harness signs ID tokens with, and CloudFormation's
// pre-signed response URLs, which the harness points at its own server (`passThrough`). The harness
// passes this in SYKLI_DEPLOY_HARNESS_FETCH, which is deleted before the function's module loads.
const spec = JSON.parse(process.env.SYKLI_DEPLOY_HARNESS_FETCH ?? '{"answers":{},"passThrough":[]}');
delete process.env.SYKLI_DEPLOY_HARNESS_FETCH;
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  if ((spec.passThrough ?? []).some((prefix) => url.startsWith(prefix))) return realFetch(input, init);
  const answer = method === 'GET' ? spec.answers[url] : undefined;
  if (answer !== undefined) {
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  process.send?.({ type: 'outbound', method, url });
  throw new TypeError(`fetch failed: the deploy harness answers no ${method} ${url}`);
};
