import { describe, it, expect } from 'vitest';
import { AreaSchema } from '../../functions/domain/area.js';
import { MeasureDefinitionSchema } from '../../functions/domain/measure.js';
import { measureCatalogue, measureCatalogueByKey } from '../../functions/domain/measure-catalogue.js';
import { MembershipSchema, ROLES } from '../../functions/domain/membership.js';
import { PersonSchema } from '../../functions/domain/person.js';
import { UnitSchema } from '../../functions/domain/unit.js';
import { demoAreas, demoMemberships, demoPeople, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('measure catalogue', () => {
  it('holds the 13 measures of the DOMAIN.md catalogue', () => {
    expect(measureCatalogue.map((m) => m.key).sort()).toEqual(
      [
        't3',
        'access7d',
        'access14d',
        'firstContact',
        'digitalShare',
        'omaolo',
        'repeatContacts',
        'continuity',
        'carePlans',
        'structuredRecording',
        'satisfaction',
        'staffWellbeing',
        'emergencyVisits',
      ].sort(),
    );
  });

  it.each(measureCatalogue.map((m) => [m.key, m] as const))('%s parses with MeasureDefinitionSchema', (_key, measure) => {
    expect(MeasureDefinitionSchema.safeParse(measure).error).toBeUndefined();
  });

  it('has unique keys', () => {
    expect(duplicates(measureCatalogue.map((m) => m.key))).toEqual([]);
  });

  it('shows proportions as percentages on p charts', () => {
    for (const measure of measureCatalogue.filter((m) => m.valueKind === 'proportion')) {
      expect(measure, measure.key).toMatchObject({ validRange: { min: 0, max: 1 }, multiply: 100, chart: 'p' });
    }
  });

  it('caps T3 at 182 days, the value used when a waiting-list book is in use', () => {
    expect(measureCatalogueByKey('t3')?.validRange).toEqual({ min: 0, max: 182 });
    expect(measureCatalogueByKey('t3')?.definition.fi).toContain('182');
  });

  it('finds entries by key and returns undefined for unknown keys', () => {
    expect(measureCatalogueByKey('omaolo')?.chart).toBe('c');
    expect(measureCatalogueByKey('noSuchMeasure')).toBeUndefined();
  });
});

describe('demo organisation', () => {
  const areaIds = new Set(demoAreas.map((a) => a.id));
  const personIds = new Set(demoPeople.map((p) => p.id));
  const unitsById = new Map(demoUnits.map((u) => [u.id, u]));

  it('parses with the domain schemas', () => {
    for (const area of demoAreas) expect(AreaSchema.safeParse(area).error, area.id).toBeUndefined();
    for (const unit of demoUnits) expect(UnitSchema.safeParse(unit).error, unit.id).toBeUndefined();
    for (const person of demoPeople) expect(PersonSchema.safeParse(person).error, person.id).toBeUndefined();
    for (const membership of demoMemberships) {
      expect(MembershipSchema.safeParse(membership).error, JSON.stringify(membership)).toBeUndefined();
    }
  });

  it('has unique ids and e-mails', () => {
    expect(duplicates(demoAreas.map((a) => a.id))).toEqual([]);
    expect(duplicates(demoUnits.map((u) => u.id))).toEqual([]);
    expect(duplicates(demoPeople.map((p) => p.id))).toEqual([]);
    expect(duplicates(demoPeople.map((p) => p.email.toLowerCase()))).toEqual([]);
  });

  it('has no duplicate memberships', () => {
    expect(duplicates(demoMemberships.map((m) => JSON.stringify(m)))).toEqual([]);
  });

  it('puts every unit in an existing area', () => {
    for (const unit of demoUnits) expect(areaIds.has(unit.areaId), unit.id).toBe(true);
  });

  it('points every membership at an existing person, area and unit', () => {
    for (const membership of demoMemberships) {
      const label = JSON.stringify(membership);
      expect(personIds.has(membership.personId), label).toBe(true);
      if (membership.role === 'admin') continue;
      expect(areaIds.has(membership.areaId), label).toBe(true);
      if (membership.role === 'leader') continue;
      const unit = unitsById.get(membership.unitId);
      expect(unit, label).toBeDefined();
      expect(membership.areaId, label).toBe(unit?.areaId);
    }
  });

  it('gives every unit a coach and a supervisor', () => {
    for (const unit of demoUnits) {
      const roles = demoMemberships.filter((m) => 'unitId' in m && m.unitId === unit.id).map((m) => m.role);
      expect(roles, unit.id).toContain('coach');
      expect(roles, unit.id).toContain('supervisor');
    }
  });

  it('gives every area a leader', () => {
    for (const area of demoAreas) {
      expect(
        demoMemberships.some((m) => m.role === 'leader' && m.areaId === area.id),
        area.id,
      ).toBe(true);
    }
  });

  it('uses every role', () => {
    expect(new Set(demoMemberships.map((m) => m.role))).toEqual(new Set(ROLES));
  });

  it('has a coach spanning two areas and a person with different roles in different units', () => {
    const coachAreas = new Map<string, Set<string>>();
    const unitRoles = new Map<string, Set<string>>();
    for (const m of demoMemberships) {
      if (m.role === 'coach') coachAreas.set(m.personId, (coachAreas.get(m.personId) ?? new Set()).add(m.areaId));
      if (m.role === 'coach' || m.role === 'supervisor') {
        unitRoles.set(m.personId, (unitRoles.get(m.personId) ?? new Set()).add(m.role));
      }
    }
    expect([...coachAreas.values()].some((areas) => areas.size >= 2)).toBe(true);
    expect([...unitRoles.values()].some((roles) => roles.size >= 2)).toBe(true);
  });

  it('names Pohjanmaa units differently in Finnish and Swedish', () => {
    const pohjanmaa = demoUnits.filter((u) => u.areaId === 'pohjanmaa');
    expect(pohjanmaa.length).toBeGreaterThanOrEqual(3);
    for (const unit of pohjanmaa) expect(unit.name.sv, unit.id).not.toBe(unit.name.fi);
  });

  it('makes Pohjanmaa, with its Swedish-speaking municipalities, the one bilingual area', () => {
    expect(demoAreas.filter((a) => a.languages.includes('sv')).map((a) => [a.id, a.languages])).toEqual([['pohjanmaa', ['fi', 'sv']]]);
  });

  it('gives people ascii e-mails on sykli.example', () => {
    for (const person of demoPeople) expect(person.email, person.id).toMatch(/^[a-z]+\.[a-z]+@sykli\.example$/);
  });
});
