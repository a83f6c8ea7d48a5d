import { describe, expect, it } from 'vitest';
import { buildDriverTree, nextOrder, placementProblem, type Driver } from '../../functions/domain/driver-diagram.js';

const at = (day: number) => `2026-09-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const driver = (id: string, parentId: string | null, order: number, text = id): Driver => ({
  id, unitId: 'palokka', aimId: 'palokka-t3', parentId, text, order, createdAt: at(1), version: 1,
});

// Palokka's aim "T3 ≤ 3 days": two primary drivers, the first with two secondary ones.
const drivers = [
  driver('nurse-time', 'access', 1, 'Nurses reach the callers the same day'),
  driver('access', null, 0, 'Enough appointments for non-urgent care'),
  driver('triage', 'access', 0, 'Triage by phone first'),
  driver('staff', null, 1, 'Staff know the new way of working'),
];
const ideas = [
  { id: 'callback', driverId: 'nurse-time', createdAt: at(3) },
  { id: 'omaolo', driverId: 'triage', createdAt: at(2) },
  { id: 'training', driverId: 'staff', createdAt: at(4) },
  { id: 'later', driverId: null, createdAt: at(5) },
  { id: 'orphan', driverId: 'removed-driver', createdAt: at(6) },
];
const cycles = [
  { id: 'ramp-2', changeIdeaId: 'callback', createdAt: at(20) },
  { id: 'ramp-1', changeIdeaId: 'callback', createdAt: at(10) },
  { id: 'other', changeIdeaId: 'somewhere-else', createdAt: at(11) },
];

describe('the driver diagram of an aim', () => {
  it('puts secondary drivers under their primary one, change ideas under their driver and cycles under their idea, in order', () => {
    const tree = buildDriverTree(drivers, ideas, cycles);
    expect(tree.primaries.map((p) => p.driver.id)).toEqual(['access', 'staff']);
    const [access, staff] = tree.primaries;
    expect(access!.secondaries.map((s) => s.driver.id)).toEqual(['triage', 'nurse-time']);
    expect(access!.secondaries[1]!.ideas.map((i) => i.idea.id)).toEqual(['callback']);
    expect(access!.secondaries[1]!.ideas[0]!.cycles.map((c) => c.id)).toEqual(['ramp-1', 'ramp-2']);
    expect(access!.secondaries[0]!.ideas.map((i) => i.idea.id)).toEqual(['omaolo']);
    expect(staff!.secondaries).toEqual([]);
    expect(staff!.ideas.map((i) => i.idea.id)).toEqual(['training']);
  });

  it('keeps ideas with no driver, or a driver no longer there, as unplaced, and shows a secondary driver without its primary at the top', () => {
    const tree = buildDriverTree([driver('lost', 'gone', 0), driver('access', null, 1)], ideas, []);
    expect(tree.primaries.map((p) => p.driver.id)).toEqual(['lost', 'access']);
    expect(tree.unplacedIdeas.map((i) => i.idea.id)).toEqual(['omaolo', 'callback', 'training', 'later', 'orphan']);
  });

  it('is empty for an aim with no drivers and no ideas', () => {
    expect(buildDriverTree([], [], cycles)).toEqual({ primaries: [], unplacedIdeas: [] });
  });

  it('lets a driver go only under a primary driver of the aim, and keeps a driver with secondary drivers primary', () => {
    expect(placementProblem(drivers, undefined, null)).toBeNull();
    expect(placementProblem(drivers, undefined, 'staff')).toBeNull();
    expect(placementProblem(drivers, undefined, 'triage')).toBe('parentNotPrimary');
    expect(placementProblem(drivers, undefined, 'nowhere')).toBe('parentUnknown');
    expect(placementProblem(drivers, 'staff', 'staff')).toBe('ownParent');
    expect(placementProblem(drivers, 'access', 'staff')).toBe('primaryWithSubDrivers');
    expect(placementProblem(drivers, 'nurse-time', 'staff')).toBeNull();
  });

  it('places a new driver after its last sibling', () => {
    expect(nextOrder(drivers, null)).toBe(2);
    expect(nextOrder(drivers, 'access')).toBe(2);
    expect(nextOrder(drivers, 'staff')).toBe(0);
  });
});
