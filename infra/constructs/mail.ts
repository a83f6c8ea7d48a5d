import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  /** The domain Sykli sends from; its DKIM records must be published in its DNS zone. */
  readonly domain: string;
}

/** The SES identity that invitations, reminders and escalations are sent from. */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  /** The sender address, `sykli@<domain>`. */
  readonly from: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    // Easy DKIM; no hosted zone is looked up (synth stays offline), so the three CNAME records
    // are stack outputs for whoever runs the domain's DNS.
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain) });
    this.from = `sykli@${props.domain}`;
  }

  /**
   * ses:SendEmail as this identity, and no other. The functions send through the SES v2 API, whose
   * SendEmail (raw MIME included) needs only this action; the L2's grantSendEmail adds SendRawEmail.
   */
  grantSend(role: IRole): void {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [this.identity.emailIdentityArn] }));
  }
}
