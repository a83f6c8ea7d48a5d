import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDerivedItems } from '../../app/derived-items.js';
import { ensureBuiltInCatalogue } from '../../app/organisation/built-in-catalogue.js';
import { markersOf } from '../../domain/cycle-marker.js';
import { createAreaRepository } from '../../store/area-repository.js';
import type { Db } from '../../store/document-client.js';
import { ConflictError } from '../../store/errors.js';
import { keys } from '../../store/keys.js';
import { createMeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { createPeopleRepository } from '../../store/people-repository.js';
import { createUnitRepository } from '../../store/unit-repository.js';
import { createCycleRepository } from '../../store/cycle-repository.js';
import { createDriverRepository } from '../../store/driver-repository.js';
import { createMeasurementRepository } from '../../store/measurement-repository.js';
import { demoCycles } from './demo-cycles.js';
import { demoProgress } from './demo-progress.js';
import { demoAreas, demoMemberships, demoPeople, demoUnits } from './demo-organisation.js';
import { seedDemoMeasurements } from './demo-measurements.js';

/** Bump when the demo data changes shape, so an old local store is not mistaken for a current one. */
export const DEMO_SEED_VERSION = 1;

/** Ignores "exists already", so a seed interrupted half-way can simply run again. */
async function createOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * Seeds the demo organisation and measure catalogue the first time only: a marker item
 * records that it was done, so a second start keeps whatever people changed since.
 */
export async function seedDemo(db: Db): Promise<'seeded' | 'already seeded'> {
  const marker = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.seedMarker() }));
  if (marker.Item) return 'already seeded';

  const areas = createAreaRepository(db);
  const units = createUnitRepository(db);
  const people = createPeopleRepository(db);
  const catalogue = createMeasureCatalogueRepository(db);
  for (const { version: _, ...area } of demoAreas) await createOnce(() => areas.create(area));
  for (const { version: _, ...unit } of demoUnits) await createOnce(() => units.create(unit));
  for (const { version: _, ...person } of demoPeople) await createOnce(() => people.create(person));
  for (const membership of demoMemberships) await createOnce(() => people.addMembership(membership));
  await ensureBuiltInCatalogue({ catalogue })();
  await seedDemoMeasurements(db);

  const cycles = createCycleRepository(db);
  const pdsa = demoCycles(new Date());
  const seeder = { type: 'system' as const, name: 'Demo data' };
  for (const aim of pdsa.aims) await createOnce(() => cycles.write([cycles.aimWrite(null, aim, 'create')], seeder));
  const drivers = createDriverRepository(db);
  for (const driver of pdsa.drivers) await createOnce(() => drivers.write([drivers.driverWrite(null, driver, 'create')], seeder));
  for (const idea of pdsa.ideas) await createOnce(() => cycles.write([cycles.ideaWrite(null, idea, 'create')], seeder));
  for (const cycle of pdsa.cycles) await createOnce(() => cycles.write([cycles.cycleWrite(null, cycle, 'create')], seeder));
  for (const review of pdsa.reviews) await createOnce(() => cycles.write([cycles.reviewWrite(null, review, 'schedule')], seeder));
  for (const confirmation of demoProgress(new Date())) await createOnce(() => cycles.write([cycles.progressWrite(null, confirmation)], seeder));
  // The derived items, as the projection would build them: the cycles' chart markers, then
  // leadership's status items from the figures and cycles just written.
  const measurements = createMeasurementRepository(db);
  for (const marker of pdsa.cycles.flatMap(markersOf)) await measurements.putMarker(marker);
  const derived = createDerivedItems({ measurements, cycles });
  for (const { version: _, ...unit } of demoUnits) await derived.refreshUnitStatus(unit, new Date());

  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.seedMarker(), seedVersion: DEMO_SEED_VERSION, seededAt: new Date().toISOString(), version: 1 },
    }),
  );
  return 'seeded';
}
