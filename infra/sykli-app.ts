import { Aws, type App } from 'aws-cdk-lib';
import * as z from 'zod';
import { LocaleSchema } from '../functions/domain/localized-text.js';
import { SykliEdgeStack } from './sykli-edge-stack.js';
import { SykliStack, type SykliStackProps } from './sykli-stack.js';

/**
 * The context values a deploy takes (`npx cdk deploy -c name=value …`), each with what it is for;
 * the README's "Deploy to AWS" lists the same. All are optional for `cdk synth`.
 */
export const DEPLOY_CONTEXT = {
  region: 'AWS region of the stack (default eu-north-1, Stockholm)',
  mailDomain: 'Domain the e-mail is sent from as sykli@<domain>; verified in SES with the DKIM records the stack outputs (default sykli.example)',
  authDomainPrefix: 'Prefix of the Cognito sign-in domain <prefix>.auth.<region>.amazoncognito.com, unique in the region (default sykli-<account>)',
  webDomain: "The web app's own domain, e.g. sykli.hyvaks.fi (default: CloudFront's *.cloudfront.net name)",
  webCertificateArn: 'ARN of the ACM certificate for webDomain, in us-east-1 (needed with webDomain)',
  firstAdminEmail: "The first admin's work e-mail: invited on the first deploy, with a temporary password",
  firstAdminName: "The first admin's name (default: the e-mail's local part)",
  firstAdminLocale: "The first admin's language: fi, sv or en (default fi)",
  existingTableName: 'Run on this existing table instead of the stack\'s own: a table restored from a backup (README, "Operating Sykli")',
  existingTableStreamArn: "That table's stream (NEW_AND_OLD_IMAGES), which scripts/restore-table.ts turns on and prints: the projection reads it",
} as const;
/** Context values a first deploy does not give: they change a running installation. */
export const LATER_CONTEXT: readonly (keyof typeof DEPLOY_CONTEXT)[] = ['existingTableName', 'existingTableStreamArn'];
export type DeployContext = Partial<Record<keyof typeof DEPLOY_CONTEXT, string>>;

const ContextSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-north-1').default('eu-north-1'),
    mailDomain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a domain name such as hyvaks.fi').default('sykli.example'),
    authDomainPrefix: z.string().regex(/^[a-z0-9-]{1,63}$/, 'lowercase letters, digits and hyphens').optional(),
    webDomain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a domain name such as sykli.hyvaks.fi').optional(),
    webCertificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/.+$/, 'an ACM certificate ARN in us-east-1').optional(),
    firstAdminEmail: z.email().optional(),
    firstAdminName: z.string().min(1).max(200).optional(),
    firstAdminLocale: LocaleSchema.default('fi'),
    existingTableName: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name').optional(),
    existingTableStreamArn: z.string().regex(/^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+\/stream\/.+$/, "a DynamoDB table's stream ARN").optional(),
  })
  .refine((c) => Boolean(c.webDomain) === Boolean(c.webCertificateArn), { message: 'give webDomain and webCertificateArn together', path: ['webCertificateArn'] })
  .refine((c) => Boolean(c.existingTableName) === Boolean(c.existingTableStreamArn), {
    message: 'give existingTableName and existingTableStreamArn together (scripts/restore-table.ts prints both)',
    path: ['existingTableStreamArn'],
  })
  .refine((c) => !c.existingTableStreamArn || c.existingTableStreamArn.includes(`:table/${c.existingTableName}/stream/`), {
    message: "the stream must be existingTableName's own",
    path: ['existingTableStreamArn'],
  });

/**
 * The two stacks: SykliEdge in us-east-1 (CloudFront's web ACL, which AWS keeps there) and Sykli
 * in the chosen region, which takes the web ACL through a cross-region reference.
 */
export function addSykliStacks(app: App, props: Omit<SykliStackProps, 'webAclArn'>): { edge: SykliEdgeStack; stack: SykliStack } {
  const edge = new SykliEdgeStack(app, 'SykliEdge', { description: "Sykli: CloudFront's web application firewall (us-east-1)" });
  const stack = new SykliStack(app, 'Sykli', { ...props, webAclArn: edge.webAclArn });
  stack.addStackDependency(edge);
  return { edge, stack };
}

/** The Sykli stacks from the app's context, refusing a bad value with a sentence naming it. */
export function addSykliStack(app: App, webDistPath: string): SykliStack {
  const given = Object.fromEntries(Object.keys(DEPLOY_CONTEXT).map((key) => [key, app.node.tryGetContext(key) as unknown]).filter(([, value]) => value !== undefined));
  const parsed = ContextSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `-c ${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The deploy context is not valid: ${problems}.`);
  }
  const context = parsed.data;
  return addSykliStacks(app, {
    // No account: the template is account-agnostic and synthesizes without credentials or lookups.
    env: { region: context.region },
    authDomainPrefix: context.authDomainPrefix ?? `sykli-${Aws.ACCOUNT_ID}`,
    webDistPath,
    mailDomain: context.mailDomain,
    webDomain: context.webDomain && context.webCertificateArn ? { name: context.webDomain, certificateArn: context.webCertificateArn } : undefined,
    firstAdmin: context.firstAdminEmail
      ? { email: context.firstAdminEmail, name: context.firstAdminName ?? context.firstAdminEmail.split('@')[0]!, locale: context.firstAdminLocale }
      : undefined,
    existingTable:
      context.existingTableName && context.existingTableStreamArn ? { name: context.existingTableName, streamArn: context.existingTableStreamArn } : undefined,
  }).stack;
}
