import { defineConfig } from 'vitest/config';

// One project per kind of test (docs/architecture.md, "Tests"); `npm test` runs them all.
export default defineConfig({
  test: {
    // Two files at a time even on two cores: most of the suite waits on DynamoDB Local and Chromium.
    maxWorkers: 2,
    projects: [
      // Pure code, no shared state between files: one module graph for all of them saves the
      // re-import per file that isolation costs.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-local.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'workflows',
          include: ['test/workflows/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-local.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // Starts each synthesized Lambda with its template environment and authorizes its AWS calls
        // against its synthesized policies (test/deploy/deploy.test.ts).
        test: {
          name: 'deploy',
          include: ['test/deploy/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-local.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/web-build.global.ts', 'test/support/e2e-app.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
