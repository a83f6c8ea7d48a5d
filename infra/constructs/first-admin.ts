import { CustomResource, Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { builtInCatalogueFingerprint } from '../../functions/app/organisation/built-in-catalogue.js';
import type { FirstAdmin as FirstAdminPerson } from '../../functions/app/people/first-admin.js';
import { environmentFor } from '../../functions/runtime/env.js';
import { createNodeFunction, grantItemAccess, handlerEntry } from './node-function.js';

export interface FirstAdminProps {
  readonly table: ITable;
  readonly userPool: IUserPool;
  readonly admin: FirstAdminPerson;
}

/**
 * The organisation's first admin, made by a custom resource on deploy (functions/handlers/bootstrap.ts):
 * the person and their admin role in the table, and their Cognito sign-in, whose invitation e-mail
 * carries a temporary password; and the built-in measure catalogue. Later deploys find the admin
 * and change nothing; a release with new built-in definition versions changes the catalogue
 * fingerprint, so CloudFormation runs the bootstrap again and the new versions are written.
 * Removing the stack leaves both.
 */
export class FirstAdmin extends Construct {
  constructor(scope: Construct, id: string, props: FirstAdminProps) {
    super(scope, id);
    const { handler, role } = createNodeFunction(this, {
      description: 'Sykli bootstrap: the first admin and the built-in measure catalogue (a custom resource)',
      entry: handlerEntry('bootstrap'),
      memorySize: 256,
      timeout: Duration.minutes(1),
      environment: environmentFor('bootstrap', { tableName: props.table.tableName, userPoolId: props.userPool.userPoolId }),
    });
    // Looks the address up, then writes the person (a transaction of puts) and the membership, and
    // puts each missing catalogue definition version.
    grantItemAccess(props.table, role, ['GetItem', 'PutItem']);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['cognito-idp:AdminCreateUser'], resources: [props.userPool.userPoolArn] }));
    new CustomResource(this, 'Resource', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::SykliFirstAdmin',
      properties: { email: props.admin.email, name: props.admin.name, locale: props.admin.locale, builtInCatalogue: builtInCatalogueFingerprint() },
    });
  }
}
