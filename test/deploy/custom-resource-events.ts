import { randomUUID } from 'node:crypto';
import { measureCatalogue } from '../../functions/domain/measure-catalogue.js';
import { createMeasureCatalogueRepository } from '../../functions/store/measure-catalogue-repository.js';
import { createPeopleRepository } from '../../functions/store/people-repository.js';
import { describeError, lastLogLines, type EventContext, type EventSource, type Step } from './events.js';
import { CLOUDFORMATION_RESPONSES } from './recording-proxy.js';

/**
 * The bootstrap function's events: the requests CloudFormation sends a Lambda-backed custom
 * resource on deploy — Create, then Update on a later deploy, then Delete when the stack goes —
 * each with the resource's properties from the template and a response URL the harness answers.
 * The function must answer every one SUCCESS at that URL; Create makes the first admin and writes
 * the built-in measure catalogue.
 */

/** The template's custom resources whose service token is this function. */
function customResourcesOf(ctx: EventContext) {
  const { template, resolver } = ctx.stack;
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')
    .filter(([, r]) => resolver.resolveString(r.Properties?.ServiceToken ?? '', 'ServiceToken') === ctx.fn.arn)
    .map(([logicalId, r]) => ({ logicalId, type: r.Type, properties: resolver.resolve(r.Properties ?? {}) as Record<string, unknown> }));
}

function responseTo(ctx: EventContext, id: string) {
  return ctx.proxy.cloudFormationResponses.find((r) => r.id === id)?.body;
}

export const customResourceEvents: EventSource = {
  kind: 'CloudFormation custom resource requests',

  steps(ctx) {
    const resources = customResourcesOf(ctx);
    if (resources.length === 0) return { steps: [], problems: ['no custom resource of the template has this function as its service token'] };
    const steps: Step[] = resources.flatMap(({ logicalId, type, properties }) => {
      const stackId = `arn:aws:cloudformation:eu-north-1:123456789012:stack/${ctx.stack.stackName}/${randomUUID()}`;
      const request = (kind: 'Create' | 'Update' | 'Delete') => {
        const id = `${logicalId}-${kind}`;
        return {
          id,
          event: {
            RequestType: kind,
            ServiceToken: ctx.fn.arn,
            ResponseURL: `${ctx.proxy.url}${CLOUDFORMATION_RESPONSES}${id}`,
            StackId: stackId,
            RequestId: randomUUID(),
            ResourceType: type,
            LogicalResourceId: logicalId,
            ...(kind === 'Create' ? {} : { PhysicalResourceId: 'sykli-first-admin', OldResourceProperties: properties }),
            ResourceProperties: properties,
          },
        };
      };
      const answeredSuccess = (id: string, outcome: Parameters<Step['check']>[0]) => {
        if (!outcome.ok) return `failed: ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
        const response = responseTo(ctx, id);
        if (!response) return 'answered CloudFormation nothing: the stack would wait an hour and fail';
        if (response.Status !== 'SUCCESS') return `answered CloudFormation ${String(response.Status)}: ${String(response.Reason)}${lastLogLines(outcome.logs)}`;
        return null;
      };
      const email = String(properties.email ?? '');
      const create = request('Create');
      const update = request('Update');
      const remove = request('Delete');
      return [
        {
          label: `${type} ${logicalId}: Create`,
          build: () => create.event,
          expectCalls: ['dynamodb:GetItem', 'dynamodb:PutItem', 'cognito-idp:AdminCreateUser'],
          async check(outcome) {
            const problem = answeredSuccess(create.id, outcome);
            if (problem) return problem;
            const people = createPeopleRepository(ctx.db);
            const personId = await people.findIdByEmail(email);
            const found = personId ? await people.getWithMemberships(personId) : undefined;
            if (!found?.memberships.some((m) => m.role === 'admin')) return `made no admin with the e-mail ${email} in the table`;
            const user = ctx.proxy.users.find((u) => u.username === email);
            if (!user?.deliveryMediums.includes('EMAIL')) return `did not invite ${email} to the user pool by e-mail`;
            const stored = await createMeasureCatalogueRepository(ctx.db).listAllVersions();
            const missing = measureCatalogue.filter((d) => !stored.some((s) => s.key === d.key && s.definitionVersion === d.definitionVersion));
            if (missing.length > 0) return `did not write the built-in measure catalogue (missing ${missing.map((d) => d.key).join(', ')})`;
            return null;
          },
        },
        {
          label: `${type} ${logicalId}: Update (a later deploy)`,
          build: () => update.event,
          check: (outcome) => answeredSuccess(update.id, outcome),
        },
        {
          label: `${type} ${logicalId}: Delete (the stack is removed)`,
          build: () => remove.event,
          check: (outcome) => answeredSuccess(remove.id, outcome),
        },
      ];
    });
    return { steps, problems: [] };
  },
};
