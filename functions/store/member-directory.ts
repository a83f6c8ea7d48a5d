import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { MembershipSchema, type Membership } from '../domain/membership.js';
import { PersonSchema, type Person } from '../domain/person.js';
import type { Db } from './document-client.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/**
 * Who works in a unit or leads an area, and their profiles: the participants a review may
 * invite, and the people a reminder or an escalation goes to.
 */
export function createMemberDirectory({ doc, tableName }: Db) {
  async function membersOf(scope: { unitId: string } | { areaId: string }): Promise<Membership[]> {
    const index = keys.membersOf(scope);
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': index.GSI1PK, ':prefix': index.GSI1SKPrefix },
    });
    return items.map((item) => fromItem(MembershipSchema, item));
  }

  /** Profiles by id, one BatchGet per 100; unknown ids are left out. */
  async function people(personIds: readonly string[]): Promise<Person[]> {
    const found: Person[] = [];
    const unique = [...new Set(personIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let requested: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => keys.person(id));
      for (let attempt = 0; requested && requested.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB left keys unprocessed after retries.');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const result: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested } } }));
        found.push(...(result.Responses?.[tableName] ?? []).map((item) => fromItem(PersonSchema, item)));
        requested = result.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return found;
  }

  return {
    membersOf,
    people,
    /** Coaches and supervisors of the unit, each once. */
    async unitPeople(unitId: string): Promise<{ coaches: Person[]; supervisors: Person[] }> {
      const members = await membersOf({ unitId });
      const ids = (role: Membership['role']) => members.filter((m) => m.role === role).map((m) => m.personId);
      const everyone = await people(members.map((m) => m.personId));
      const pick = (role: Membership['role']) => everyone.filter((p) => ids(role).includes(p.id));
      return { coaches: pick('coach'), supervisors: pick('supervisor') };
    },
    async areaLeaders(areaId: string): Promise<Person[]> {
      const members = await membersOf({ areaId });
      return people(members.filter((m) => m.role === 'leader').map((m) => m.personId));
    },
  };
}
export type MemberDirectory = ReturnType<typeof createMemberDirectory>;
