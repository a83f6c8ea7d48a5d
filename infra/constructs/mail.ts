import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { IRole } from 'aws-cdk-lib/aws-iam';
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

  /** ses:SendEmail and ses:SendRawEmail as this identity, and no other. */
  grantSend(role: IRole): void {
    this.identity.grantSendEmail(role);
  }
}
