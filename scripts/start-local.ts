import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FirstAdminSchema } from '../functions/app/people/first-admin.js';
import { startLocalRuntime } from '../functions/runtime/local.js';
import type { LocalOrganisation } from '../functions/runtime/seed/organisation-table.js';
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
/** SYKLI_FIRST_ADMIN_EMAIL starts an empty organisation (no demo data) with that first admin, as a deploy does. */
function organisation(): LocalOrganisation {
  const email = process.env.SYKLI_FIRST_ADMIN_EMAIL;
  if (!email) return { kind: 'demo' };
  const admin = FirstAdminSchema.safeParse({ email, name: process.env.SYKLI_FIRST_ADMIN_NAME ?? email.split('@')[0], locale: process.env.SYKLI_FIRST_ADMIN_LOCALE ?? 'fi' });
  if (!admin.success) fail(`SYKLI_FIRST_ADMIN_EMAIL, SYKLI_FIRST_ADMIN_NAME and SYKLI_FIRST_ADMIN_LOCALE (fi, sv or en) must name a person: ${admin.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  return { kind: 'empty', firstAdmin: admin.data };
}

if (!existsSync(`${webDir}/index.html`)) fail('the web app is not built: run `npm run build` (npm start does it for you).');

try {
  const chosen = organisation();
  const runtime = await startLocalRuntime({ dataDir, port, webDir, organisation: chosen, log: (line) => console.log(line) });
  const signIn = chosen.kind === 'demo' ? 'choose a demo person (their roles are listed)' : `choose ${chosen.firstAdmin.name}, the first admin, and set up the organisation under Ylläpito`;
  console.log(`
Sykli is running at ${runtime.url}
  Sign in: open the address and ${signIn}.
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
