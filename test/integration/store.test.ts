import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAreaRepository } from '../../functions/store/area-repository.js';
import type { Db } from '../../functions/store/document-client.js';
import { ensureTable } from '../../functions/store/ensure-table.js';
import { ConflictError } from '../../functions/store/errors.js';
import { keys } from '../../functions/store/keys.js';
import { createMeasureCatalogueRepository } from '../../functions/store/measure-catalogue-repository.js';
import { InvalidCursorError } from '../../functions/store/pagination.js';
import { createPeopleRepository } from '../../functions/store/people-repository.js';
import { createUnitRepository } from '../../functions/store/unit-repository.js';
import { createTestTable } from '../support/test-table.js';

const name = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });

describe('the single-table store on DynamoDB Local', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestTable();
    await createAreaRepository(db).create({ id: 'keski-suomi', name: name('Keski-Suomi') });
  });

  it('creates the table once; a second ensure changes nothing', async () => {
    await expect(ensureTable(db)).resolves.toBe('unchanged');
  });

  it('lists an area’s units a page at a time with an opaque cursor', async () => {
    const units = createUnitRepository(db);
    for (const id of ['hankasalmi', 'kyllo', 'nova', 'palokka', 'sampoharju']) {
      await units.create({ id, areaId: 'keski-suomi', name: name(id), kind: 'healthStation', municipality: 'Jyväskylä' });
    }
    const first = await units.listByArea('keski-suomi', { limit: 2 });
    expect(first.items.map((u) => u.id)).toEqual(['hankasalmi', 'kyllo']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await units.listAllOfArea('keski-suomi');
    expect(rest.map((u) => u.id)).toEqual(['hankasalmi', 'kyllo', 'nova', 'palokka', 'sampoharju']);
    const second = await units.listByArea('keski-suomi', { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((u) => u.id)).toEqual(['nova', 'palokka']);
    await expect(units.listByArea('keski-suomi', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('refuses to create a unit twice', async () => {
    const units = createUnitRepository(db);
    const unit = { id: 'uurainen', areaId: 'keski-suomi', name: name('Uurainen'), kind: 'healthStation' as const, municipality: 'Uurainen' };
    await units.create(unit);
    await expect(units.create(unit)).rejects.toMatchObject({ name: 'ConflictError', reason: 'exists' });
  });

  it('updates only from the version it was read at: the second of two concurrent edits is refused', async () => {
    const units = createUnitRepository(db);
    const read = await units.get('palokka');
    expect(read?.version).toBe(1);
    const first = await units.update('palokka', { municipality: 'Jyväskylä (Palokka)' }, 1);
    expect(first).toMatchObject({ version: 2, municipality: 'Jyväskylä (Palokka)' });
    const stale = units.update('palokka', { municipality: 'Lost update' }, 1);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ reason: 'stale' });
    expect((await units.get('palokka'))?.municipality).toBe('Jyväskylä (Palokka)');
  });

  it('fetches several units by id in one go and skips unknown ids', async () => {
    const found = await createUnitRepository(db).getMany(['nova', 'no-such-unit', 'kyllo', 'nova']);
    expect(found.map((u) => u.id).sort()).toEqual(['kyllo', 'nova']);
  });

  it('keeps a person with their memberships in one partition and e-mail addresses unique', async () => {
    const people = createPeopleRepository(db);
    await people.create({ id: 'aino', name: 'Aino Demo', email: 'Aino.Demo@sykli.example', locale: 'fi' });
    await people.addMembership({ personId: 'aino', role: 'supervisor', areaId: 'keski-suomi', unitId: 'nova' });
    await people.addMembership({ personId: 'aino', role: 'coach', areaId: 'keski-suomi', unitId: 'kyllo' });
    await expect(
      people.addMembership({ personId: 'aino', role: 'coach', areaId: 'keski-suomi', unitId: 'kyllo' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await people.findIdByEmail('aino.demo@sykli.example')).toBe('aino');
    const found = await people.getWithMemberships('aino');
    expect(found?.person.name).toBe('Aino Demo');
    expect(found?.memberships).toHaveLength(2);
    await expect(
      people.create({ id: 'aino-2', name: 'Other', email: 'aino.demo@sykli.example', locale: 'sv' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await people.getWithMemberships('aino-2')).toBeUndefined();
    expect((await people.listPeople()).map((p) => p.id)).toEqual(['aino']);
  });

  it('keeps every version of a measure definition and serves the newest as current', async () => {
    const catalogue = createMeasureCatalogueRepository(db);
    const base = {
      key: 't3',
      name: name('T3'),
      definition: name('Kolmanneksi seuraava vapaa aika'),
      type: 'process' as const,
      valueKind: 'days' as const,
      better: 'lower' as const,
      frequency: 'weekly' as const,
      unitLabel: name('vrk'),
      validRange: { min: 0, max: 182 },
      chart: 'i' as const,
      multiply: 1,
      source: 'test',
    };
    await catalogue.addVersion({ ...base, definitionVersion: 1 });
    await catalogue.addVersion({ ...base, definitionVersion: 2, definition: name('Uusi määritelmä') });
    await expect(catalogue.addVersion({ ...base, definitionVersion: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect(await catalogue.listAllVersions()).toHaveLength(2);
    const current = await catalogue.listCurrent();
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ key: 't3', definitionVersion: 2 });
  });

  it('fails loudly on an item that no longer matches its schema', async () => {
    await db.doc.send(
      new PutCommand({ TableName: db.tableName, Item: { ...keys.area('broken'), name: 'not localized', version: 1 } }),
    );
    await expect(createAreaRepository(db).get('broken')).rejects.toThrow(/does not match its schema/);
  });
});
