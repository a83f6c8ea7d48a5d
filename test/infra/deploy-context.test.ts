import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/runtime/env.js';
import { DEPLOY_CONTEXT, addSykliStack } from '../../infra/sykli-app.js';

const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync('cdk.json', 'utf8')).context;

/** The `-c name=value` pairs of the README's `npx cdk deploy` command, as a shell would pass them. */
function readmeDeployContext(): Record<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const command = readme.split('\n').find((line) => line.startsWith('npx cdk deploy '));
  if (!command) throw new Error('The README has no `npx cdk deploy` line.');
  const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  const context: Record<string, string> = {};
  words.forEach((word, i) => {
    if (word !== '-c') return;
    const [name, ...value] = words[i + 1]!.split('=');
    context[name!] = value.join('=');
  });
  return context;
}

function synthWith(context: Record<string, string>) {
  const app = new App({ context: { ...cdkJsonContext, ...context, [BUNDLING_STACKS]: [] } });
  const stack = addSykliStack(app, 'test/infra/no-such-dist');
  return Template.fromStack(stack);
}

describe('deploying with the README’s command', () => {
  const context = readmeDeployContext();
  const template = synthWith(context);

  it('names every context value the stack reads, and only those', () => {
    expect(Object.keys(context).sort()).toEqual(Object.keys(DEPLOY_CONTEXT).sort());
  });

  it('sends mail as sykli@<mailDomain> from the SES identity of that domain', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: context.mailDomain });
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }[];
    const senders = functions.flatMap((fn) => [fn.Properties.Environment?.Variables?.[ENV.mailFrom]].filter(Boolean));
    expect(senders.length).toBeGreaterThan(0);
    for (const sender of senders) expect(sender).toBe(`sykli@${context.mailDomain}`);
  });

  it('serves the web app at its own domain with the given certificate, and signs in back to it', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { Aliases: [context.webDomain], ViewerCertificate: { AcmCertificateArn: context.webCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021' } },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [`https://${context.webDomain}/auth/callback`] });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: context.authDomainPrefix });
  });

  it('makes the first admin on deploy, with their name and language', () => {
    template.hasResourceProperties('Custom::SykliFirstAdmin', {
      email: context.firstAdminEmail,
      name: context.firstAdminName,
      locale: context.firstAdminLocale,
    });
  });

  it('refuses a bad value with a sentence naming it', () => {
    expect(() => synthWith({ ...context, firstAdminEmail: 'not an address' })).toThrow('-c firstAdminEmail');
    expect(() => synthWith({ ...context, webCertificateArn: '' , webDomain: 'sykli.hyvaks.example' })).toThrow('-c webCertificateArn');
  });

  it('synthesizes without any of them, for a first look', () => {
    const bare = synthWith({});
    expect(Object.keys(bare.findResources('Custom::SykliFirstAdmin'))).toHaveLength(0);
    bare.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'sykli.example' });
  });
});
