import type { Actor } from '../../domain/audit.js';
import type { ChartPhase } from '../../domain/chart-phase.js';
import { measureCatalogueByKey } from '../../domain/measure-catalogue.js';
import type { Frequency } from '../../domain/measure.js';
import type { Measurement } from '../../domain/measurement.js';
import { addPeriods, periodRange } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import { buildSnapshot } from '../../domain/series-analysis.js';
import { fieldsOf, type UnitMeasure } from '../../domain/unit-measure.js';
import { batchPut } from '../../store/batch-put.js';
import type { Db } from '../../store/document-client.js';
import { toItem } from '../../store/items.js';
import { keys } from '../../store/keys.js';
import { demoUnits } from './demo-organisation.js';

/**
 * About 18 months of plausible figures for the demo units, relative to the day of seeding:
 * weekly T3 and access within 7 days, monthly satisfaction and staff wellbeing. A few units adopt
 * a change (a chart phase marks it, with its reason) after which T3 falls to about 5 days and
 * access rises; a few weeks are missing here and there; one unit is late with the last week.
 * Deterministic: a seeded PRNG per unit, no Math.random.
 */
/** Units that adopted a change: when (weeks before the due week), the cycle behind it, and why the chart splits there. */
export const ADOPTED_CHANGES: Record<string, { weeksAgo: number; cycleId: string | null; reason: string }> = {
  palokka: {
    weeksAgo: 11,
    cycleId: 'palokka-ramp-3',
    reason: 'Otettiin käyttöön: takaisinsoitto samana päivänä, kaikki hoitajat mukana ja maanantaisin lisähoitaja (PDSA-sykli 3).',
  },
  alajarvi: { weeksAgo: 30, cycleId: null, reason: 'Otettiin käyttöön: omatyöntekijä nimetään jo ensimmäisessä yhteydenotossa.' },
  vaasa: { weeksAgo: 26, cycleId: null, reason: 'Otettiin käyttöön: moniammatillinen vastaanotto, jossa asiakkaan koko tarve hoidetaan kerralla.' },
};
export const LATE_UNIT = 'soini';
const WEEKS = 78;
const MONTHS = 18;
const SEED_ACTOR: Actor = { type: 'system', name: 'Demo data' };

/** mulberry32: small, fast and good enough for demo noise. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
}

type Plan = { key: string; frequency: Frequency; target: number | null };
const PLANS: Plan[] = [
  { key: 't3', frequency: 'weekly', target: 7 },
  { key: 'access7d', frequency: 'weekly', target: 80 },
  { key: 'satisfaction', frequency: 'monthly', target: 85 },
  { key: 'staffWellbeing', frequency: 'monthly', target: null },
];

export function demoMeasurementItems(now: Date): Record<string, unknown>[] {
  const at = now.toISOString();
  const items: Record<string, unknown>[] = [];
  for (const unit of demoUnits) {
    const random = prng(hash(unit.id));
    const noise = (spread: number) => (random() + random() + random() - 1.5) * spread;
    const change = ADOPTED_CHANGES[unit.id];
    const baseT3 = 10 + random() * 15;
    const baseAccess = 0.5 + random() * 0.2;
    const visits = 40 + Math.floor(random() * 80);
    for (const plan of PLANS) {
      const due = duePeriod(plan.frequency, now);
      const periods = periodRange(addPeriods(due, -((plan.frequency === 'weekly' ? WEEKS : MONTHS) - 1)), due);
      const changeAt = change ? addPeriods(duePeriod('weekly', now), -change.weeksAgo) : null;
      const measure: UnitMeasure = {
        unitId: unit.id, key: plan.key, source: 'catalogue', frequency: plan.frequency,
        target: plan.target === null ? null : { value: plan.target, by: null },
        versions: [{ definitionVersion: 1, validFrom: periods[0]!, catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey(plan.key)!), reason: '' }],
        createdAt: at, updatedAt: at, version: 1,
      };
      const figures: Measurement[] = [];
      periods.forEach((period, i) => {
        const missing = period === due ? unit.id === LATE_UNIT && plan.frequency === 'weekly' : random() < 0.025;
        const after = changeAt !== null && plan.frequency === 'weekly' && period >= changeAt;
        const figure = (value: number, numerator: number | null = null, denominator: number | null = null): Measurement => ({
          unitId: unit.id, measureKey: plan.key, period, value, numerator, denominator, note: '',
          definitionVersion: 1, enteredBy: SEED_ACTOR, enteredAt: at, version: 1,
        });
        let next: Measurement;
        switch (plan.key) {
          case 't3':
            next = figure(Math.max(0, Math.round(after ? 5 + noise(2) : baseT3 + noise(5))));
            break;
          case 'access7d': {
            const d = Math.max(10, Math.round(visits + noise(20)));
            const p = Math.min(0.97, Math.max(0.05, (after ? baseAccess + 0.22 : baseAccess) + noise(0.08)));
            const n = Math.min(d, Math.round(d * p));
            next = figure(n / d, n, d);
            break;
          }
          case 'satisfaction': {
            const d = 20 + Math.floor(random() * 40);
            const n = Math.min(d, Math.round(d * Math.min(0.98, 0.8 + noise(0.08) + i * 0.002)));
            next = figure(n / d, n, d);
            break;
          }
          default:
            next = figure(Math.round(Math.min(5, Math.max(1, 3.7 + noise(0.5))) * 10) / 10);
        }
        if (!missing) figures.push(next);
      });
      const phases: ChartPhase[] = change && changeAt && plan.frequency === 'weekly'
        ? [{ unitId: unit.id, measureKey: plan.key, startPeriod: changeAt, cycleId: change.cycleId, reason: change.reason, createdBy: SEED_ACTOR, createdAt: at, version: 1 }]
        : [];
      const snapshot = figures.length > 0 ? buildSnapshot({ measure, measurements: figures, phases, period: figures.at(-1)!.period, now }) : null;
      items.push(toItem(keys.unitMeasure(unit.id, plan.key), measure));
      for (const m of figures) items.push(toItem(keys.measurement(unit.id, plan.key, m.period), m));
      for (const p of phases) items.push(toItem(keys.chartPhase(unit.id, plan.key, p.startPeriod), p));
      if (snapshot) items.push(toItem(keys.snapshot(unit.id, plan.key, snapshot.period), snapshot));
    }
  }
  return items;
}

/** Writes the demo figures with BatchWrite; a second run overwrites them. */
export async function seedDemoMeasurements(db: Db, now = new Date()): Promise<number> {
  const items = demoMeasurementItems(now);
  await batchPut(db, items);
  return items.length;
}
