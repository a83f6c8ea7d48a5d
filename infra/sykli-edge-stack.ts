import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CloudFrontFirewall } from './constructs/firewall.js';

/**
 * What CloudFront needs from us-east-1, where AWS keeps CloudFront's web ACLs: the firewall in
 * front of the web app and the API. The Sykli stack takes its ARN by a weak cross-stack reference
 * (cdk.json's defaultCrossStackReferences): CloudFormation's Fn::GetStackOutput reads this stack's
 * output across regions whenever Sykli deploys, so `cdk deploy --all` deploys this stack first.
 */
export class SykliEdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    this.webAclArn = new CloudFrontFirewall(this, 'Firewall').webAcl.attrArn;
  }
}
