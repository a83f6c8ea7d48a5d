import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms.js';
import { Api } from './constructs/api.js';
import { Auth } from './constructs/auth.js';
import { DataTable } from './constructs/data-table.js';
import { FirstAdmin, type FirstAdminProps } from './constructs/first-admin.js';
import { Mail } from './constructs/mail.js';
import { Projection } from './constructs/projection.js';
import { Schedules } from './constructs/schedules.js';
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
}

/** Everything Sykli runs on in AWS (docs/architecture.md, "Deployment"). */
export class SykliStack extends Stack {
  constructor(scope: Construct, id: string, props: SykliStackProps) {
    super(scope, id, props);
    const data = new DataTable(this, 'Data');
    const projection = new Projection(this, 'Projection', { table: data.table });
    const mail = new Mail(this, 'Mail', { domain: props.mailDomain });
    // The web comes before sign-in and the API: Cognito must know the app's URL, and the
    // distribution's /api behaviour is added once the API exists.
    const web = new Web(this, 'Web', { distPath: props.webDistPath, domain: props.webDomain });
    const auth = new Auth(this, 'Auth', { domainPrefix: props.authDomainPrefix, appUrl: web.url });
    const workflows = new Workflows(this, 'Workflows', { table: data.table, mail, webUrl: web.url });
    const { pdsaCycle, measurementRound } = workflows.machines;
    const api = new Api(this, 'Api', {
      table: data.table,
      authIssuer: auth.issuer,
      authClientId: auth.webClient.userPoolClientId,
      authDomainUrl: auth.domainUrl,
      webUrl: web.url,
      pdsaCycle,
      measurementRound,
      mail,
    });
    if (props.firstAdmin) new FirstAdmin(this, 'FirstAdmin', { table: data.table, userPool: auth.userPool, admin: props.firstAdmin });
    web.addApi(api.domainName);
    const schedules = new Schedules(this, 'Schedules', { measurementRound });
    new Alarms(this, 'Alarms', {
      apiHandler: api.handler,
      httpApi: api.httpApi,
      tasksHandler: workflows.tasksHandler,
      stateMachines: { PdsaCycle: pdsaCycle.stateMachine, MeasurementRound: measurementRound.stateMachine },
      scheduleDeadLetterQueue: schedules.deadLetterQueue,
      projection,
    });

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web app (and the API under /api)' });
    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'The HTTP API stage, bypassing CloudFront' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'PdsaCycleAliasArn', {
      value: pdsaCycle.aliasArn,
      description: 'Start PDSA cycle executions through this alias',
    });
    new CfnOutput(this, 'MeasurementRoundAliasArn', {
      value: measurementRound.aliasArn,
      description: 'Start measurement round executions through this alias',
    });
    mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `MailDkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of 3 to publish in the ${props.mailDomain} DNS zone`,
      });
    });
  }
}
