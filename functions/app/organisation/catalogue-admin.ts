import { diffFields } from '../../domain/audit.js';
import { catalogueEntries, nextCatalogueVersion, type CatalogueEntry, type NewCatalogueMeasure, type NewCatalogueVersion } from '../../domain/catalogue-version.js';
import { MeasureDefinitionSchema, type MeasureDefinition } from '../../domain/measure.js';
import type { MeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { requireAllowed } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, invalidField } from '../errors.js';

type Deps = { catalogue: Pick<MeasureCatalogueRepository, 'listAllVersions' | 'publishVersion'> };

/**
 * The admin's measure catalogue: every definition with its history, new measures and new
 * definition versions. Each change goes to the admins' audit trail in its own transaction; units
 * then move to a new version when they choose (app/measurements/catalogue-move.ts).
 */
export function catalogueAdministration(deps: Deps) {
  const requireAdmin = (caller: Caller) => requireAllowed(caller.principal, { type: 'catalogue:manage' }, 'Only admins change the measure catalogue.');
  const trailOf = (caller: Caller, at: string) => ({ actor: personActor(caller.person), at });

  return {
    async list(caller: Caller): Promise<CatalogueEntry[]> {
      requireAdmin(caller);
      return catalogueEntries(await deps.catalogue.listAllVersions());
    },

    async addMeasure(caller: Caller, input: NewCatalogueMeasure): Promise<CatalogueEntry> {
      requireAdmin(caller);
      const all = await deps.catalogue.listAllVersions();
      if (all.some((d) => d.key === input.key)) {
        throw new ConflictError(`The catalogue has a measure ${input.key} already.`, { code: 'catalogue.keyTaken', params: { key: input.key } });
      }
      const measure = MeasureDefinitionSchema.parse({ ...input, definitionVersion: 1, version: 1 });
      const at = new Date().toISOString();
      await deps.catalogue.publishVersion(measure, { action: 'create', changes: diffFields({}, measure, ['version', 'key']) }, trailOf(caller, at));
      return { key: measure.key, current: measure, versions: [measure] };
    },

    /** A new definition version of a catalogue measure: the changed fields, what changed in words and the first period. */
    async publishVersion(caller: Caller, key: string, input: NewCatalogueVersion): Promise<CatalogueEntry> {
      requireAdmin(caller);
      const entry = catalogueEntries(await deps.catalogue.listAllVersions()).find((e) => e.key === key);
      if (!entry) throw new NotFoundError(`The catalogue has no measure ${key}.`, { code: 'catalogue.notFound', params: { key } });
      const at = new Date().toISOString();
      const next = nextCatalogueVersion(entry.current, input, { at, personId: caller.person.id, name: caller.person.name });
      if ('refused' in next) {
        if (next.refused === 'nothingChanged') throw invalidField('body.changes', next.message, { code: 'catalogue.nothingChanged' });
        throw invalidField('body.validFrom', next.message, { code: 'catalogue.validFrom' });
      }
      await deps.catalogue.publishVersion(next, { action: 'publishVersion', changes: versionChanges(entry.current, next) }, trailOf(caller, at));
      return { key, current: next, versions: [...entry.versions, next] };
    },
  };
}
export type CatalogueAdministration = ReturnType<typeof catalogueAdministration>;

/** For the audit trail: the version number, each changed field from what to what, and why and from when. */
function versionChanges(before: MeasureDefinition, after: MeasureDefinition) {
  const fields = after.change!.changedFields;
  return [
    { field: 'definitionVersion', from: before.definitionVersion, to: after.definitionVersion },
    ...fields.map((field) => ({ field, from: before[field as keyof MeasureDefinition], to: after[field as keyof MeasureDefinition] })),
    { field: 'reason', from: null, to: after.change!.reason },
    { field: 'validFrom', from: null, to: after.change!.validFrom },
  ];
}
