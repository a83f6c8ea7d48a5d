import type { Db } from '../../store/document-client.js';
import { ensureTable, type TableChange } from '../../store/ensure-table.js';
import { seedDemo } from './seed-demo.js';

/**
 * The table with the demo data, for the local runtime, the tests and the bench. A new table is
 * seeded before its change stream is on: the seed builds its own derived items, so streaming its
 * thousands of items would only give the projection a backlog to skip.
 */
export async function ensureSeededTable(db: Db): Promise<{ table: TableChange; seeded: Awaited<ReturnType<typeof seedDemo>> }> {
  const created = await ensureTable(db, { stream: false });
  const seeded = await seedDemo(db);
  const streamed = await ensureTable(db);
  return { table: created === 'unchanged' ? streamed : created, seeded };
}
