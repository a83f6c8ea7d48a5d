import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/runtime/env.js';
import { DEPLOY_CONTEXT, LATER_CONTEXT, addSykliStack } from '../../infra/sykli-app.js';

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

  it('names every context value the stack reads, and only those, but those that change a running installation', () => {
    expect(Object.keys(context).sort()).toEqual(Object.keys(DEPLOY_CONTEXT).filter((key) => !LATER_CONTEXT.includes(key as never)).sort());
  });

  it('lists every context value in the README, the later ones too', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const key of Object.keys(DEPLOY_CONTEXT)) expect(readme).toContain(`\`${key}\``);
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

  describe('pointed at a table restored from a backup (-c existingTableName)', () => {
    const streamArn = 'arn:aws:dynamodb:eu-north-1:123456789012:table/sykli-restored-2026-11-30/stream/2026-11-30T09:00:00.000';
    const restored = synthWith({ ...context, existingTableName: 'sykli-restored-2026-11-30', existingTableStreamArn: streamArn });
    const tableArn = { 'Fn::Join': ['', ['arn:aws:dynamodb:eu-north-1:', { Ref: 'AWS::AccountId' }, ':table/sykli-restored-2026-11-30']] };

    it('creates no table of its own, and every function works on the restored one', () => {
      expect(Object.keys(restored.findResources('AWS::DynamoDB::Table'))).toHaveLength(0);
      const functions = Object.values(restored.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }[];
      const tables = functions.map((fn) => fn.Properties.Environment?.Variables?.[ENV.tableName]).filter(Boolean);
      expect(tables.length).toBeGreaterThanOrEqual(3);
      for (const table of tables) expect(table).toBe('sykli-restored-2026-11-30');
      expect(JSON.stringify(restored.toJSON().Resources)).toContain(':table/sykli-restored-2026-11-30/index/');
    });

    it('backs the restored table up, and alarms on it', () => {
      restored.hasResourceProperties('AWS::Backup::BackupSelection', {
        BackupSelection: Match.objectLike({ Resources: [tableArn] }),
      });
      const alarms = JSON.stringify(restored.findResources('AWS::CloudWatch::Alarm'));
      expect(alarms).toContain('{"Name":"TableName","Value":"sykli-restored-2026-11-30"}');
    });

    it('feeds the projection from the restored table\'s stream', () => {
      restored.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: streamArn });
    });

    it('refuses a name DynamoDB would not take, a table without its stream, and another table\'s stream', () => {
      expect(() => synthWith({ ...context, existingTableName: 'no spaces here', existingTableStreamArn: streamArn })).toThrow('-c existingTableName');
      expect(() => synthWith({ ...context, existingTableName: 'sykli-restored-2026-11-30' })).toThrow('-c existingTableStreamArn');
      expect(() =>
        synthWith({ ...context, existingTableName: 'sykli-restored-2026-12-01', existingTableStreamArn: streamArn }),
      ).toThrow("-c existingTableStreamArn: the stream must be existingTableName's own");
    });
  });

  it('synthesizes without any of them, for a first look', () => {
    const bare = synthWith({});
    expect(Object.keys(bare.findResources('Custom::SykliFirstAdmin'))).toHaveLength(0);
    bare.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'sykli.example' });
  });
});
