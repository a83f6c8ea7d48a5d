import { describe, expect, it } from 'vitest';
import type { Me } from '../../../web/src/api/queries.js';
import { ownUnitIds, rolesInUnit, rolesOverArea } from '../../../web/src/roles.js';

/** What GET /api/me answers; only `roles` and `work` matter to the badges. */
function me(roles: Me['roles'], work: Partial<Me['work']>): Me {
  return {
    person: { id: 'p1', name: 'Pia', email: 'pia@example.fi', locale: 'fi' } as Me['person'],
    memberships: [],
    roles,
    work: { coachedUnitIds: [], supervisedUnitIds: [], ledAreaIds: [], coachedAreaIds: [], supervisedAreaIds: [], ...work },
    can: { runRound: roles.includes('admin'), runDigest: roles.includes('admin'), administer: roles.includes('admin') },
  };
}

describe('role badges from the work the API lists', () => {
  const person = me(['leader', 'coach', 'supervisor'], { coachedUnitIds: ['u1', 'u2'], supervisedUnitIds: ['u2', 'u3'], ledAreaIds: ['a1'] });

  it('name the roles in a unit, coach before supervisor', () => {
    expect(rolesInUnit(person, 'u1')).toEqual(['coach']);
    expect(rolesInUnit(person, 'u2')).toEqual(['coach', 'supervisor']);
    expect(rolesInUnit(person, 'u9')).toEqual([]);
  });

  it('name leadership in the areas led, and admin in every area', () => {
    expect(rolesOverArea(person, 'a1')).toEqual(['leader']);
    expect(rolesOverArea(person, 'a2')).toEqual([]);
    expect(rolesOverArea(me(['admin'], {}), 'a2')).toEqual(['admin']);
  });

  it("list the person's own units once each", () => {
    expect(ownUnitIds(person)).toEqual(['u1', 'u2', 'u3']);
    expect(ownUnitIds(me(['admin'], {}))).toEqual([]);
  });
});
