import { describe, expect, it } from 'vitest';
import { catalogueUpdateFor, nextCatalogueVersion, startsNoEarlier } from '../../functions/domain/catalogue-version.js';
import { measureCatalogueByKey } from '../../functions/domain/measure-catalogue.js';
import type { MeasureDefinition } from '../../functions/domain/measure.js';
import { fieldsOf, type UnitMeasure } from '../../functions/domain/unit-measure.js';

const t3 = { ...measureCatalogueByKey('t3')! };
const published = { at: '2026-11-30T08:00:00.000Z', personId: 'tiina-koskinen', name: 'Tiina Koskinen' };
const reason = 'Ajanvarauskirjoista lasketaan myös etävastaanotot.';

function published2(): MeasureDefinition {
  const next = nextCatalogueVersion(t3, { changes: { validRange: { min: 0, max: 120 } }, reason, validFrom: '2027-W02' }, published);
  if ('refused' in next) throw new Error(next.message);
  return next;
}

function tracking(catalogueVersion: number | null): UnitMeasure {
  return {
    unitId: 'hankasalmi', key: 't3', source: catalogueVersion === null ? 'custom' : 'catalogue', frequency: 'weekly', target: null,
    versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion, fields: fieldsOf(t3), reason: '' }],
    createdAt: published.at, updatedAt: published.at, version: 1,
  };
}

describe('publishing a new catalogue definition version', () => {
  it('makes the next version with only the changed fields, what changed and who published it from which period', () => {
    const next = published2();
    expect(next.definitionVersion).toBe(2);
    expect(next.validRange).toEqual({ min: 0, max: 120 });
    expect(next.name).toEqual(t3.name);
    expect(next.change).toEqual({ reason, validFrom: '2027-W02', changedFields: ['validRange'], publishedAt: published.at, publishedBy: { personId: 'tiina-koskinen', name: 'Tiina Koskinen' } });
  });

  it('refuses a version that changes nothing, even when fields are sent with their current values', () => {
    const same = nextCatalogueVersion(t3, { changes: { name: t3.name, chart: t3.chart }, reason, validFrom: '2027-W02' }, published);
    expect(same).toMatchObject({ refused: 'nothingChanged' });
  });

  it("refuses a first period of another kind than the measure's frequency, or one not after the previous version's", () => {
    expect(nextCatalogueVersion(t3, { changes: { chart: 'run' }, reason, validFrom: '2027-01' }, published)).toMatchObject({ refused: 'periodKind' });
    expect(nextCatalogueVersion(published2(), { changes: { chart: 'run' }, reason, validFrom: '2027-W02' }, published)).toMatchObject({ refused: 'periodOrder' });
  });
});

describe("a unit's view of a newer catalogue version", () => {
  it('offers the newer version, with what changed and from when, to a unit following an older one', () => {
    expect(catalogueUpdateFor(tracking(1), published2())).toEqual({ catalogueVersion: 2, reason, validFrom: '2027-W02', changedFields: ['validRange'] });
  });

  it("offers nothing to a unit that follows it already, nor to a unit's own measure of the same key", () => {
    expect(catalogueUpdateFor(tracking(2), published2())).toBeNull();
    expect(catalogueUpdateFor(tracking(null), published2())).toBeNull();
    expect(catalogueUpdateFor(tracking(1), t3)).toBeNull();
  });

  it("lets a unit move from a period of its own frequency that starts no earlier than the version's first period", () => {
    expect(startsNoEarlier('2027-W02', '2027-W02')).toBe(true);
    expect(startsNoEarlier('2027-W01', '2027-W02')).toBe(false);
    // A monthly unit following a weekly catalogue measure: February starts after week 2, January does not.
    expect(startsNoEarlier('2027-02', '2027-W02')).toBe(true);
    expect(startsNoEarlier('2027-01', '2027-W02')).toBe(false);
  });
});
