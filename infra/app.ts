import { fileURLToPath } from 'node:url';
import { App, Aws, Validations } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SykliStack } from './sykli-stack.js';

const app = new App();
const context = (key: string): string | undefined => app.node.tryGetContext(key);

// `cdk synth -c bundle=false` skips esbuild: the CLI refuses user context under the `aws:` prefix.
if (context('bundle') === 'false') app.node.setContext(BUNDLING_STACKS, []);

new SykliStack(app, 'Sykli', {
  // No account: the template is account-agnostic and synthesizes without credentials or lookups.
  env: { region: context('region') ?? 'eu-north-1' },
  authDomainPrefix: context('authDomainPrefix') ?? `sykli-${Aws.ACCOUNT_ID}`,
  webDistPath: fileURLToPath(new URL('../web/dist', import.meta.url)),
  mailDomain: context('mailDomain') ?? 'sykli.example',
});

// cdk-nag 3 is a policy validation plugin: synthesis fails on any unacknowledged error.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
