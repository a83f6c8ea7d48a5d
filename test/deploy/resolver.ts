import { createHash } from 'node:crypto';

/**
 * Resolves CloudFormation intrinsics to the values a deployment would give them, with made-up but
 * well-formed physical ids (table names, ARNs, pool ids …). It knows a rule per resource type and
 * attribute; anything it has no rule for throws, naming the resource and attribute, so that a new
 * kind of reference is modelled on purpose instead of guessed.
 */

export type CfnResource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> };
export type CfnTemplate = {
  Resources: Record<string, CfnResource>;
  Parameters?: Record<string, { Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
};

export const PSEUDO = {
  region: 'eu-north-1',
  accountId: '123456789012',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
} as const;

export class UnresolvableError extends Error {
  override readonly name = 'UnresolvableError';
}

/** `AWS::NoValue`: the property (or list element) it stands in is left out. */
const NO_VALUE = Symbol('AWS::NoValue');

type RuleContext = {
  id: string;
  props: Record<string, any>;
  /** The explicit name property when set, else a generated `<stack>-<logical id>-<suffix>`. */
  name: string;
  resolve: (value: unknown) => unknown;
  resolveString: (value: unknown, what: string) => string;
  arn: (service: string, resource: string, region?: string, account?: string) => string;
  /** Deterministic pseudo-random characters from the logical id, for generated ids. */
  chars: (length: number, alphabet?: string) => string;
};
type Rule = { nameProperty?: string; lowerCaseName?: boolean; ref?: (c: RuleContext) => string; attrs?: Record<string, (c: RuleContext) => string> };

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Strips an alias or version qualifier: `…:stateMachine:Name:live` → `…:stateMachine:Name`. */
function machineOfQualified(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

const RULES: Record<string, Rule> = {
  'AWS::DynamoDB::Table': {
    nameProperty: 'TableName',
    ref: (c) => c.name,
    attrs: {
      Arn: (c) => c.arn('dynamodb', `table/${c.name}`),
      StreamArn: (c) => c.arn('dynamodb', `table/${c.name}/stream/2026-01-01T00:00:00.000`),
    },
  },
  'AWS::StepFunctions::StateMachine': {
    nameProperty: 'StateMachineName',
    ref: (c) => c.arn('states', `stateMachine:${c.name}`),
    attrs: {
      Arn: (c) => c.arn('states', `stateMachine:${c.name}`),
      Name: (c) => c.name,
      StateMachineRevisionId: (c) => `${c.chars(8, '0123456789abcdef')}-revision`,
    },
  },
  // A version is `<machine ARN>:<n>`; the harness deploys each once, so n = 1.
  'AWS::StepFunctions::StateMachineVersion': {
    ref: (c) => `${c.resolveString(c.props.StateMachineArn, 'StateMachineArn')}:1`,
    attrs: { Arn: (c) => `${c.resolveString(c.props.StateMachineArn, 'StateMachineArn')}:1` },
  },
  'AWS::StepFunctions::StateMachineAlias': {
    ref: (c) => aliasArn(c),
    attrs: { Arn: (c) => aliasArn(c) },
  },
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    ref: (c) => c.name,
    attrs: { Arn: (c) => c.arn('lambda', `function:${c.name}`) },
  },
  'AWS::Lambda::LayerVersion': {
    ref: (c) => c.arn('lambda', `layer:${c.props.LayerName ?? c.name}:1`),
  },
  'AWS::Cognito::UserPool': {
    ref: (c) => userPoolId(c),
    attrs: {
      Arn: (c) => c.arn('cognito-idp', `userpool/${userPoolId(c)}`),
      ProviderName: (c) => `cognito-idp.${PSEUDO.region}.${PSEUDO.urlSuffix}/${userPoolId(c)}`,
      ProviderURL: (c) => `https://cognito-idp.${PSEUDO.region}.${PSEUDO.urlSuffix}/${userPoolId(c)}`,
      UserPoolId: (c) => userPoolId(c),
    },
  },
  'AWS::Cognito::UserPoolClient': {
    ref: (c) => c.chars(26, ALNUM),
    attrs: { ClientId: (c) => c.chars(26, ALNUM) },
  },
  // A prefix domain's Ref is the prefix itself.
  'AWS::Cognito::UserPoolDomain': {
    ref: (c) => c.resolveString(c.props.Domain, 'Domain'),
    attrs: { CloudFrontDistribution: (c) => `d${c.chars(13, ALNUM)}.cloudfront.net` },
  },
  'AWS::SES::EmailIdentity': {
    ref: (c) => c.resolveString(c.props.EmailIdentity, 'EmailIdentity'),
  },
  'AWS::SES::ConfigurationSet': {
    nameProperty: 'Name',
    ref: (c) => c.name,
  },
  'AWS::CloudFront::Distribution': {
    ref: (c) => `E${c.chars(13, UPPER_ALNUM)}`,
    attrs: { DomainName: (c) => `d${c.chars(13, ALNUM)}.cloudfront.net`, Id: (c) => `E${c.chars(13, UPPER_ALNUM)}` },
  },
  'AWS::ApiGatewayV2::Api': {
    ref: (c) => c.chars(10, ALNUM),
    attrs: {
      ApiId: (c) => c.chars(10, ALNUM),
      ApiEndpoint: (c) => `https://${c.chars(10, ALNUM)}.execute-api.${PSEUDO.region}.${PSEUDO.urlSuffix}`,
    },
  },
  'AWS::ApiGatewayV2::Integration': {
    ref: (c) => c.chars(7, ALNUM),
  },
  'AWS::ApiGatewayV2::Stage': {
    ref: (c) => c.resolveString(c.props.StageName, 'StageName'),
  },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    ref: (c) => `https://sqs.${PSEUDO.region}.${PSEUDO.urlSuffix}/${PSEUDO.accountId}/${c.name}`,
    attrs: {
      Arn: (c) => c.arn('sqs', c.name),
      QueueName: (c) => c.name,
      QueueUrl: (c) => `https://sqs.${PSEUDO.region}.${PSEUDO.urlSuffix}/${PSEUDO.accountId}/${c.name}`,
    },
  },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    ref: (c) => c.arn('sns', c.name),
    attrs: { TopicArn: (c) => c.arn('sns', c.name), TopicName: (c) => c.name },
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    ref: (c) => c.name,
    attrs: {
      Arn: (c) => c.arn('iam', `role/${c.name}`, '', PSEUDO.accountId),
      RoleId: (c) => `AROA${c.chars(17, UPPER_ALNUM)}`,
    },
  },
  'AWS::IAM::ManagedPolicy': {
    nameProperty: 'ManagedPolicyName',
    ref: (c) => c.arn('iam', `policy/${c.name}`, '', PSEUDO.accountId),
  },
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    ref: (c) => c.name,
    attrs: { Arn: (c) => c.arn('logs', `log-group:${c.name}:*`) },
  },
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    lowerCaseName: true,
    ref: (c) => c.name,
    attrs: {
      Arn: (c) => `arn:${PSEUDO.partition}:s3:::${c.name}`,
      DomainName: (c) => `${c.name}.s3.${PSEUDO.urlSuffix}`,
      RegionalDomainName: (c) => `${c.name}.s3.${PSEUDO.region}.${PSEUDO.urlSuffix}`,
    },
  },
  'AWS::SecretsManager::Secret': {
    nameProperty: 'Name',
    ref: (c) => c.arn('secretsmanager', `secret:${c.name}-${c.chars(6, ALNUM)}`),
  },
  'AWS::Scheduler::Schedule': {
    nameProperty: 'Name',
    ref: (c) => c.name,
    attrs: { Arn: (c) => c.arn('scheduler', `schedule/default/${c.name}`) },
  },
};

function aliasArn(c: RuleContext): string {
  const routes = (c.props.RoutingConfiguration ?? []) as { StateMachineVersionArn: unknown }[];
  const versionArn = routes[0]?.StateMachineVersionArn ?? c.props.DeploymentPreference?.StateMachineVersionArn;
  if (versionArn === undefined) throw new UnresolvableError(`${c.id} (AWS::StepFunctions::StateMachineAlias) routes to no version.`);
  const machine = machineOfQualified(c.resolveString(versionArn, 'RoutingConfiguration'));
  return `${machine}:${c.resolveString(c.props.Name, 'Name')}`;
}

function userPoolId(c: RuleContext): string {
  return `${PSEUDO.region}_${c.chars(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
}

export type Resolver = ReturnType<typeof createResolver>;

/**
 * `salt` varies the generated names, as CloudFormation's random suffixes do: each run of the harness
 * gets its own table in a DynamoDB Local that a watch-mode rerun reuses.
 */
export function createResolver(template: CfnTemplate, stackName: string, salt = '') {
  const resources = template.Resources;
  const pseudo: Record<string, string> = {
    'AWS::Region': PSEUDO.region,
    'AWS::AccountId': PSEUDO.accountId,
    'AWS::Partition': PSEUDO.partition,
    'AWS::URLSuffix': PSEUDO.urlSuffix,
    'AWS::StackName': stackName,
    'AWS::StackId': `arn:aws:cloudformation:${PSEUDO.region}:${PSEUDO.accountId}:stack/${stackName}/00000000-0000-4000-8000-000000000000`,
  };

  function resourceOf(id: string, what: string): CfnResource {
    const resource = resources[id];
    if (!resource) throw new UnresolvableError(`${what} names ${id}, which is no resource of the template.`);
    return resource;
  }

  function context(id: string, resource: CfnResource): RuleContext {
    const rule = RULES[resource.Type];
    const props = resource.Properties ?? {};
    const chars = (length: number, alphabet = UPPER_ALNUM) => {
      const bytes = createHash('sha256').update(`${salt}${stackName}/${id}`).digest();
      return Array.from({ length }, (_, i) => alphabet[bytes[i % bytes.length]! % alphabet.length]).join('');
    };
    const explicit = rule?.nameProperty ? props[rule.nameProperty] : undefined;
    const generated = `${stackName}-${id}-${chars(12)}`;
    const name = explicit !== undefined ? resolveString(explicit, `${id}.${rule!.nameProperty}`) : rule?.lowerCaseName ? generated.toLowerCase() : generated;
    return {
      id,
      props,
      name,
      resolve,
      resolveString: (value, what) => resolveString(value, `${id}.${what}`),
      arn: (service, rest, region: string = PSEUDO.region, account: string = PSEUDO.accountId) =>
        `arn:${PSEUDO.partition}:${service}:${region}:${account}:${rest}`,
      chars,
    };
  }

  function ref(id: string): string {
    if (id in pseudo) return pseudo[id]!;
    if (template.Parameters?.[id]) {
      throw new UnresolvableError(`Ref to the parameter ${id}: the harness deploys no parameters.`);
    }
    const resource = resourceOf(id, 'A Ref');
    const rule = RULES[resource.Type]?.ref;
    if (!rule) throw new UnresolvableError(`No rule for Ref of ${id} (${resource.Type}).`);
    return rule(context(id, resource));
  }

  function getAtt(id: string, attribute: string): string {
    const resource = resourceOf(id, `Fn::GetAtt ${id}.${attribute}`);
    const rule = RULES[resource.Type]?.attrs?.[attribute];
    if (!rule) throw new UnresolvableError(`No rule for Fn::GetAtt ${id}.${attribute} (${resource.Type}).`);
    return rule(context(id, resource));
  }

  function sub(text: string, variables: Record<string, unknown>): string {
    return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      if (inner in variables) return resolveString(variables[inner], `Fn::Sub variable ${inner}`);
      if (inner in pseudo || resources[inner] || template.Parameters?.[inner]) return ref(inner);
      const dot = inner.indexOf('.');
      if (dot > 0) return getAtt(inner.slice(0, dot), inner.slice(dot + 1));
      throw new UnresolvableError(`Fn::Sub names \${${inner}}, which is no resource, parameter or variable.`);
    });
  }

  function intrinsic(name: string, args: any): unknown {
    switch (name) {
      case 'Ref':
        return args === 'AWS::NoValue' ? NO_VALUE : ref(String(args));
      case 'Fn::GetAtt': {
        const [id, ...attribute] = Array.isArray(args) ? args : String(args).split('.');
        return getAtt(String(id), attribute.map(String).join('.'));
      }
      case 'Fn::Join': {
        const [delimiter, list] = args as [string, unknown];
        const items = resolve(list);
        if (!Array.isArray(items)) throw new UnresolvableError('Fn::Join needs a list.');
        return items.map((item) => toText(item, 'an element of Fn::Join')).join(delimiter);
      }
      case 'Fn::Sub':
        return Array.isArray(args) ? sub(String(args[0]), args[1] ?? {}) : sub(String(args), {});
      case 'Fn::Select': {
        const [index, list] = args as [unknown, unknown];
        const items = resolve(list);
        const at = Number(resolve(index));
        if (!Array.isArray(items) || !(at in items)) throw new UnresolvableError(`Fn::Select ${at} is outside its list.`);
        return items[at];
      }
      case 'Fn::Split': {
        const [delimiter, text] = args as [string, unknown];
        return resolveString(text, 'Fn::Split').split(delimiter);
      }
      case 'Fn::Base64':
        return Buffer.from(resolveString(args, 'Fn::Base64')).toString('base64');
      case 'Fn::FindInMap': {
        const [map, top, second] = (args as unknown[]).map((part) => resolveString(part, 'Fn::FindInMap'));
        const value = template.Mappings?.[map!]?.[top!]?.[second!];
        if (value === undefined) throw new UnresolvableError(`Fn::FindInMap ${map}.${top}.${second} is not in the template's mappings.`);
        return resolve(value);
      }
      default:
        throw new UnresolvableError(`The harness does not model ${name} (${JSON.stringify(args).slice(0, 200)}).`);
    }
  }

  /**
   * CloudFormation fills `{{resolve:secretsmanager:<secret>:SecretString:::}}` with the secret's value at
   * deploy; here every reference to one secret gets the same made-up value.
   */
  function withDynamicReferences(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    return value.replace(
      /\{\{resolve:secretsmanager:([^}]+?):SecretString:::\}\}/g,
      (_, secret: string) => `secret-${createHash('sha256').update(`${salt}${secret}`).digest('hex').slice(0, 40)}`,
    );
  }

  function resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(resolve).filter((item) => item !== NO_VALUE);
    if (typeof value === 'string') return withDynamicReferences(value);
    if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) {
        return withDynamicReferences(intrinsic(keys[0]!, (value as Record<string, unknown>)[keys[0]!]));
      }
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) {
        const resolved = resolve(inner);
        if (resolved !== NO_VALUE) out[key] = resolved;
      }
      return out;
    }
    return value;
  }

  function toText(value: unknown, what: string): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new UnresolvableError(`${what} resolves to ${JSON.stringify(value)}, not a string.`);
  }

  function resolveString(value: unknown, what: string): string {
    return toText(resolve(value), what);
  }

  return { resolve, resolveString, ref, getAtt, stackName };
}
