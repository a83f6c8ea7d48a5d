import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { addSykliStacks } from '../../infra/sykli-app.js';
import type { SykliStackProps } from '../../infra/sykli-stack.js';

/** The feature flags `cdk synth` runs with, so that the tests see the same template. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync('cdk.json', 'utf8')).context;

export interface StackOptions {
  /** Run esbuild on the Lambda entry points; off by default, as it is slow and needs the code to compile. */
  readonly bundle?: boolean;
  /** Defaults to a folder that does not exist, i.e. an unbuilt web app. */
  readonly webDistPath?: string;
  /** A deploy as the README describes it: the web app's own domain and a first admin. */
  readonly deployed?: boolean;
  /** Pointed at a table restored from a backup. */
  readonly existingTable?: SykliStackProps['existingTable'];
}

/** The optional parts the README's deploy command switches on. */
export const DEPLOYED: Pick<SykliStackProps, 'webDomain' | 'firstAdmin'> = {
  webDomain: { name: 'sykli.hyvaks.example', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666' },
  firstAdmin: { email: 'tiina.koskinen@hyvaks.example', name: 'Tiina Koskinen', locale: 'fi' },
};

export function synthStack(options: StackOptions = {}) {
  const app = new App({
    context: { ...cdkJsonContext, ...(options.bundle ? {} : { [BUNDLING_STACKS]: [] }) },
  });
  const { stack, edge } = addSykliStacks(app, {
    env: { region: 'eu-north-1' },
    authDomainPrefix: 'sykli-test',
    webDistPath: options.webDistPath ?? 'test/infra/no-such-dist',
    mailDomain: 'sykli.example',
    existingTable: options.existingTable,
    ...(options.deployed ? DEPLOYED : {}),
  });
  return { app, stack, edge };
}
