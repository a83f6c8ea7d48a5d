import { ensureBuiltInCatalogue } from '../../app/organisation/built-in-catalogue.js';
import { ensureFirstAdmin, type FirstAdmin } from '../../app/people/first-admin.js';
import { noIdentityDirectory } from '../../app/people/identity-directory.js';
import type { Db } from '../../store/document-client.js';
import { ensureTable, type TableChange } from '../../store/ensure-table.js';
import { createMeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { createPeopleRepository } from '../../store/people-repository.js';
import { ensureSeededTable } from './seeded-table.js';

/** What the local runtime starts with: the demo organisation, or an empty one with its first admin. */
export type LocalOrganisation = { kind: 'demo' } | { kind: 'empty'; firstAdmin: FirstAdmin };

/**
 * The table for the local runtime. An empty organisation is what a deploy gives a county: the
 * built-in measure catalogue and one admin (on the local sign-in page), who sets up the rest.
 */
export async function ensureOrganisationTable(db: Db, organisation: LocalOrganisation): Promise<{ table: TableChange; contents: string; freshSeed: boolean }> {
  if (organisation.kind === 'demo') {
    const { table, seeded } = await ensureSeededTable(db);
    return { table, contents: `Demo data: ${seeded}`, freshSeed: seeded === 'seeded' };
  }
  const table = await ensureTable(db);
  await ensureBuiltInCatalogue({ catalogue: createMeasureCatalogueRepository(db) })();
  const { personId, created } = await ensureFirstAdmin({ people: createPeopleRepository(db), identities: noIdentityDirectory })(organisation.firstAdmin);
  return { table, contents: `No demo data: an empty organisation, first admin ${personId} ${created ? 'created' : 'exists already'}`, freshSeed: false };
}
