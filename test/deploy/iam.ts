import type { CfnTemplate, Resolver } from './resolver.js';

/**
 * A small IAM evaluator for identity policies: explicit Deny wins, else any Allow, else the
 * implicit deny. Actions and resources match with `*` and `?`; conditions cover the operators the
 * stack uses. Anything it does not model (an operator, a policy variable, a managed policy it cannot
 * read, a condition key the request does not know) throws, so nothing is allowed by accident.
 */

export type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};
export type PolicyDocument = { Statement: Statement | Statement[] };
/** A policy and where it came from, for messages. */
export type NamedPolicy = { source: string; document: PolicyDocument };

/**
 * One authorization: an action on a resource. `context` holds every condition key the harness
 * models for this call; a key set to undefined is known to be absent (as AWS leaves it out).
 */
export type AuthRequest = { action: string; resource: string; context: Record<string, string | string[] | undefined> };
export type Decision = { allowed: boolean; why: string };

export class UnsupportedPolicyError extends Error {
  override readonly name = 'UnsupportedPolicyError';
}

/** Global keys that hold for every call from a Lambda in this harness. */
export const GLOBAL_CONTEXT = {
  'aws:RequestedRegion': 'eu-north-1',
  'aws:PrincipalAccount': '123456789012',
  'aws:SecureTransport': 'true',
} as const;

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function glob(pattern: string, flags = ''): RegExp {
  if (/\$\{/.test(pattern)) throw new UnsupportedPolicyError(`The harness does not model policy variables (${pattern}).`);
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

export const actionMatches = (pattern: string, action: string) => glob(pattern, 'i').test(action);
const resourceMatches = (pattern: string, resource: string) => glob(pattern).test(resource);

/** ArnLike/ArnEquals compare the six colon-separated parts one by one, each with wildcards. */
function arnMatches(pattern: string, arn: string): boolean {
  const split = (text: string) => {
    const parts = text.split(':');
    return [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const a = split(arn);
  return split(pattern).every((part, i) => glob(part).test(a[i]!));
}

type Matcher = (policyValue: string, requestValue: string) => boolean;
const MATCHERS: Record<string, { match: Matcher; negated: boolean }> = {
  StringEquals: { match: (p, r) => p === r, negated: false },
  StringNotEquals: { match: (p, r) => p === r, negated: true },
  StringEqualsIgnoreCase: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: true },
  StringLike: { match: (p, r) => glob(p).test(r), negated: false },
  StringNotLike: { match: (p, r) => glob(p).test(r), negated: true },
  ArnEquals: { match: arnMatches, negated: false },
  ArnLike: { match: arnMatches, negated: false },
  ArnNotEquals: { match: arnMatches, negated: true },
  ArnNotLike: { match: arnMatches, negated: true },
  Bool: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
};

function lookup(context: AuthRequest['context'], key: string): { known: boolean; values: string[] } {
  const found = Object.keys(context).find((name) => name.toLowerCase() === key.toLowerCase());
  if (found === undefined) return { known: false, values: [] };
  return { known: true, values: list(context[found]) };
}

/** One operator block of a Condition: every key must hold (AND); any of a key's values may match (OR). */
function conditionHolds(operatorName: string, block: Record<string, unknown>, request: AuthRequest): boolean {
  let operator = operatorName;
  let set: 'any' | 'all' | null = null;
  if (operator.startsWith('ForAnyValue:')) [set, operator] = ['any', operator.slice('ForAnyValue:'.length)];
  else if (operator.startsWith('ForAllValues:')) [set, operator] = ['all', operator.slice('ForAllValues:'.length)];
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);

  return Object.entries(block).every(([key, policyValue]) => {
    const { known, values } = lookup({ ...GLOBAL_CONTEXT, ...request.context }, key);
    if (!known) {
      throw new UnsupportedPolicyError(
        `The condition ${operatorName} on ${key} cannot be judged: the harness does not model that key for ${request.action}.`,
      );
    }
    const wanted = list(policyValue);
    if (operator === 'Null') return wanted.every((w) => (w.toLowerCase() === 'true') === (values.length === 0));
    const matcher = MATCHERS[operator];
    if (!matcher) throw new UnsupportedPolicyError(`The harness does not model the condition operator ${operatorName}.`);
    const matchesAny = (value: string) => wanted.some((w) => matcher.match(w, value));
    if (set === 'any') {
      if (values.length === 0) return false;
      return matcher.negated ? values.some((v) => !matchesAny(v)) : values.some(matchesAny);
    }
    if (set === 'all') {
      if (values.length === 0) return true;
      return matcher.negated ? values.every((v) => !matchesAny(v)) : values.every(matchesAny);
    }
    if (values.length === 0) return ifExists || matcher.negated;
    if (values.length > 1) {
      throw new UnsupportedPolicyError(`${operatorName} on the multivalued key ${key} needs ForAnyValue or ForAllValues.`);
    }
    return matcher.negated ? !matchesAny(values[0]!) : matchesAny(values[0]!);
  });
}

/** Whether the statement names the action and resource; its condition aside. */
function statementMatches(statement: Statement, request: AuthRequest): boolean {
  const actionHit =
    statement.Action !== undefined
      ? list(statement.Action).some((p) => actionMatches(p, request.action))
      : !list(statement.NotAction).some((p) => actionMatches(p, request.action));
  if (!actionHit) return false;
  const resourceHit =
    statement.Resource !== undefined
      ? list(statement.Resource).some((p) => resourceMatches(p, request.resource))
      : !list(statement.NotResource).some((p) => resourceMatches(p, request.resource));
  return resourceHit;
}

const conditionsHold = (statement: Statement, request: AuthRequest) =>
  Object.entries(statement.Condition ?? {}).every(([operator, block]) => conditionHolds(operator, block, request));
const statementApplies = (statement: Statement, request: AuthRequest) => statementMatches(statement, request) && conditionsHold(statement, request);

export function statementsOf(policies: readonly NamedPolicy[]): (Statement & { source: string })[] {
  return policies.flatMap((policy) => [policy.document.Statement].flat().map((statement) => ({ ...statement, source: policy.source })));
}

export function evaluate(policies: readonly NamedPolicy[], request: AuthRequest): Decision {
  const statements = statementsOf(policies);
  for (const statement of statements) {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      throw new UnsupportedPolicyError(`A statement of ${statement.source} has the effect ${String(statement.Effect)}.`);
    }
  }
  const denying = statements.find((s) => s.Effect === 'Deny' && statementApplies(s, request));
  if (denying) return { allowed: false, why: `explicitly denied by ${denying.source}${denying.Sid ? ` (${denying.Sid})` : ''}` };
  const allowing = statements.find((s) => s.Effect === 'Allow' && statementApplies(s, request));
  if (allowing) return { allowed: true, why: `allowed by ${allowing.source}` };
  const conditional = statements.find((s) => s.Effect === 'Allow' && statementMatches(s, request));
  if (conditional) {
    const known = Object.fromEntries(Object.entries(request.context).map(([key, value]) => [key, value ?? '(absent)']));
    return { allowed: false, why: `${conditional.source} allows it only if ${JSON.stringify(conditional.Condition)}, and the request has ${JSON.stringify(known)}` };
  }
  return { allowed: false, why: 'no statement of its policies allows it' };
}

/**
 * The identity policies of a role in the template: its inline `Policies`, every AWS::IAM::Policy,
 * RolePolicy or ManagedPolicy attached to it, and managed policy ARNs that name a ManagedPolicy of
 * the template. An AWS managed policy or a permissions boundary cannot be read offline: it throws.
 */
export function rolePolicies(template: CfnTemplate, resolver: Resolver, roleId: string): NamedPolicy[] {
  const role = template.Resources[roleId];
  if (!role || role.Type !== 'AWS::IAM::Role') throw new UnsupportedPolicyError(`${roleId} is not an AWS::IAM::Role of the template.`);
  const props = role.Properties ?? {};
  if (props.PermissionsBoundary !== undefined) throw new UnsupportedPolicyError(`The role ${roleId} has a permissions boundary, which the harness does not model.`);
  const doc = (value: unknown) => resolver.resolve(value) as PolicyDocument;
  const names = (value: unknown) => JSON.stringify(value ?? []).includes(`{"Ref":"${roleId}"}`);

  const policies: NamedPolicy[] = ((props.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[]).map((p) => ({
    source: `${roleId}'s inline policy ${p.PolicyName}`,
    document: doc(p.PolicyDocument),
  }));
  const managedByArn = new Map<string, string>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const p = resource.Properties ?? {};
    if (resource.Type === 'AWS::IAM::Policy' && names(p.Roles)) policies.push({ source: id, document: doc(p.PolicyDocument) });
    if (resource.Type === 'AWS::IAM::RolePolicy' && names([p.RoleName])) policies.push({ source: id, document: doc(p.PolicyDocument) });
    if (resource.Type === 'AWS::IAM::ManagedPolicy') {
      managedByArn.set(resolver.ref(id), id);
      if (names(p.Roles)) policies.push({ source: id, document: doc(p.PolicyDocument) });
    }
  }
  for (const arn of (props.ManagedPolicyArns ?? []) as unknown[]) {
    const resolved = resolver.resolveString(arn, `${roleId}.ManagedPolicyArns`);
    const id = managedByArn.get(resolved);
    if (id === undefined) {
      throw new UnsupportedPolicyError(`The role ${roleId} has the managed policy ${resolved}, whose statements the harness cannot read offline.`);
    }
    const managed = template.Resources[id]!.Properties ?? {};
    if (!names(managed.Roles)) policies.push({ source: id, document: doc(managed.PolicyDocument) });
  }
  return policies;
}
