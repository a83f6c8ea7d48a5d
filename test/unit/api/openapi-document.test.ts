import { describe, expect, it } from 'vitest';
import { declaredApiRoutes, deployedApiDocument } from '../../../functions/api/openapi-document.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('the OpenAPI document the build writes for AWS', () => {
  const document = deployedApiDocument();

  it('documents every route the deployed API serves, and no route it does not', () => {
    const served = declaredApiRoutes()
      .routes.filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`);
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      METHODS.filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${path.replaceAll(/{(\w+)}/g, ':$1')}`),
    );
    expect(new Set(served)).toEqual(new Set(documented));
    expect(documented.length).toBeGreaterThan(30);
  });

  it('leaves out the local runtime’s own routes and keeps the sign-in scheme', () => {
    expect(Object.keys(document.paths ?? {}).filter((path) => path.startsWith('/auth/') || path.includes('outbox'))).toEqual([]);
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
