import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addSykliStack } from './sykli-app.js';

const app = new App();

// `cdk synth -c bundle=false` skips esbuild: the CLI refuses user context under the `aws:` prefix.
if (app.node.tryGetContext('bundle') === 'false') app.node.setContext(BUNDLING_STACKS, []);

addSykliStack(app, fileURLToPath(new URL('../web/dist', import.meta.url)));

// cdk-nag 3 is a policy validation plugin: synthesis fails on any unacknowledged error.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
