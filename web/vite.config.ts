import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { API_DOCS_ASSETS, SWAGGER_INIT_SCRIPT } from '../functions/api/api-docs.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The API docs' Swagger UI (functions/api/api-docs.ts) ships with the web build, from the
 * swagger-ui-dist package: /api/docs then works offline, locally and behind CloudFront alike.
 */
function apiDocsAssets(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const folder = API_DOCS_ASSETS.slice(1);
  return {
    name: 'sykli-api-docs-assets',
    apply: 'build',
    generateBundle() {
      for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
        this.emitFile({ type: 'asset', fileName: `${folder}/${file}`, source: readFileSync(join(dist, file)) });
      }
      this.emitFile({ type: 'asset', fileName: `${folder}/swagger-init.js`, source: SWAGGER_INIT_SCRIPT });
    },
  };
}

// The dashboard: built into web/dist, which the local server (functions/runtime/local.ts) and
// the CDK stack's bucket both serve, with index.html for client-side routes.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), apiDocsAssets()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One chunk of about 590 kB (171 kB gzipped; npm run bench checks it against 200 kB), so
    // Vite's 500 kB warning would only add noise to every `npm start`.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start` (port 3000) for hot reload.
    proxy: { '/api': 'http://localhost:3000', '/auth/authorize': 'http://localhost:3000', '/auth/token': 'http://localhost:3000' },
  },
});
