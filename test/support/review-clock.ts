import { ReviewSchema, reviewStartsAt } from '../../functions/domain/review.js';
import { LOCAL_TABLE_NAME } from '../../functions/runtime/local.js';
import { LOCAL_AWS_CONFIG } from '../../functions/runtime/local/dynamodb-local.js';
import { createCycleRepository } from '../../functions/store/cycle-repository.js';
import { createDb } from '../../functions/store/document-client.js';
import type { LocalApp } from './local-app.js';

/**
 * The meeting time arrives: a browser test cannot wait a day for a review it scheduled ahead, and
 * an outcome is taken only from the start, so the cycle's scheduled reviews are moved to yesterday
 * in the shared app's table, through the same repository the app writes with.
 */
export async function startScheduledReviews(app: Pick<LocalApp, 'tableEndpoint'>, cycleId: string): Promise<void> {
  const cycles = createCycleRepository(createDb(LOCAL_TABLE_NAME, { ...LOCAL_AWS_CONFIG, endpoint: app.tableEndpoint }));
  const slot = { date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), startTime: '13:00' };
  for (const review of await cycles.listReviews(cycleId)) {
    if (review.status !== 'scheduled') continue;
    const started = ReviewSchema.parse({ ...review, ...slot, startsAt: reviewStartsAt(slot), version: review.version + 1 });
    await cycles.write([cycles.reviewWrite(review, started, 'reschedule')], { type: 'system', name: 'test clock' });
  }
}
