import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MembershipSchema, type Membership } from '../domain/membership.js';
import { PersonSchema, type Person } from '../domain/person.js';
import type { Db } from './document-client.js';
import { ConflictError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

export type PersonWithMemberships = { person: Person; memberships: Membership[] };

const PEOPLE_INDEX = { GSI1PK: 'ORG#PEOPLE' };

export function createPeopleRepository({ doc, tableName }: Db) {
  /** A person's profile and all their memberships live in one partition: one Query. */
  async function getWithMemberships(personId: string): Promise<PersonWithMemberships | undefined> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.personPartition(personId).PK },
    });
    const profile = items.find((item) => item.SK === keys.person(personId).SK);
    if (!profile) return undefined;
    return {
      person: fromItem(PersonSchema, profile),
      memberships: items
        .filter((item) => String(item.SK).startsWith(keys.membershipPrefix()))
        .map((item) => fromItem(MembershipSchema, item)),
    };
  }

  async function findIdByEmail(email: string): Promise<string | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.personEmail(email) }));
    return typeof Item?.personId === 'string' ? Item.personId : undefined;
  }

  /** Creates the profile and claims the e-mail address in one transaction, so addresses stay unique. */
  async function create(person: Omit<Person, 'version'>): Promise<Person> {
    const stored = PersonSchema.parse({ ...person, version: 1 });
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: toItem(
                  { ...keys.person(person.id), ...PEOPLE_INDEX, GSI1SK: `PERSON#${person.id}` },
                  stored,
                ),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.personEmail(person.email), personId: person.id, version: 1 },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new ConflictError(`Person ${person.id} or e-mail ${person.email} exists already.`, 'exists');
      }
      throw error;
    }
    return stored;
  }

  async function addMembership(membership: Membership): Promise<Membership> {
    const stored = MembershipSchema.parse(membership);
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toItem(keys.membership(stored), { ...stored, version: 1 }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ConflictError('The person has this role here already.', 'exists');
      throw error;
    }
    return stored;
  }

  /** Everyone, for the admin's people list and the local sign-in page; not on any hot path. */
  async function listPeople(): Promise<Person[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': PEOPLE_INDEX.GSI1PK },
    });
    return items.map((item) => fromItem(PersonSchema, item));
  }

  return { getWithMemberships, findIdByEmail, create, addMembership, listPeople };
}
export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
