import * as z from 'zod';
import { startsNoEarlier } from '../../domain/catalogue-version.js';
import { PeriodSchema, periodFrequency } from '../../domain/period.js';
import { MAX_DEFINITION_VERSIONS, currentVersion, fieldsOf, withNewVersion, type UnitMeasure } from '../../domain/unit-measure.js';
import type { MeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { TrackedMeasure } from './tracked-measure.js';

/** A unit's move to a catalogue definition version, from a period of the unit's choosing. */
export const CatalogueMoveSchema = z
  .strictObject({ catalogueVersion: z.number().int().min(2), validFrom: PeriodSchema })
  .meta({ id: 'CatalogueMove' });
export type CatalogueMove = z.infer<typeof CatalogueMoveSchema>;

type Deps = {
  unitFor: UnitAccess;
  trackedMeasure: TrackedMeasure;
  measurements: Pick<MeasurementRepository, 'writeUnitMeasure'>;
  catalogue: Pick<MeasureCatalogueRepository, 'listAllVersions'>;
};

/**
 * Moves a unit's catalogue measure to a newer catalogue definition: a new definition version of the
 * unit's measure from the chosen period, with the catalogue's "what changed" as its reason, written
 * with its entry in the unit's audit trail. Its chart starts a new phase there with that reason, as
 * at every definition version (series-analysis.ts), so figures counted two ways never share a
 * centre line; a stored chart phase beside it would be the same phase twice.
 */
export function moveToCatalogueVersion(deps: Deps) {
  return async (caller: Caller, unitId: string, key: string, input: CatalogueMove, expectedVersion: number | undefined): Promise<UnitMeasure> => {
    const unit = await deps.unitFor(caller, unitId, 'measure:manage');
    const before = await deps.trackedMeasure(unit.id, key);
    checkVersion('measure', before, expectedVersion);
    if (before.source !== 'catalogue') {
      throw new ConflictError(`${key} is the unit's own measure; it does not follow the catalogue.`, { code: 'measure.notFromCatalogue', params: { key } });
    }
    const target = (await deps.catalogue.listAllVersions()).find((d) => d.key === key && d.definitionVersion === input.catalogueVersion);
    if (!target?.change) throw invalidField('body.catalogueVersion', `the catalogue has no version ${input.catalogueVersion} of ${key}`, { code: 'reference.unknown' });
    const following = currentVersion(before).catalogueVersion ?? 0;
    if (target.definitionVersion <= following) {
      throw new ConflictError(`${key} follows catalogue version ${following} already.`, { code: 'measure.noNewerDefinition', params: { key } });
    }
    if (before.versions.length >= MAX_DEFINITION_VERSIONS) {
      throw new ConflictError(`${key} has ${MAX_DEFINITION_VERSIONS} definition versions already; add the changed measure under a new key.`, {
        code: 'measure.tooManyVersions',
        params: { key, max: MAX_DEFINITION_VERSIONS },
      });
    }
    if (periodFrequency(input.validFrom) !== before.frequency) throw invalidField('body.validFrom', `a period of the measure's frequency (${before.frequency})`);
    if (!startsNoEarlier(input.validFrom, target.change.validFrom)) {
      throw invalidField('body.validFrom', `${target.change.validFrom} or later, where the catalogue version starts`, {
        code: 'catalogue.moveTooEarly',
        params: { validFrom: target.change.validFrom },
      });
    }
    const changed = withNewVersion(before, { validFrom: input.validFrom, reason: target.change.reason, fields: fieldsOf(target), catalogueVersion: target.definitionVersion });
    if ('error' in changed) throw invalidField('body.validFrom', changed.error);
    const after: UnitMeasure = { ...changed, updatedAt: new Date().toISOString(), version: before.version + 1 };
    await deps.measurements.writeUnitMeasure(before, after, 'moveToCatalogueVersion', personActor(caller.person));
    return after;
  };
}
