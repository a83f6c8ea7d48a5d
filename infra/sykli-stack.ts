import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms.js';
import { Api } from './constructs/api.js';
import { Auth } from './constructs/auth.js';
import { DataTable, type ExistingTable } from './constructs/data-table.js';
import { SignInFirewall } from './constructs/firewall.js';
import { FirstAdmin, type FirstAdminProps } from './constructs/first-admin.js';
import { Mail } from './constructs/mail.js';
import { Projection } from './constructs/projection.js';
import { MailFeedback } from './constructs/mail-feedback.js';
import { Schedules } from './constructs/schedules.js';
import { TableBackups } from './constructs/table-backups.js';
import { Web, type WebDomain } from './constructs/web.js';
import { Workflows } from './constructs/workflows.js';

export interface SykliStackProps extends StackProps {
  /** Prefix of the Cognito hosted UI domain; unique per region. */
  readonly authDomainPrefix: string;
  /** The web app's build output (`web/dist`); deployed only if it exists. */
  readonly webDistPath: string;
  /** The domain e-mail is sent from (`sykli@<mailDomain>`), verified in SES with DKIM. */
  readonly mailDomain: string;
  /** The web app's own domain and its ACM certificate (in us-east-1); else CloudFront's *.cloudfront.net name. */
  readonly webDomain?: WebDomain;
  /** The organisation's first admin, invited by e-mail on the first deploy; none when absent. */
  readonly firstAdmin?: FirstAdminProps['admin'];
  /** CloudFront's web ACL, from SykliEdgeStack in us-east-1. */
  readonly webAclArn: string;
  /** Run on this existing table (one restored from a backup) and its stream instead of the stack's own. */
  readonly existingTable?: ExistingTable;
}

/** Everything Sykli runs on in AWS (docs/architecture.md, "Deployment"), but CloudFront's firewall. */
export class SykliStack extends Stack {
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: SykliStackProps) {
    super(scope, id, props);
    const data = new DataTable(this, 'Data', { existing: props.existingTable });
    const projection = new Projection(this, 'Projection', { table: data.table });
    const backups = new TableBackups(this, 'Backups', { table: data.table });
    const mail = new Mail(this, 'Mail', { domain: props.mailDomain });
    const mailFeedback = new MailFeedback(this, 'MailFeedback', { mail, table: data.table });
    // The web comes before sign-in and the API: Cognito must know the app's URL, and the
    // distribution's /api behaviour is added once the API exists.
    const web = new Web(this, 'Web', { distPath: props.webDistPath, domain: props.webDomain, webAclArn: props.webAclArn });
    const auth = new Auth(this, 'Auth', { domainPrefix: props.authDomainPrefix, appUrl: web.url });
    new SignInFirewall(this, 'SignInFirewall', { userPoolArn: auth.userPool.userPoolArn });
    web.allowSignInAt(auth.domainUrl);
    const workflows = new Workflows(this, 'Workflows', { table: data.table, mail, webUrl: web.url });
    const { pdsaCycle, measurementRound, weeklyDigest } = workflows.machines;
    const api = new Api(this, 'Api', {
      table: data.table,
      authIssuer: auth.issuer,
      authClientId: auth.webClient.userPoolClientId,
      authDomainUrl: auth.domainUrl,
      webUrl: web.url,
      pdsaCycle,
      measurementRound,
      weeklyDigest,
      mail,
      userPool: auth.userPool,
      originVerifySecret: web.originVerifySecret.secretValue.unsafeUnwrap(),
    });
    if (props.firstAdmin) new FirstAdmin(this, 'FirstAdmin', { table: data.table, userPool: auth.userPool, admin: props.firstAdmin });
    web.addApi(api.domainName);
    const schedules = new Schedules(this, 'Schedules', { measurementRound, weeklyDigest });
    const functions: Record<string, IFunction> = { Api: api.handler, Tasks: workflows.tasksHandler, MailEvents: mailFeedback.handler, Projection: projection.handler };
    this.alarms = new Alarms(this, 'Alarms', {
      httpApi: api.httpApi,
      functions,
      table: data.table,
      stateMachines: { PdsaCycle: pdsaCycle.stateMachine, MeasurementRound: measurementRound.stateMachine, WeeklyDigest: weeklyDigest.stateMachine },
      failureQueues: { ScheduleDeadLetters: schedules.deadLetterQueue, MailEventFailures: mailFeedback.failures, ProjectionFailures: projection.failures },
      streamConsumers: { Projection: projection.handler },
    });

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web app (and the API under /api)' });
    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'The HTTP API stage; it refuses requests that did not come through CloudFront' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'TableArn', { value: data.table.tableArn, description: 'What scripts/restore-table.ts restores from' });
    new CfnOutput(this, 'BackupVaultName', { value: backups.vault.backupVaultName, description: 'Where the daily and monthly backups are kept' });
    new CfnOutput(this, 'BackupRoleArn', { value: backups.role.roleArn, description: 'The role scripts/restore-table.ts restores a backup with' });
    new CfnOutput(this, 'PdsaCycleAliasArn', {
      value: pdsaCycle.aliasArn,
      description: 'Start PDSA cycle executions through this alias',
    });
    new CfnOutput(this, 'MeasurementRoundAliasArn', {
      value: measurementRound.aliasArn,
      description: 'Start measurement round executions through this alias',
    });
    new CfnOutput(this, 'WeeklyDigestAliasArn', {
      value: weeklyDigest.aliasArn,
      description: 'Start weekly digest executions through this alias',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Every alarm notifies this topic' });
    new CfnOutput(this, 'DashboardName', { value: this.alarms.dashboard.dashboardName, description: 'CloudWatch → Dashboards' });
    mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `MailDkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of 3 to publish in the ${props.mailDomain} DNS zone`,
      });
    });
  }
}
