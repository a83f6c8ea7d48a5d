import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { AimSchema, type Aim } from '../domain/aim.js';
import type { Actor, AuditEntry } from '../domain/audit.js';
import { diffFields } from '../domain/audit.js';
import { ChangeIdeaSchema, type ChangeIdea } from '../domain/change-idea.js';
import { CycleSchema, type Cycle } from '../domain/cycle.js';
import { ProgressConfirmationSchema, type ProgressConfirmation } from '../domain/progress-score.js';
import { ReviewSchema, type Review } from '../domain/review.js';
import { createAuditRepository } from './audit-repository.js';
import type { Db } from './document-client.js';
import { ConflictError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/** A pending `.waitForTaskToken`: the token the API answers when the awaited thing happens. */
export const WorkflowWaitSchema = z.object({
  cycleId: z.string(),
  name: z.string(),
  token: z.string().min(1).max(2048),
  createdAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().optional(),
});
export type WorkflowWait = z.infer<typeof WorkflowWaitSchema>;

type Entity = AuditEntry['entity']['type'];
type Stored = { version: number } & Record<string, unknown>;

/**
 * One versioned write for a transaction: `before` null creates (the item must not exist), otherwise
 * the item must still be at `before.version`. Each write carries its audit entry.
 */
export type VersionedWrite = {
  key: { PK: string; SK: string } & Record<string, string>;
  entity: Entity;
  unitId: string;
  before: Stored | null;
  after: Stored;
  action: string;
};

export function createCycleRepository(db: Db) {
  const { doc, tableName } = db;
  const audit = createAuditRepository(db);

  async function get<S extends z.ZodType>(schema: S, key: { PK: string; SK: string }, consistent = false): Promise<z.infer<S> | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: consistent }));
    return Item ? fromItem(schema, withoutAgendaKeys(Item)) : undefined;
  }

  async function list<S extends z.ZodType>(schema: S, pk: string, prefix: string): Promise<z.infer<S>[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    });
    return items.map((item) => fromItem(schema, withoutAgendaKeys(item)));
  }

  /** Writes every item and its audit entry at once, or nothing: a stale or taken item → ConflictError. */
  async function write(writes: VersionedWrite[], actor: Actor, at = new Date().toISOString()): Promise<void> {
    const items = writes.flatMap((w) => [
      {
        Put: {
          TableName: tableName,
          Item: toItem(w.key, w.after),
          ConditionExpression: w.before ? '#version = :expected' : 'attribute_not_exists(PK)',
          ...(w.before ? { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': w.before.version } } : {}),
        },
      },
      audit.putItem({
        unitId: w.unitId,
        at,
        actor,
        entity: { type: w.entity, id: String(w.after.id ?? w.unitId) },
        action: w.action,
        changes: diffFields(w.before ?? {}, w.after, ['version', 'updatedAt']),
      }),
    ]);
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const created = writes.every((w) => !w.before);
      throw new ConflictError(
        created ? 'It exists already.' : 'Someone else changed it first: reload it and apply your change again.',
        created ? 'exists' : 'stale',
      );
    }
  }

  const aimWrite = (before: Aim | null, after: Aim, action: string): VersionedWrite => ({
    key: keys.aim(after.unitId, after.id), entity: 'aim', unitId: after.unitId, before, after, action,
  });
  const ideaWrite = (before: ChangeIdea | null, after: ChangeIdea, action: string): VersionedWrite => ({
    key: keys.changeIdea(after.unitId, after.id), entity: 'changeIdea', unitId: after.unitId, before, after, action,
  });
  const cycleWrite = (before: Cycle | null, after: Cycle, action: string): VersionedWrite => ({
    key: keys.cycle(after.unitId, after.id), entity: 'cycle', unitId: after.unitId, before, after, action,
  });
  /** A scheduled review is on its coach's agenda (sparse GSI2); a held or cancelled one is not. */
  const reviewWrite = (before: Review | null, after: Review, action: string): VersionedWrite => ({
    key: {
      ...keys.review(after.cycleId, after.id),
      ...(after.status === 'scheduled' ? keys.coachAgenda(after.coachId, after.startsAt, after.id) : {}),
    },
    entity: 'review',
    unitId: after.unitId,
    before,
    after,
    action,
  });

  const progressWrite = (before: ProgressConfirmation | null, after: ProgressConfirmation): VersionedWrite => ({
    key: keys.progress(after.unitId), entity: 'progress', unitId: after.unitId, before, after, action: 'confirm',
  });

  return {
    write,
    progressWrite,
    aimWrite,
    ideaWrite,
    cycleWrite,
    reviewWrite,

    getProgress: (unitId: string) => get(ProgressConfirmationSchema, keys.progress(unitId)),
    getAim: (unitId: string, aimId: string) => get(AimSchema, keys.aim(unitId, aimId)),
    listAims: (unitId: string) => list(AimSchema, keys.unitPartition(unitId).PK, keys.aimPrefix()),
    getChangeIdea: (unitId: string, ideaId: string) => get(ChangeIdeaSchema, keys.changeIdea(unitId, ideaId)),
    listChangeIdeas: (unitId: string) => list(ChangeIdeaSchema, keys.unitPartition(unitId).PK, keys.changeIdeaPrefix()),
    /**
     * A cycle; `consistent` reads it strongly, for a step that must see a write made a moment ago
     * (a decision recorded while its wait was being stored).
     */
    getCycle: (unitId: string, cycleId: string, options: { consistent?: boolean } = {}) => get(CycleSchema, keys.cycle(unitId, cycleId), options.consistent),
    listCycles: (unitId: string) => list(CycleSchema, keys.unitPartition(unitId).PK, keys.cyclePrefix()),
    getReview: (cycleId: string, reviewId: string) => get(ReviewSchema, keys.review(cycleId, reviewId)),
    listReviews: (cycleId: string) => list(ReviewSchema, keys.cyclePartition(cycleId).PK, keys.reviewPrefix()),

    /** The coach's scheduled reviews, soonest first, from the sparse agenda index. */
    async listScheduledReviewsOfCoach(coachId: string): Promise<Review[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.coachAgendaPartition(coachId).GSI2PK },
      });
      return items.map((item) => fromItem(ReviewSchema, withoutAgendaKeys(item)));
    },

    /**
     * Stores a wait's task token. A first wait is created; a retried task's new token replaces a
     * wait nobody answered yet; an answered wait stays answered ('answered' is returned).
     */
    async putWait(cycleId: string, name: string, token: string): Promise<'stored' | 'answered'> {
      const wait = WorkflowWaitSchema.parse({ cycleId, name, token, createdAt: new Date().toISOString() });
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(keys.workflowWait(cycleId, name), { ...wait, version: 1 }),
            ConditionExpression: 'attribute_not_exists(PK) OR attribute_not_exists(answeredAt)',
          }),
        );
        return 'stored';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'answered';
        throw error;
      }
    },

    /** Read strongly: a wait stored a moment ago must be found by the decision that answers it. */
    async listOpenWaits(cycleId: string): Promise<WorkflowWait[]> {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          ConsistentRead: true,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          FilterExpression: 'attribute_not_exists(answeredAt)',
          ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId).PK, ':prefix': keys.workflowWait(cycleId, '').SK },
        }),
      );
      return (page.Items ?? []).map((item) => fromItem(WorkflowWaitSchema, item));
    },

    /** Marks a wait answered once; a second answer finds it answered and changes nothing. */
    async markWaitAnswered(cycleId: string, name: string): Promise<void> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.workflowWait(cycleId, name),
            UpdateExpression: 'SET answeredAt = :at',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(answeredAt)',
            ExpressionAttributeValues: { ':at': new Date().toISOString() },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
  };
}
export type CycleRepository = ReturnType<typeof createCycleRepository>;

function withoutAgendaKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { GSI2PK: _pk, GSI2SK: _sk, ...rest } = item;
  return rest;
}
