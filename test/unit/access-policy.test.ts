import { describe, expect, it } from 'vitest';
import { can, reachableAreaIds, rolesOf, seesWholeArea, type Principal } from '../../functions/domain/access-policy.js';

const admin: Principal = { personId: 'a', memberships: [{ personId: 'a', role: 'admin' }] };
const leader: Principal = { personId: 'l', memberships: [{ personId: 'l', role: 'leader', areaId: 'ks' }] };
const coach: Principal = {
  personId: 'c',
  memberships: [
    { personId: 'c', role: 'coach', areaId: 'ks', unitId: 'palokka' },
    { personId: 'c', role: 'coach', areaId: 'ep', unitId: 'alajarvi' },
  ],
};
const supervisor: Principal = {
  personId: 's',
  memberships: [{ personId: 's', role: 'supervisor', areaId: 'ks', unitId: 'palokka' }],
};
const nobody: Principal = { personId: 'n', memberships: [] };
const palokka = { id: 'palokka', areaId: 'ks' };
const nova = { id: 'nova', areaId: 'ks' };
const vaasa = { id: 'vaasa', areaId: 'po' };

describe('access policy', () => {
  it('lets an admin do everything', () => {
    expect(can(admin, { type: 'unit:read', unit: vaasa })).toBe(true);
    expect(can(admin, { type: 'organisation:manage' })).toBe(true);
    expect(can(admin, { type: 'unit:update', unit: vaasa })).toBe(true);
    expect(reachableAreaIds(admin)).toBe('all');
  });

  it('lets a leader read every unit of their own area and nothing elsewhere', () => {
    expect(can(leader, { type: 'unit:read', unit: nova })).toBe(true);
    expect(can(leader, { type: 'unit:read', unit: vaasa })).toBe(false);
    expect(can(leader, { type: 'area:read', areaId: 'po' })).toBe(false);
    expect(can(leader, { type: 'unit:update', unit: nova })).toBe(false);
    expect(seesWholeArea(leader, 'ks')).toBe(true);
  });

  it('lets a coach read the units they coach, across areas, but not their neighbours', () => {
    expect(can(coach, { type: 'unit:read', unit: palokka })).toBe(true);
    expect(can(coach, { type: 'unit:read', unit: { id: 'alajarvi', areaId: 'ep' } })).toBe(true);
    expect(can(coach, { type: 'unit:read', unit: nova })).toBe(false);
    expect(can(coach, { type: 'area:read', areaId: 'ep' })).toBe(true);
    expect(seesWholeArea(coach, 'ks')).toBe(false);
    expect(reachableAreaIds(coach)).toEqual(new Set(['ks', 'ep']));
  });

  it("keeps a supervisor to their own unit: another unit, even in the same area, is closed", () => {
    expect(can(supervisor, { type: 'unit:read', unit: palokka })).toBe(true);
    expect(can(supervisor, { type: 'unit:read', unit: nova })).toBe(false);
    expect(can(supervisor, { type: 'unit:read', unit: vaasa })).toBe(false);
    expect(can(supervisor, { type: 'organisation:manage' })).toBe(false);
    // The catalogue is read by everyone with a role, changed by admins only.
    expect(can(supervisor, { type: 'catalogue:read' })).toBe(true);
    expect(can(supervisor, { type: 'catalogue:manage' })).toBe(false);
    expect(can(admin, { type: 'catalogue:manage' })).toBe(true);
  });

  it('lets supervisors and coaches edit their units’ cycles, only coaches manage reviews, leaders read', () => {
    expect(can(supervisor, { type: 'pdsa:edit', unit: palokka })).toBe(true);
    expect(can(supervisor, { type: 'review:manage', unit: palokka })).toBe(false);
    expect(can(supervisor, { type: 'pdsa:read', unit: nova })).toBe(false);
    expect(can(coach, { type: 'pdsa:edit', unit: palokka })).toBe(true);
    expect(can(coach, { type: 'review:manage', unit: palokka })).toBe(true);
    expect(can(coach, { type: 'review:manage', unit: nova })).toBe(false);
    expect(can(leader, { type: 'pdsa:read', unit: nova })).toBe(true);
    expect(can(leader, { type: 'pdsa:edit', unit: nova })).toBe(false);
    expect(can(leader, { type: 'review:manage', unit: nova })).toBe(false);
    expect(can(admin, { type: 'review:manage', unit: vaasa })).toBe(true);
    expect(can(nobody, { type: 'outbox:read' })).toBe(false);
  });

  it("lets the unit's supervisors and coaches edit its driver diagrams; leaders only read them", () => {
    expect(can(supervisor, { type: 'driverDiagram:edit', unit: palokka })).toBe(true);
    expect(can(coach, { type: 'driverDiagram:edit', unit: palokka })).toBe(true);
    expect(can(coach, { type: 'driverDiagram:edit', unit: nova })).toBe(false);
    expect(can(leader, { type: 'driverDiagram:edit', unit: nova })).toBe(false);
    expect(can(leader, { type: 'unit:read', unit: nova })).toBe(true);
    expect(can(admin, { type: 'driverDiagram:edit', unit: vaasa })).toBe(true);
  });

  it("shows every unit's good practices to everyone working in the area, and to no one outside it", () => {
    expect(can(supervisor, { type: 'practice:read', areaId: 'ks' })).toBe(true);
    expect(can(supervisor, { type: 'pdsa:read', unit: nova })).toBe(false);
    expect(can(coach, { type: 'practice:read', areaId: 'ep' })).toBe(true);
    expect(can(leader, { type: 'practice:read', areaId: 'ks' })).toBe(true);
    expect(can(leader, { type: 'practice:read', areaId: 'po' })).toBe(false);
    expect(can(nobody, { type: 'practice:read', areaId: 'ks' })).toBe(false);
  });

  it('gives a person without memberships nothing, not even the catalogue', () => {
    expect(can(nobody, { type: 'catalogue:read' })).toBe(false);
    expect(can(nobody, { type: 'area:read', areaId: 'ks' })).toBe(false);
    expect(rolesOf(nobody)).toEqual([]);
  });

  it('lists a person’s roles once each, in a stable order', () => {
    const both: Principal = { personId: 'x', memberships: [...supervisor.memberships, ...coach.memberships] };
    expect(rolesOf(both)).toEqual(['coach', 'supervisor']);
  });
});

describe('access policy for measurements', () => {
  it('lets supervisors and coaches log figures and manage measures in their own units only', () => {
    for (const type of ['measurement:write', 'measure:manage'] as const) {
      expect(can(supervisor, { type, unit: palokka })).toBe(true);
      expect(can(coach, { type, unit: palokka })).toBe(true);
      expect(can(supervisor, { type, unit: nova })).toBe(false);
      expect(can(leader, { type, unit: nova })).toBe(false);
    }
  });

  it('lets leaders read every unit of their area, others their own units', () => {
    expect(can(leader, { type: 'measurement:read', unit: nova })).toBe(true);
    expect(can(leader, { type: 'measurement:read', unit: vaasa })).toBe(false);
    expect(can(supervisor, { type: 'measurement:read', unit: nova })).toBe(false);
    expect(can(coach, { type: 'measurement:read', unit: { id: 'alajarvi', areaId: 'ep' } })).toBe(true);
  });

  it("leaves confirming a unit's progress score to its coaches (and admins)", () => {
    expect(can(coach, { type: 'progress:confirm', unit: palokka })).toBe(true);
    expect(can(admin, { type: 'progress:confirm', unit: palokka })).toBe(true);
    for (const p of [leader, supervisor, nobody]) expect(can(p, { type: 'progress:confirm', unit: palokka })).toBe(false);
    expect(can(coach, { type: 'progress:confirm', unit: vaasa })).toBe(false);
  });

  it('leaves running a round by hand to admins', () => {
    expect(can(admin, { type: 'round:run' })).toBe(true);
    for (const p of [leader, coach, supervisor, nobody]) expect(can(p, { type: 'round:run' })).toBe(false);
  });
});
