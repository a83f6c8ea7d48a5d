import type { TestProject } from 'vitest/node';
import { startApp } from './local-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    appTableEndpoint: string;
  }
}

/**
 * One Sykli for every browser test, started as `npm start` starts it (DynamoDB Local with a fresh
 * data folder, the demo seed, the API and the built web app): seeding it once instead of per file
 * saves most of the browser tests' time. The journeys work in different units, so they do not
 * disturb each other.
 */
export default async function setup(project: TestProject) {
  const app = await startApp({ timeoutMs: 180_000 });
  project.provide('appUrl', app.url);
  project.provide('appTableEndpoint', app.tableEndpoint);
  return () => app.stop();
}
