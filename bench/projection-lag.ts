import { createDerivedItems } from '../functions/app/derived-items.js';
import { projectChanges } from '../functions/app/projection/project-changes.js';
import { startChangeStream } from '../functions/runtime/local/change-stream.js';
import { createRepositories } from '../functions/runtime/repositories.js';
import type { Db } from '../functions/store/document-client.js';
import { keys } from '../functions/store/keys.js';
import { addPeriods } from '../functions/domain/period.js';
import { percentile } from './report.js';
import { changedFigure, type BenchOrganisation } from './seed-organisation.js';

const WRITES = 20;
/** A pause between writes, so that the poller is sometimes busy, sometimes idle, as it is in use. */
const PAUSE_MS = 300;

export type LagResult = { samples: number[]; p50: number; p95: number };

/**
 * The projection's lag as `npm start` has it: the same stream poller and projection at the local
 * runtime's intervals, following the bench table, while figures are written one at a time through
 * the API. Each is timed from the API's answer until the batch carrying it has been projected.
 */
export async function measureProjectionLag(options: {
  db: Db;
  endpoint: string;
  organisation: BenchOrganisation;
  apiUrl: string;
  supervisorToken: string;
}): Promise<LagResult> {
  const repositories = createRepositories(options.db);
  const project = projectChanges({ ...repositories, derived: createDerivedItems(repositories) });
  const projectedAt = new Map<string, number>();
  const stream = await startChangeStream({
    db: options.db,
    endpoint: options.endpoint,
    startAtEnd: true,
    onChanges: async (changes) => {
      await project(changes);
      const now = performance.now();
      for (const change of changes) projectedAt.set(`${change.key.PK}\n${change.key.SK}`, now);
    },
  });
  try {
    const unit = options.organisation.areas[0]!.units[0]!;
    const measure = options.organisation.measures[0]!;
    const samples: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const period = addPeriods(options.organisation.duePeriod, -(i + 1));
      // The seed and the load wrote these slots: a change of a stored figure names its version.
      const stored = await repositories.measurements.getMeasurement(unit.id, measure.key, period);
      const response = await fetch(`${options.apiUrl}/api/units/${unit.id}/measures/${measure.key}/periods/${period}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${options.supervisorToken}`,
          'content-type': 'application/json',
          ...(stored && { 'if-match': `"${stored.version}"` }),
        },
        // Figures no load run or seed has written, so each write is a change.
        body: JSON.stringify(changedFigure(measure.valueKind, 2 + (i % 2))),
      });
      if (!response.ok) throw new Error(`A figure write answered ${response.status}.`);
      const answered = performance.now();
      const key = keys.measurement(unit.id, measure.key, period);
      const id = `${key.PK}\n${key.SK}`;
      const deadline = answered + 30_000;
      while (!projectedAt.has(id)) {
        if (performance.now() > deadline) throw new Error('The projection did not follow a write within 30 s.');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      samples.push(Math.round(projectedAt.get(id)! - answered));
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { samples, p50: percentile(sorted, 50)!, p95: percentile(sorted, 95)! };
  } finally {
    await stream.stop();
  }
}
