import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLocalRuntime } from '../functions/runtime/local.js';
import { StartupError } from '../functions/runtime/local/startup-error.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.SYKLI_DATA_DIR ?? `${root}.data`;
const webDir = `${root}web/dist`;

function fail(message: string): never {
  console.error(`\nSykli could not start: ${message}\n`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
if (!existsSync(`${webDir}/index.html`)) fail('the web app is not built: run `npm run build` (npm start does it for you).');

try {
  const runtime = await startLocalRuntime({ dataDir, port, webDir, log: (line) => console.log(line) });
  console.log(`
Sykli is running at ${runtime.url}
  Sign in: open the address and choose a demo person (their roles are listed).
  API docs: ${runtime.url}/api/docs
  Data is kept in ${dataDir}; stop with Ctrl-C.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping Sykli and DynamoDB Local…');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof StartupError) fail(error.message);
  throw error;
}
