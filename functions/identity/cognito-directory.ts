import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  UserNotFoundException,
  UsernameExistsException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityDirectory } from '../app/people/identity-directory.js';

/**
 * The user pool: AdminCreateUser with the e-mail as the user name (the pool signs in by e-mail),
 * verified, so Cognito sends the invitation with a temporary password to that address; and
 * AdminDisableUser when an admin deactivates the person.
 */
export function createCognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string): IdentityDirectory {
  return {
    async invite(person) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: person.email,
            UserAttributes: [
              { Name: 'email', Value: person.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: person.name },
              { Name: 'locale', Value: person.locale },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return 'invited';
      } catch (error) {
        if (error instanceof UsernameExistsException) return 'exists';
        throw error;
      }
    },

    async disable(person) {
      try {
        await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: person.email }));
      } catch (error) {
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    },
  };
}
