import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdminCreateUserCommand, CognitoIdentityProviderClient, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, personIdFromEmail } from '../../functions/app/people/first-admin.js';
import { createCognitoDirectory } from '../../functions/identity/cognito-directory.js';
import { customResourceHandler } from '../../functions/runtime/aws/custom-resource.js';
import { createPeopleRepository } from '../../functions/store/people-repository.js';
import { createTestTable } from '../support/test-table.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const admin = { email: 'Tiina.Koskinen@hyvaks.example', name: 'Tiina Koskinen', locale: 'fi' as const };

async function setUp() {
  const db = await createTestTable();
  const people = createPeopleRepository(db);
  const directory = createCognitoDirectory(new CognitoIdentityProviderClient({ region: 'eu-north-1' }), 'eu-north-1_pool');
  return { people, firstAdmin: ensureFirstAdmin({ people, identities: directory }) };
}

describe('the first admin, made on deploy', () => {
  beforeEach(() => cognito.reset());

  it('is a person with the admin role and a Cognito sign-in invited by e-mail', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    const { people, firstAdmin } = await setUp();
    expect(await firstAdmin(admin)).toEqual({ personId: 'tiina-koskinen', created: true });
    const found = await people.getWithMemberships('tiina-koskinen');
    expect(found?.person).toMatchObject({ name: 'Tiina Koskinen', email: admin.email, locale: 'fi' });
    expect(found?.memberships).toEqual([{ personId: 'tiina-koskinen', role: 'admin' }]);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'eu-north-1_pool',
      Username: admin.email,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }, { Name: 'locale', Value: 'fi' }]),
    });
  });

  it('changes nothing on the next deploy: the person, the role and the sign-in exist', async () => {
    cognito.on(AdminCreateUserCommand).resolvesOnce({}).rejects(new UsernameExistsException({ $metadata: {}, message: 'exists' }));
    const { people, firstAdmin } = await setUp();
    await firstAdmin(admin);
    expect(await firstAdmin(admin)).toEqual({ personId: 'tiina-koskinen', created: false });
    expect((await people.listPeople()).map((p) => p.id)).toEqual(['tiina-koskinen']);
  });

  it('takes another id when the address’s own is someone else’s', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    const { people, firstAdmin } = await setUp();
    await people.create({ id: 'tiina-koskinen', name: 'Toinen Tiina', email: 'toinen@hyvaks.example', locale: 'sv' });
    expect((await firstAdmin(admin)).personId).toBe('tiina-koskinen-2');
  });

  it('slugs any address into an id', () => {
    expect(personIdFromEmail('Åsa.Öberg+sykli@x.fi')).toBe('asa-oberg-sykli');
    expect(personIdFromEmail('___@x.fi')).toBe('admin');
  });
});

describe('a custom resource handler', () => {
  let answers: unknown[] = [];
  let url = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      answers.push({ method: request.method, body: JSON.parse(body) });
      response.end();
    });
  });
  beforeEach(async () => {
    answers = [];
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/answer`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const event = (type: string) => ({ RequestType: type, ResponseURL: url, StackId: 'stack', RequestId: 'r1', LogicalResourceId: 'FirstAdmin', ResourceProperties: {} });

  it('answers CloudFormation SUCCESS with the physical id', async () => {
    await customResourceHandler(async () => ({ physicalResourceId: 'p1' }))(event('Create'));
    expect(answers).toEqual([{ method: 'PUT', body: { Status: 'SUCCESS', PhysicalResourceId: 'p1', StackId: 'stack', RequestId: 'r1', LogicalResourceId: 'FirstAdmin' } }]);
  });

  it('answers FAILED with the reason when the work fails, so the deploy stops and says why', async () => {
    await customResourceHandler(async () => {
      throw new Error('The user pool does not exist.');
    })(event('Update'));
    expect(answers).toEqual([{ method: 'PUT', body: expect.objectContaining({ Status: 'FAILED', Reason: 'The user pool does not exist.' }) }]);
  });
});
