import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOC_PATHS } from '../functions/api/doc-paths.js';
import { deployedApiDocument } from '../functions/api/openapi-document.js';

// Part of `npm run build`: the OpenAPI document beside the web app, which CloudFront serves as a
// file, so that the API function never loads the generator.
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist', DOC_PATHS[0]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(deployedApiDocument(), null, 2)}\n`);
