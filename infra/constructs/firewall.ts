import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Requests per IP address in five minutes above which AWS WAF blocks that address until it slows
 * down. A county's staff often share one public address (its network's NAT), so the limits are
 * set for a whole health station at work, not for one person.
 */
export const RATE_LIMITS = {
  /** The API under /api/*: a page makes some ten requests. */
  api: 3000,
  /** Cognito's sign-in: each person signs in about once a shift. */
  signIn: 300,
} as const;

const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

function managedRules(name: string, priority: number, excluded: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        // Counted, not blocked: these rules would refuse what Sykli legitimately sends.
        ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig: visibility(name),
  };
}

function rateLimit(name: string, priority: number, limit: number, pathPrefix?: string): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    statement: {
      rateBasedStatement: {
        limit,
        evaluationWindowSec: 300,
        aggregateKeyType: 'IP',
        ...(pathPrefix
          ? {
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: pathPrefix,
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

/**
 * The web ACL in front of CloudFront (scope CLOUDFRONT, so it lives in us-east-1: SykliEdgeStack):
 * AWS's common rule set and known bad inputs for everything, and a rate limit per IP on the API.
 * The common set's 8 KB body limit is only counted: a CSV import may be up to 1 MB.
 */
export class CloudFrontFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Sykli web app and API, through CloudFront',
      rules: [
        rateLimit('ApiRatePerIp', 0, RATE_LIMITS.api, '/api/'),
        managedRules('AWSManagedRulesKnownBadInputsRuleSet', 1),
        managedRules('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
      ],
      visibilityConfig: visibility('SykliCloudFront'),
    });
  }
}

/**
 * The web ACL of the Cognito user pool (scope REGIONAL, in the stack's region): its hosted sign-in
 * pages and token endpoint get known bad inputs blocked and a rate limit per IP, on top of
 * Cognito's own threat protection.
 */
export class SignInFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: { userPoolArn: string }) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      description: 'Sykli sign-in, the Cognito user pool',
      rules: [rateLimit('SignInRatePerIp', 0, RATE_LIMITS.signIn), managedRules('AWSManagedRulesKnownBadInputsRuleSet', 1)],
      visibilityConfig: visibility('SykliSignIn'),
    });
    new CfnWebACLAssociation(this, 'Association', { resourceArn: props.userPoolArn, webAclArn: this.webAcl.attrArn });
  }
}
