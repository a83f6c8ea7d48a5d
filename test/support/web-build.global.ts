import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the web app once per e2e run, so that the browser tests drive what `npm run build` makes now.
 * vitest sets NODE_ENV=test, which would give React's development build: the build gets production.
 */
export default function setup() {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' } },
  );
}
