import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ensureBuiltInCatalogue } from '../../app/organisation/built-in-catalogue.js';
import { FirstAdminSchema, ensureFirstAdmin } from '../../app/people/first-admin.js';
import { createCognitoDirectory } from '../../identity/cognito-directory.js';
import { createDb } from '../../store/document-client.js';
import { createMeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { createPeopleRepository } from '../../store/people-repository.js';
import { readSettings } from '../env.js';
import { customResourceHandler } from './custom-resource.js';

/** The first admin the stack's context names (`firstAdminEmail`, …), as the custom resource passes it with the catalogue's fingerprint. */
const FirstAdminPropertiesSchema = FirstAdminSchema.loose();

/**
 * Composition root of the bootstrap Lambda: a custom resource that CloudFormation runs on deploy,
 * making the organisation's first admin (the person, their admin role and their Cognito sign-in)
 * if they do not exist yet, and writing the built-in measure catalogue's definition versions the
 * table lacks. Deleting the stack leaves the person, the sign-in and the catalogue alone.
 */
export function createBootstrapFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('bootstrap', env);
  const db = createDb(settings.tableName);
  const builtInCatalogue = ensureBuiltInCatalogue({ catalogue: createMeasureCatalogueRepository(db) });
  const firstAdmin = ensureFirstAdmin({
    people: createPeopleRepository(db),
    identities: createCognitoDirectory(new CognitoIdentityProviderClient({}), settings.userPoolId),
  });
  return {
    handler: customResourceHandler(async (event) => {
      const physicalResourceId = 'sykli-first-admin';
      if (event.RequestType === 'Delete') return { physicalResourceId };
      await builtInCatalogue();
      await firstAdmin(FirstAdminPropertiesSchema.parse(event.ResourceProperties));
      return { physicalResourceId };
    }),
  };
}
