import * as z from 'zod';
import { AimSchema, type Aim } from '../domain/aim.js';
import { diffFields, type Actor, type AuditEntry } from '../domain/audit.js';
import { ChangeIdeaSchema, type ChangeIdea } from '../domain/change-idea.js';
import { CycleSchema, type Cycle } from '../domain/cycle.js';
import { ProgressConfirmationSchema, type ProgressConfirmation } from '../domain/progress-score.js';
import { ReviewSchema, type Review } from '../domain/review.js';
import type { Db } from './document-client.js';
import { onConflict } from './errors.js';
import type { StoredKey } from './items.js';
import { keys } from './keys.js';
import { createTable, type Expression, type VersionedWrite } from './table.js';

export type { VersionedWrite } from './table.js';

/** A pending `.waitForTaskToken`: the token the API answers when the awaited thing happens. */
export const WorkflowWaitSchema = z.object({
  cycleId: z.string(),
  name: z.string(),
  token: z.string().min(1).max(2048),
  createdAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().optional(),
});
export type WorkflowWait = z.infer<typeof WorkflowWaitSchema>;

type Versioned = { id?: string; unitId: string; version: number };

/** A create (`before` null) or a change of what was read at `before.version`, with its audit entry. */
function versionedWrite<T extends Versioned>(key: StoredKey, entity: AuditEntry['entity']['type'], before: T | null, after: T, action: string): VersionedWrite {
  return {
    key,
    value: after,
    expectedVersion: before?.version,
    audit: {
      unitId: after.unitId,
      entity: { type: entity, id: after.id ?? after.unitId },
      action,
      changes: diffFields(before ?? {}, after, ['version', 'updatedAt']),
    },
  };
}

const unanswered: Expression = { expression: 'attribute_not_exists(answeredAt)' };

export function createCycleRepository(db: Db) {
  const table = createTable(db);

  return {
    /** Writes every item and its audit entry at once, or nothing: a stale or taken item → ConflictError. */
    write: (writes: VersionedWrite[], actor: Actor, at = new Date().toISOString()) => table.transact(writes, { actor, at }),

    progressWrite: (before: ProgressConfirmation | null, after: ProgressConfirmation) =>
      versionedWrite(keys.progress(after.unitId), 'progress', before, after, 'confirm'),
    aimWrite: (before: Aim | null, after: Aim, action: string) => versionedWrite(keys.aim(after.unitId, after.id), 'aim', before, after, action),
    ideaWrite: (before: ChangeIdea | null, after: ChangeIdea, action: string) =>
      versionedWrite(keys.changeIdea(after.unitId, after.id), 'changeIdea', before, after, action),
    cycleWrite: (before: Cycle | null, after: Cycle, action: string) =>
      versionedWrite(
        {
          ...keys.cycle(after.unitId, after.id),
          ...(after.fromPractice ? keys.cycleFromPractice(after.fromPractice.areaId, after.fromPractice.cycleId, after.unitId, after.id) : {}),
        },
        'cycle',
        before,
        after,
        action,
      ),
    /** A scheduled review is on its coach's agenda (sparse index); a held or cancelled one is not. */
    reviewWrite: (before: Review | null, after: Review, action: string) =>
      versionedWrite(
        { ...keys.review(after.cycleId, after.id), ...(after.status === 'scheduled' ? keys.coachAgenda(after.coachId, after.startsAt, after.id) : {}) },
        'review',
        before,
        after,
        action,
      ),

    getProgress: (unitId: string) => table.get(ProgressConfirmationSchema, keys.progress(unitId)),
    getAim: (unitId: string, aimId: string) => table.get(AimSchema, keys.aim(unitId, aimId)),
    listAims: (unitId: string) => table.queryAll(AimSchema, keys.aims(unitId)),
    getChangeIdea: (unitId: string, ideaId: string) => table.get(ChangeIdeaSchema, keys.changeIdea(unitId, ideaId)),
    listChangeIdeas: (unitId: string) => table.queryAll(ChangeIdeaSchema, keys.changeIdeas(unitId)),
    /**
     * A cycle; `consistent` reads it strongly, for a step that must see a write made a moment ago
     * (a decision recorded while its wait was being stored).
     */
    getCycle: (unitId: string, cycleId: string, options: { consistent?: boolean } = {}) => table.get(CycleSchema, keys.cycle(unitId, cycleId), options),
    listCycles: (unitId: string) => table.queryAll(CycleSchema, keys.cycles(unitId)),
    /** Every cycle started from a good practice of the area. */
    listCyclesFromPractices: (areaId: string) => table.queryAll(CycleSchema, keys.cyclesFromPractices(areaId)),
    getReview: (cycleId: string, reviewId: string) => table.get(ReviewSchema, keys.review(cycleId, reviewId)),
    listReviews: (cycleId: string) => table.queryAll(ReviewSchema, keys.reviews(cycleId)),
    /** The coach's scheduled reviews, soonest first, from the sparse agenda index. */
    listScheduledReviewsOfCoach: (coachId: string): Promise<Review[]> => table.queryAll(ReviewSchema, keys.agendaOf(coachId)),

    /**
     * Stores a wait's task token. A first wait is created; a retried task's new token replaces a
     * wait nobody answered yet; an answered wait stays answered ('answered' is returned).
     */
    async putWait(cycleId: string, name: string, token: string): Promise<'stored' | 'answered'> {
      const wait = WorkflowWaitSchema.parse({ cycleId, name, token, createdAt: new Date().toISOString() });
      return table
        .put(keys.workflowWait(cycleId, name), { ...wait, version: 1 }, { ifAbsent: true, orIf: unanswered })
        .then(() => 'stored' as const, onConflict(() => 'answered' as const));
    },

    /** Read strongly: a wait stored a moment ago must be found by the decision that answers it. */
    listOpenWaits: (cycleId: string): Promise<WorkflowWait[]> =>
      table.queryAll(WorkflowWaitSchema, { ...keys.workflowWaits(cycleId), filter: unanswered, consistent: true }),

    /** Marks a wait answered once; a second answer finds it answered and changes nothing. */
    async markWaitAnswered(cycleId: string, name: string): Promise<void> {
      await table
        .update(WorkflowWaitSchema, keys.workflowWait(cycleId, name), { answeredAt: new Date().toISOString() }, { ifPresent: true, andIf: unanswered })
        .catch(onConflict(() => undefined));
    },
  };
}
export type CycleRepository = ReturnType<typeof createCycleRepository>;
