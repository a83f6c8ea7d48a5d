import { Stack } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  /** The domain Sykli sends from; its DKIM records must be published in its DNS zone. */
  readonly domain: string;
}

/**
 * The SES identity that invitations, reminders and escalations are sent from, and the configuration
 * set every message goes through: its suppression list keeps SES from sending again to an address
 * that bounced or complained, and its events (infra/constructs/mail-feedback.ts) mark the person.
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** The sender address, `sykli@<domain>`. */
  readonly from: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    // Easy DKIM; no hosted zone is looked up (synth stays offline), so the three CNAME records
    // are stack outputs for whoever runs the domain's DNS.
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain), configurationSet: this.configurationSet });
    this.from = `sykli@${props.domain}`;
  }

  /**
   * ses:SendEmail as this identity through this configuration set, and no other. The functions send
   * through the SES v2 API, whose SendEmail (raw MIME included) needs only this action, authorized on
   * both; the L2's grantSendEmail adds SendRawEmail.
   */
  grantSend(role: IRole): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [this.identity.emailIdentityArn, configurationSetArn] }));
  }
}
