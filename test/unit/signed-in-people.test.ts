import { describe, expect, it } from 'vitest';
import { SIGNED_IN_PERSON_TTL_MS, signedInPeople } from '../../functions/app/people/signed-in-people.js';
import type { PersonWithMemberships } from '../../functions/store/people-repository.js';

function directory(people: Record<string, PersonWithMemberships>) {
  const reads: string[] = [];
  return {
    reads,
    findIdByEmail: async (email: string) => {
      reads.push(`email:${email}`);
      return Object.values(people).find((p) => p.person.email === email)?.person.id;
    },
    getWithMemberships: async (id: string) => {
      reads.push(`person:${id}`);
      return people[id];
    },
  };
}

const minna = {
  person: { id: 'minna', name: 'Minna Hakala', email: 'minna@sykli.example', locale: 'fi' },
  memberships: [{ personId: 'minna', role: 'supervisor', areaId: 'keski-suomi', unitId: 'sampoharju' }],
} as unknown as PersonWithMemberships;

describe('the signed-in person behind a token', () => {
  it('is refused once deactivated, at once where the admin deactivated them (forget)', async () => {
    const people = { minna: { ...minna, person: { ...minna.person } } };
    const find = signedInPeople(directory(people), () => 1_000);
    expect(await find('minna@sykli.example')).toBeDefined();
    (people.minna.person as { deactivatedAt?: string }).deactivatedAt = '2026-12-02T10:00:00.000Z';
    // Remembered until told to forget: other instances of the API keep it for the while at most.
    expect(await find('minna@sykli.example')).toBeDefined();
    find.forget('minna@sykli.example');
    expect(await find('minna@sykli.example')).toBeUndefined();
  });

  it('is read once for the requests a page fires together, and again when the while is over', async () => {
    let clock = 1_000;
    const people = directory({ minna });
    const find = signedInPeople(people, () => clock);

    const asCaller = { person: minna.person, principal: { personId: 'minna', memberships: minna.memberships } };
    expect(await find('minna@sykli.example')).toEqual(asCaller);
    expect(await find('minna@sykli.example')).toEqual(asCaller);
    expect(people.reads).toEqual(['email:minna@sykli.example', 'person:minna']);

    clock += SIGNED_IN_PERSON_TTL_MS;
    expect(await find('minna@sykli.example')).toEqual(asCaller);
    expect(people.reads).toHaveLength(4);
  });

  it('does not remember an address nobody has, so a person added a moment later can sign in', async () => {
    const people = directory({});
    const find = signedInPeople(people, () => 0);
    expect(await find('uusi@sykli.example')).toBeUndefined();
    expect(await find('uusi@sykli.example')).toBeUndefined();
    expect(people.reads).toEqual(['email:uusi@sykli.example', 'email:uusi@sykli.example']);
  });
});
