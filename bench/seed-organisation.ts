import type { Actor } from '../functions/domain/audit.js';
import { measureCatalogue } from '../functions/domain/measure-catalogue.js';
import type { MeasureDefinition } from '../functions/domain/measure.js';
import type { Measurement } from '../functions/domain/measurement.js';
import { addPeriods, periodRange } from '../functions/domain/period.js';
import { duePeriod } from '../functions/domain/round-schedule.js';
import { buildSnapshot } from '../functions/domain/series-analysis.js';
import { fieldsOf, type UnitMeasure } from '../functions/domain/unit-measure.js';
import type { Unit } from '../functions/domain/unit.js';
import { createAreaRepository } from '../functions/store/area-repository.js';
import { batchPut } from '../functions/store/batch-put.js';
import { createCycleRepository } from '../functions/store/cycle-repository.js';
import type { Db } from '../functions/store/document-client.js';
import { toItem } from '../functions/store/items.js';
import { keys } from '../functions/store/keys.js';
import { createMeasureCatalogueRepository } from '../functions/store/measure-catalogue-repository.js';
import { createMeasurementRepository } from '../functions/store/measurement-repository.js';
import { inParallel } from '../functions/store/in-parallel.js';
import { createPeopleRepository } from '../functions/store/people-repository.js';
import { createDerivedItems } from '../functions/app/derived-items.js';
import { createUnitRepository } from '../functions/store/unit-repository.js';
import type { Scale } from './scale.js';

const SEED_ACTOR: Actor = { type: 'system', name: 'Benchmark' };
/** The kinds of figure the generator below makes; the catalogue's first ten are of these. */
const SEEDED_KINDS = new Set<MeasureDefinition['valueKind']>(['days', 'count', 'proportion', 'rate']);
/** A chart's default span (functions/api/routes/measurements.ts): its snapshots are read with it. */
const CHART_WEEKS = 104;
/** Every tenth unit has not logged the week due now, so the round has someone to remind. */
const isLateUnit = (unitIndex: number) => unitIndex % 10 === 3;

export type BenchPerson = { id: string; name: string; email: string };
export type BenchUnit = Unit & { supervisor: BenchPerson };
export type BenchArea = { id: string; leader: BenchPerson; coach: BenchPerson; units: BenchUnit[] };
export type BenchOrganisation = { areas: BenchArea[]; measures: MeasureDefinition[]; duePeriod: string; weeks: number; items: number };

const pad = (n: number) => String(n + 1).padStart(2, '0');
const person = (id: string, name: string): BenchPerson => ({ id, name, email: `${id}@bench.sykli.example` });

/** The organisation's shape, without any I/O: ids, names and who works where. */
export function planOrganisation(scale: Scale): Omit<BenchOrganisation, 'duePeriod' | 'weeks' | 'items'> {
  const areas = Array.from({ length: scale.areas }, (_, a): BenchArea => {
    const id = `area-${pad(a)}`;
    return {
      id,
      leader: person(`leader-${id}`, `Leader ${pad(a)}`),
      coach: person(`coach-${id}`, `Coach ${pad(a)}`),
      units: Array.from({ length: scale.unitsPerArea }, (_, u): BenchUnit => {
        const unitId = `${id}-unit-${pad(u)}`;
        const label = `${pad(a)}-${pad(u)}`;
        return {
          id: unitId, areaId: id, kind: 'healthStation', municipality: `Kunta ${pad(a)}`, version: 1,
          name: { fi: `Terveysasema ${label}`, sv: `Hälsostation ${label}`, en: `Health station ${label}` },
          supervisor: person(`supervisor-${unitId}`, `Supervisor ${label}`),
        };
      }),
    };
  });
  const measures = measureCatalogue.filter((m) => SEEDED_KINDS.has(m.valueKind)).slice(0, scale.measuresPerUnit);
  return { areas, measures };
}

/** mulberry32: deterministic noise, so two runs seed the same figures. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One series' figures: a level per unit, noise, and for a third of the units a shift in the last
 * 20 weeks, so that the charts and status items show a mix of signals. Denominators stay below
 * 10 000, values of days below 100 and counts below 1 000, which the write load relies on to
 * send figures that really differ from the stored ones.
 */
function figure(definition: MeasureDefinition, random: () => number, level: number, shifted: boolean): Pick<Measurement, 'value' | 'numerator' | 'denominator'> {
  const noise = random() + random() + random() - 1.5;
  switch (definition.valueKind) {
    case 'days':
      return { value: Math.max(0, Math.round(5 + level * 30 + noise * 6 - (shifted ? 6 : 0))), numerator: null, denominator: null };
    case 'count':
      return { value: Math.max(0, Math.round(50 + level * 400 + noise * 40 + (shifted ? 60 : 0))), numerator: null, denominator: null };
    default: {
      // Proportions and rates: a numerator of a denominator.
      const denominator = 40 + Math.floor(random() * 200);
      const p = Math.min(0.98, Math.max(0.02, 0.3 + level * 0.5 + noise * 0.08 + (shifted ? 0.12 : 0)));
      const numerator = Math.round(denominator * p);
      return { value: numerator / denominator, numerator, denominator };
    }
  }
}

/**
 * A unit's tracked measures, its figures and its series' snapshots, as table items: each series'
 * latest snapshot, computed, and for `snapshotWeeks` > 1 one for each of its last weeks as weekly
 * rounds leave them. Those earlier ones are copies of the latest with their own period: a chart
 * reads as many snapshots of the same size as in production, and computing each (about 15 ms
 * for a 3-year series) would make the seed minutes longer.
 */
function unitItems(unit: Unit, unitIndex: number, measures: readonly MeasureDefinition[], periods: readonly string[], snapshotWeeks: number, now: Date): Record<string, unknown>[] {
  const at = now.toISOString();
  const random = prng(unitIndex + 1);
  const items: Record<string, unknown>[] = [];
  const shiftFrom = periods.length - 20;
  for (const definition of measures) {
    const measure: UnitMeasure = {
      unitId: unit.id, key: definition.key, source: 'catalogue', frequency: 'weekly', target: null,
      versions: [{ definitionVersion: 1, validFrom: periods[0]!, catalogueVersion: definition.definitionVersion, fields: fieldsOf(definition), reason: '' }],
      createdAt: at, updatedAt: at, version: 1,
    };
    const level = random();
    const shifts = unitIndex % 3 === 0;
    const figures: Measurement[] = [];
    periods.forEach((period, i) => {
      const last = i === periods.length - 1;
      const missing = last ? isLateUnit(unitIndex) : random() < 0.02;
      const values = figure(definition, random, level, shifts && i >= shiftFrom);
      if (missing) return;
      figures.push({
        unitId: unit.id, measureKey: definition.key, period, ...values, note: '',
        definitionVersion: 1, enteredBy: SEED_ACTOR, enteredAt: at, version: 1,
      });
    });
    items.push(toItem(keys.unitMeasure(unit.id, definition.key), measure));
    for (const m of figures) items.push(toItem(keys.measurement(unit.id, definition.key, m.period), m));
    const latest = figures.at(-1);
    if (!latest) continue;
    const snapshot = buildSnapshot({ measure, measurements: figures, phases: [], period: latest.period, now });
    for (const { period } of figures.slice(-snapshotWeeks)) items.push(toItem(keys.snapshot(unit.id, definition.key, period), { ...snapshot, period }));
  }
  return items;
}

/**
 * Seeds the benchmark organisation: areas, units, people and memberships through the
 * repositories; figures and snapshots with BatchWriteItem in parallel batches (a snapshot per
 * week for the first area, whose charts the API load reads; the latest one elsewhere). The
 * status items are left to the measurement round, which makes them for every unit anyway.
 */
export async function seedOrganisation(db: Db, scale: Scale, progress: (line: string) => void): Promise<BenchOrganisation> {
  const now = new Date();
  const plan = planOrganisation(scale);
  const due = duePeriod('weekly', now);
  const periods = periodRange(addPeriods(due, -(scale.weeks - 1)), due);
  const units = plan.areas.flatMap((area) => area.units);

  const areas = createAreaRepository(db);
  const unitRepository = createUnitRepository(db);
  const people = createPeopleRepository(db);
  const catalogue = createMeasureCatalogueRepository(db);
  await inParallel(measureCatalogue, 8, ({ version: _, ...definition }) => catalogue.addVersion(definition));
  await inParallel(plan.areas, 8, (area) => areas.create({ id: area.id, name: { fi: `Alue ${area.id}`, sv: `Område ${area.id}`, en: `Area ${area.id}` } }));
  await inParallel(units, 8, ({ supervisor: _, version: __, ...unit }) => unitRepository.create(unit));
  const everyone = plan.areas.flatMap((area) => [area.leader, area.coach, ...area.units.map((unit) => unit.supervisor)]);
  await inParallel(everyone, 8, (p) => people.create({ ...p, locale: 'fi' }));
  const memberships = plan.areas.flatMap((area) => [
    { personId: area.leader.id, role: 'leader' as const, areaId: area.id },
    ...area.units.flatMap((unit) => [
      { personId: area.coach.id, role: 'coach' as const, areaId: area.id, unitId: unit.id },
      { personId: unit.supervisor.id, role: 'supervisor' as const, areaId: area.id, unitId: unit.id },
    ]),
  ]);
  await inParallel(memberships, 8, (m) => people.addMembership(m));
  progress(`organisation: ${plan.areas.length} areas, ${units.length} units, ${everyone.length} people, ${memberships.length} memberships`);

  // Snapshot history only where charts are measured: writing it everywhere would make the seed half as long again.
  const chartArea = plan.areas[0]!.id;
  let written = 0;
  let done = 0;
  const started = Date.now();
  // Two units at a time, so that one unit's figures and snapshots are computed while the other's are written.
  await inParallel([...units.entries()], 2, async ([index, unit]) => {
    const items = unitItems(unit, index, plan.measures, periods, unit.areaId === chartArea ? CHART_WEEKS : 1, now);
    await batchPut(db, items);
    written += items.length;
    if (++done % Math.max(1, Math.round(units.length / 20)) === 0 || done === units.length) {
      const seconds = (Date.now() - started) / 1000;
      const left = Math.round((seconds / done) * (units.length - done));
      progress(`figures: ${done}/${units.length} units, ${written.toLocaleString('en')} items (${Math.round(written / seconds)} items/s, about ${left} s to go)`);
    }
  });

  return { ...plan, duePeriod: due, weeks: scale.weeks, items: written };
}

/**
 * Each unit's status item, through the same refresh the API and the round use. The measurement
 * round makes them as it ends; this is for when it did not.
 */
export async function refreshStatusItems(db: Db, organisation: BenchOrganisation, progress: (line: string) => void): Promise<void> {
  const derived = createDerivedItems({ measurements: createMeasurementRepository(db), cycles: createCycleRepository(db) });
  const units = organisation.areas.flatMap((area) => area.units);
  let refreshed = 0;
  await inParallel(units, 8, async (unit) => {
    await derived.refreshUnitStatus(unit, new Date());
    if (++refreshed % Math.max(1, Math.round(units.length / 5)) === 0) progress(`status items: ${refreshed}/${units.length}`);
  });
}

/**
 * The `n`th figure a bench write sends: above every seeded one (the seed keeps its values below
 * these), so that each write changes the stored figure and is a real write.
 */
export function changedFigure(kind: MeasureDefinition['valueKind'], n: number): unknown {
  if (kind === 'days') return { value: 150 + n };
  if (kind === 'count') return { value: 5000 + n };
  return { numerator: 1 + n, denominator: 20_000 + n };
}
