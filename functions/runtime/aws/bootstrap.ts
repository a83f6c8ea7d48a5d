import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { ensureFirstAdmin } from '../../app/people/first-admin.js';
import { LocaleSchema } from '../../domain/localized-text.js';
import { PersonSchema } from '../../domain/person.js';
import { createCognitoDirectory } from '../../identity/cognito-directory.js';
import { createDb } from '../../store/document-client.js';
import { createPeopleRepository } from '../../store/people-repository.js';
import { readSettings } from '../env.js';
import { customResourceHandler } from './custom-resource.js';

/** The first admin the stack's context names (`firstAdminEmail`, …), as the custom resource passes it. */
const FirstAdminPropertiesSchema = z.looseObject({
  email: PersonSchema.shape.email,
  name: PersonSchema.shape.name,
  locale: LocaleSchema,
});

/**
 * Composition root of the bootstrap Lambda: a custom resource that CloudFormation runs on every
 * deploy, making the organisation's first admin (the person, their admin role and their Cognito
 * sign-in) if they do not exist yet. Deleting the stack leaves the person and the sign-in alone.
 */
export function createBootstrapFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('bootstrap', env);
  const firstAdmin = ensureFirstAdmin({
    people: createPeopleRepository(createDb(settings.tableName)),
    identities: createCognitoDirectory(new CognitoIdentityProviderClient({}), settings.userPoolId),
  });
  return {
    handler: customResourceHandler(async (event) => {
      const physicalResourceId = 'sykli-first-admin';
      if (event.RequestType === 'Delete') return { physicalResourceId };
      await firstAdmin(FirstAdminPropertiesSchema.parse(event.ResourceProperties));
      return { physicalResourceId };
    }),
  };
}
