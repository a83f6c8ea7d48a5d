import { describe, expect, it } from 'vitest';
import { AimSchema } from '../../functions/domain/aim.js';
import { ChangeIdeaSchema } from '../../functions/domain/change-idea.js';
import { CYCLE_PHASES, CycleSchema } from '../../functions/domain/cycle.js';
import { DriverSchema, buildDriverTree } from '../../functions/domain/driver-diagram.js';
import { ReviewSchema } from '../../functions/domain/review.js';
import { demoCycles } from '../../functions/runtime/seed/demo-cycles.js';
import { demoMeasurementItems } from '../../functions/runtime/seed/demo-measurements.js';
import { demoMemberships, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';

const now = new Date('2026-11-23T10:00:00Z');
const demo = demoCycles(now);

describe('the demo improvement work', () => {
  it('is valid data for the unit, cycle and review schemas', () => {
    for (const aim of demo.aims) AimSchema.parse(aim);
    for (const idea of demo.ideas) ChangeIdeaSchema.parse(idea);
    for (const cycle of demo.cycles) CycleSchema.parse(cycle);
    for (const review of demo.reviews) ReviewSchema.parse(review);
    const unitIds = new Set(demoUnits.map((u) => u.id));
    for (const item of [...demo.aims, ...demo.ideas, ...demo.cycles, ...demo.reviews]) expect(unitIds).toContain(item.unitId);
  });

  it("gives Palokka's aim a driver diagram with the ramp's change idea and its three cycles under a secondary driver", () => {
    for (const driver of demo.drivers) DriverSchema.parse(driver);
    const aim = demo.aims.find((a) => a.unitId === 'palokka')!;
    const drivers = demo.drivers.filter((d) => d.aimId === aim.id);
    const tree = buildDriverTree(drivers, demo.ideas.filter((i) => i.aimId === aim.id), demo.cycles);
    const placed = tree.primaries.flatMap((p) => p.secondaries.flatMap((s) => s.ideas.map((i) => ({ driver: s.driver.text, idea: i.idea.title, cycles: i.cycles.length }))));
    expect(placed).toEqual([{ driver: 'Hoitaja hoitaa asian jo ensimmäisellä yhteydenotolla', idea: 'Takaisinsoitto samana päivänä', cycles: 3 }]);
    expect(tree.unplacedIdeas).toEqual([]);
  });

  it('shows every settled phase; acting is left out because the workflow applies the decision at once', () => {
    const phases = new Set(demo.cycles.map((c) => c.phase));
    expect([...phases].sort()).toEqual(CYCLE_PHASES.filter((p) => p !== 'acting').sort());
  });

  it('has a ramp of three cycles linked both ways, ending in an adopted change', () => {
    const byId = new Map(demo.cycles.map((c) => [c.id, c]));
    const first = demo.cycles.find((c) => !c.previousCycleId && c.nextCycleId)!;
    const second = byId.get(first.nextCycleId!)!;
    const third = byId.get(second.nextCycleId!)!;
    expect([first, second, third].map((c) => c.act?.decision)).toEqual(['adapt', 'adapt', 'adopt']);
    expect(second.previousCycleId).toBe(first.id);
    expect(third.previousCycleId).toBe(second.id);
  });

  it('has one study review that is overdue, held by a coach of its unit with the unit’s people', () => {
    const overdue = demo.reviews.filter((r) => r.status === 'scheduled' && new Date(r.startsAt) < now);
    expect(overdue).toHaveLength(1);
    const [review] = overdue;
    const memberOf = (personId: string, role: string) =>
      demoMemberships.some((m) => m.personId === personId && m.role === role && 'unitId' in m && m.unitId === review!.unitId);
    expect(memberOf(review!.coachId, 'coach')).toBe(true);
    for (const id of review!.participantIds) expect(memberOf(id, 'supervisor')).toBe(true);
  });

  it('puts every cycle on a chart: each predicts a measure its unit tracks, so the chart shows the cycle as a marker', () => {
    const tracked = new Set(
      demoMeasurementItems(now).flatMap((item) => (item.source === 'catalogue' && typeof item.key === 'string' ? [`${String(item.unitId)}/${item.key}`] : [])),
    );
    for (const cycle of demo.cycles) {
      const measured = cycle.questions.flatMap((q) => (q.measureKey ? [`${cycle.unitId}/${q.measureKey}`] : []));
      expect(measured.length, cycle.id).toBeGreaterThan(0);
      for (const series of measured) expect(tracked, cycle.id).toContain(series);
    }
  });

  it("names in each aim only measures its unit tracks, so the aim shows the measure's own target, with an outcome measure first", () => {
    const tracked = new Set(demoMeasurementItems(now).flatMap((item) => (typeof item.key === 'string' && 'versions' in item ? [`${String(item.unitId)}/${item.key}`] : [])));
    for (const aim of demo.aims) {
      expect(aim.measures[0]?.role, aim.id).toBe('outcome');
      for (const m of aim.measures) expect(tracked, aim.id).toContain(`${aim.unitId}/${m.measureKey}`);
    }
  });

  it('reads an aim stored with its own target before aims shared the measure’s: the target is dropped and the measure is its outcome', () => {
    const stored = { ...demo.aims[0]!, measures: [{ measureKey: 't3', target: 7.5 }] };
    expect(AimSchema.parse(stored).measures).toEqual([{ measureKey: 't3', role: 'outcome' }]);
  });

  it('dates everything from the day it is seeded', () => {
    const later = demoCycles(new Date('2027-03-01T10:00:00Z'));
    const doing = later.cycles.find((c) => c.phase === 'doing')!;
    expect(doing.plan.doEnd! > '2027-03-01').toBe(true);
  });
});
