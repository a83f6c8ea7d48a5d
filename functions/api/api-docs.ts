/**
 * The interactive API docs: Swagger UI from the swagger-ui-dist package. Its files are part of the
 * web build (web/vite.config.ts copies them under /api-docs/), so the page needs no CDN, works
 * offline, and has no inline script for the Content-Security-Policy to forbid.
 */
import { DOC_PATHS } from './doc-paths.js';

export const API_DOCS_ASSETS = '/api-docs';

/** What the page runs once Swagger UI has loaded: a file of its own, not an inline script. */
export const SWAGGER_INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(DOC_PATHS[0])}, dom_id: '#swagger-ui', deepLinking: true });\n`;

export const apiDocsPage = () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sykli API</title>
    <link rel="stylesheet" href="${API_DOCS_ASSETS}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${API_DOCS_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="${API_DOCS_ASSETS}/swagger-init.js"></script>
  </body>
</html>
`;
