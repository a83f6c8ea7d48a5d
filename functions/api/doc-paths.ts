/** The OpenAPI document (a file `npm run build` writes, see openapi-document.ts) and its docs page: public. */
export const DOC_PATHS = ['/api/openapi.json', '/api/docs'] as const;
