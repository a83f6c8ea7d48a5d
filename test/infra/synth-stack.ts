import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { SykliStack } from '../../infra/sykli-stack.js';

/** The feature flags `cdk synth` runs with, so that the tests see the same template. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync('cdk.json', 'utf8')).context;

export interface StackOptions {
  /** Run esbuild on the Lambda entry points; off by default, as it is slow and needs the code to compile. */
  readonly bundle?: boolean;
  /** Defaults to a folder that does not exist, i.e. an unbuilt web app. */
  readonly webDistPath?: string;
}

export function synthStack(options: StackOptions = {}) {
  const app = new App({
    context: { ...cdkJsonContext, ...(options.bundle ? {} : { [BUNDLING_STACKS]: [] }) },
  });
  const stack = new SykliStack(app, 'Sykli', {
    env: { region: 'eu-north-1' },
    authDomainPrefix: 'sykli-test',
    webDistPath: options.webDistPath ?? 'test/infra/no-such-dist',
    mailDomain: 'sykli.example',
  });
  return { app, stack };
}
