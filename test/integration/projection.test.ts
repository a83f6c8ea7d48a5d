import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDerivedItems } from '../../functions/app/derived-items.js';
import { projectChanges } from '../../functions/app/projection/project-changes.js';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { trendPoints } from '../../functions/domain/trend.js';
import type { Measurement } from '../../functions/domain/measurement.js';
import { startChangeStream } from '../../functions/runtime/local/change-stream.js';
import { createRepositories } from '../../functions/runtime/repositories.js';
import type { ChangeRecord } from '../../functions/store/changes.js';
import { createSeededTestTable } from '../support/test-table.js';

const UNIT = 'kyllo';
const MEASURE = 't3';
const actor = { type: 'person' as const, personId: 'eero-salminen', name: 'Eero Salminen' };

describe('the projection of derived items from the change stream', async () => {
  const db = await createSeededTestTable();
  const repositories = createRepositories(db);
  const project = projectChanges({ ...repositories, derived: createDerivedItems(repositories) });
  const folder = await mkdtemp(join(tmpdir(), 'sykli-projection-'));
  const positionFile = join(folder, 'position.json');
  afterAll(() => rm(folder, { recursive: true, force: true, maxRetries: 3 }));

  const week = duePeriod('weekly', new Date());
  async function writeFigure(period: string, value: number) {
    const existing = await repositories.measurements.getMeasurement(UNIT, MEASURE, period);
    const next: Measurement = {
      unitId: UNIT, measureKey: MEASURE, period, value, numerator: null, denominator: null, note: '',
      definitionVersion: 1, enteredBy: actor, enteredAt: new Date().toISOString(), version: (existing?.version ?? 0) + 1,
    };
    await repositories.measurements.writeMeasurement({ existing, next }, actor);
  }
  const statusOf = async () => (await repositories.measurements.listAreaStatus('keski-suomi')).find((s) => s.unitId === UNIT)!;
  const t3Of = async () => (await statusOf()).measures.find((m) => m.measureKey === MEASURE)!;
  const follow = (onChanges = project) => startChangeStream({ db, endpoint: inject('dynamoEndpoint'), onChanges, positionFile, startAtEnd: true, intervalMs: 50 });

  it('builds the snapshot and the unit’s status item again after a figure, and only then', async () => {
    const stream = await follow();
    await writeFigure(week, 31);
    await stream.settled();
    expect(await repositories.measurements.latestSnapshot(UNIT, MEASURE)).toMatchObject({ period: week, value: 31 });
    expect(await t3Of()).toMatchObject({ latestPeriod: week, latestValue: 31 });
    const { trend } = await t3Of();
    expect(trendPoints(trend).at(-1)).toMatchObject({ period: week, y: 31 });
    await stream.stop();
  });

  it('loses nothing while it is stopped: a restart resumes from the position it stored', async () => {
    await writeFigure(week, 32);
    expect((await t3Of()).latestValue).toBe(31);
    const stream = await follow();
    await stream.settled();
    expect((await t3Of()).latestValue).toBe(32);
    await stream.stop();
  });

  it('reads a batch again when projecting it failed, so a crash mid-batch loses nothing', async () => {
    let failures = 0;
    const flaky = async (changes: readonly ChangeRecord[]) => {
      if (failures++ === 0) throw new Error('the projection crashed');
      return project(changes);
    };
    const stream = await follow(flaky);
    await writeFigure(addPeriods(week, -1), 33);
    await stream.settled();
    expect(failures).toBeGreaterThan(1);
    expect(await repositories.measurements.getMeasurement(UNIT, MEASURE, addPeriods(week, -1))).toMatchObject({ value: 33 });
    const snapshot = await repositories.measurements.latestSnapshot(UNIT, MEASURE);
    expect(trendPoints(snapshot!.trend!).find((p) => p.period === addPeriods(week, -1))?.y).toBe(33);
    await stream.stop();
  });

  it('puts a cycle on the charts its predictions name, and takes it off one it no longer names', async () => {
    const stream = await follow();
    const cycle = (await repositories.cycles.listCycles('palokka')).find((c) => c.questions.some((q) => q.measureKey))!;
    const named = cycle.questions.find((q) => q.measureKey)!.measureKey!;
    const markers = async () => (await repositories.measurements.readSeries(cycle.unitId, named)).markers.map((m) => m.cycleId);
    expect(await markers()).toContain(cycle.id);
    const after = { ...cycle, questions: cycle.questions.map(({ measureKey: _named, ...question }) => question), version: cycle.version + 1 };
    await repositories.cycles.write([repositories.cycles.cycleWrite(cycle, after, 'update')], actor);
    await stream.settled();
    expect(await markers()).not.toContain(cycle.id);
    await stream.stop();
  });
});
