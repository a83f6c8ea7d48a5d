import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { type ChartPhase, type NewChartPhase } from '../../domain/chart-phase.js';
import { isFuturePeriod, periodFrequency } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import { MAX_TRACKED_MEASURES } from '../../domain/measure.js';
import {
  MAX_DEFINITION_VERSIONS,
  UnitMeasureSchema,
  currentVersion,
  fieldsOf,
  isTracked,
  withNewVersion,
  type NewDefinitionVersion,
  type NewUnitMeasure,
  type UnitMeasure,
  type UnitMeasureChanges,
} from '../../domain/unit-measure.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { TrackedMeasure } from './tracked-measure.js';

export const UnitMeasureListSchema = z
  .object({ items: z.array(UnitMeasureSchema), can: z.object({ writeFigures: z.boolean(), manageMeasures: z.boolean() }) })
  .meta({ id: 'UnitMeasureList' });

type Deps = {
  unitFor: UnitAccess;
  trackedMeasure: TrackedMeasure;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'writeUnitMeasure' | 'listSeries' | 'listPhases' | 'createPhase'>;
  catalogue: Pick<MeasureCatalogueRepository, 'listCurrent'>;
  cycles: Pick<CycleRepository, 'getCycle'>;
};

const tooMany = () =>
  new ConflictError(`A unit can track at most ${MAX_TRACKED_MEASURES} measures; stop tracking one before adding another.`, {
    code: 'measure.tooMany',
    params: { max: MAX_TRACKED_MEASURES },
  });

const periodExample = (frequency: UnitMeasure['frequency']) => (frequency === 'weekly' ? 'week such as 2026-W47' : 'month such as 2026-11');

/** Which measures a unit tracks, their targets and definition versions, and its charts' phases. */
export function unitMeasures(deps: Deps) {
  return {
    async list(caller: Caller, unitId: string) {
      const unit = await deps.unitFor(caller, unitId);
      const can = unitPermissions(caller.principal, unit);
      return { items: await deps.measurements.listUnitMeasures(unit.id), can: { writeFigures: can.writeFigures, manageMeasures: can.manageMeasures } };
    },

    /** Tracks a catalogue measure, or adds the unit's own measure with its own definition. */
    async track(caller: Caller, unitId: string, input: NewUnitMeasure): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measure:manage');
      const tracked = await deps.measurements.listUnitMeasures(unit.id);
      if (tracked.some((m) => m.key === input.key)) {
        throw new ConflictError(`Unit ${unit.id} tracks ${input.key} already.`, { code: 'exists', params: { key: input.key } });
      }
      if (tracked.filter(isTracked).length >= MAX_TRACKED_MEASURES) throw tooMany();
      const catalogue = await deps.catalogue.listCurrent();
      const inCatalogue = catalogue.find((m) => m.key === input.key);
      const now = new Date().toISOString();
      let measure: UnitMeasure;
      if (input.source === 'catalogue') {
        if (!inCatalogue) throw invalidField('body.key', `the catalogue has no measure ${input.key}; choose one of ${catalogue.map((m) => m.key).sort().join(', ')}`);
        const frequency = input.frequency ?? inCatalogue.frequency;
        const validFrom = input.validFrom ?? duePeriod(frequency, new Date());
        if (periodFrequency(validFrom) !== frequency) throw invalidField('body.validFrom', `a ${periodExample(frequency)}`);
        measure = {
          unitId: unit.id, key: input.key, source: 'catalogue', frequency, target: input.target,
          versions: [{ definitionVersion: 1, validFrom, catalogueVersion: inCatalogue.definitionVersion, fields: fieldsOf(inCatalogue), reason: '' }],
          createdAt: now, updatedAt: now, version: 1,
        };
      } else {
        if (inCatalogue) throw invalidField('body.key', `${input.key} is a catalogue measure; give your own measure another key`);
        const validFrom = input.validFrom ?? duePeriod(input.frequency, new Date());
        if (periodFrequency(validFrom) !== input.frequency) throw invalidField('body.validFrom', `a period of the measure's frequency (${input.frequency})`);
        measure = {
          unitId: unit.id, key: input.key, source: 'custom', frequency: input.frequency, target: input.target,
          versions: [{ definitionVersion: 1, validFrom, catalogueVersion: null, fields: input.fields, reason: '' }],
          createdAt: now, updatedAt: now, version: 1,
        };
      }
      await deps.measurements.writeUnitMeasure(null, measure, 'create', personActor(caller.person));
      return measure;
    },

    /**
     * A tracked measure's target, its frequency while it has no figures, or whether the unit tracks
     * it at all: stopping keeps its figures and chart, and taking it back continues the same series.
     */
    async change(caller: Caller, unitId: string, key: string, changes: UnitMeasureChanges, expectedVersion: number | undefined): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measure:manage');
      const before = await deps.trackedMeasure(unit.id, key);
      // A request made against an old version is stale whatever it asks: 412 before any other answer.
      checkVersion('measure', before, expectedVersion);
      let after: UnitMeasure = { ...before };
      if (changes.target !== undefined) after.target = changes.target;
      let action = 'update';
      if (changes.tracked === false && isTracked(before)) {
        after.stoppedAt = new Date().toISOString();
        action = 'stopTracking';
      } else if (changes.tracked === true && !isTracked(before)) {
        const measures = await deps.measurements.listUnitMeasures(unit.id);
        if (measures.filter(isTracked).length >= MAX_TRACKED_MEASURES) throw tooMany();
        delete after.stoppedAt;
        action = 'resumeTracking';
      }
      if (changes.frequency && changes.frequency !== before.frequency) {
        const figures = await deps.measurements.listSeries(unit.id, key);
        if (figures.length > 0) {
          throw new ConflictError('The series has figures already, and weeks and months do not mix in one chart: add the measure again under another key, or keep the frequency.', {
            code: 'measure.frequencyFixed',
          });
        }
        const validFrom = duePeriod(changes.frequency, new Date());
        after = { ...after, frequency: changes.frequency, versions: after.versions.map((v) => ({ ...v, validFrom })) };
      }
      after = { ...after, updatedAt: new Date().toISOString(), version: before.version + 1 };
      await deps.measurements.writeUnitMeasure(before, after, action, personActor(caller.person));
      return after;
    },

    /** A new definition version from a period on (the history is kept); a catalogue measure follows the catalogue's latest. */
    async newDefinitionVersion(caller: Caller, unitId: string, key: string, input: NewDefinitionVersion, expectedVersion: number | undefined): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measure:manage');
      const before = await deps.trackedMeasure(unit.id, key);
      // Two people adding a version from one read: the second is stale (412), not a bad period (400).
      checkVersion('measure', before, expectedVersion);
      if (before.versions.length >= MAX_DEFINITION_VERSIONS) {
        throw new ConflictError(`${key} has ${MAX_DEFINITION_VERSIONS} definition versions already; add the changed measure under a new key.`, {
          code: 'measure.tooManyVersions',
          params: { key, max: MAX_DEFINITION_VERSIONS },
        });
      }
      if (periodFrequency(input.validFrom) !== before.frequency) throw invalidField('body.validFrom', `a period of the measure's frequency (${before.frequency})`);
      let next: { fields: UnitMeasure['versions'][number]['fields']; catalogueVersion: number | null };
      if (before.source === 'custom') {
        if (!input.fields) throw invalidField('body.fields', "your own measure's new definition: name, definition, value kind, …");
        next = { fields: input.fields, catalogueVersion: null };
      } else {
        if (input.fields) throw invalidField('body.fields', 'a catalogue measure follows the catalogue; leave fields out');
        const latest = (await deps.catalogue.listCurrent()).find((m) => m.key === key);
        const current = currentVersion(before).catalogueVersion ?? 0;
        if (!latest || latest.definitionVersion <= current) {
          throw new ConflictError(`The catalogue has no newer definition of ${key} than version ${current}.`, { code: 'measure.noNewerDefinition' });
        }
        next = { fields: fieldsOf(latest), catalogueVersion: latest.definitionVersion };
      }
      const changed = withNewVersion(before, { validFrom: input.validFrom, reason: input.reason, ...next });
      if ('error' in changed) throw invalidField('body.validFrom', changed.error);
      const after: UnitMeasure = { ...changed, updatedAt: new Date().toISOString(), version: before.version + 1 };
      await deps.measurements.writeUnitMeasure(before, after, 'newDefinitionVersion', personActor(caller.person));
      return after;
    },

    async phases(caller: Caller, unitId: string, key: string): Promise<ChartPhase[]> {
      const unit = await deps.unitFor(caller, unitId);
      await deps.trackedMeasure(unit.id, key);
      return deps.measurements.listPhases(unit.id, key);
    },

    /** A new chart phase from a period on, with the reason (normally an adopted change). */
    async addPhase(caller: Caller, unitId: string, key: string, input: NewChartPhase): Promise<ChartPhase> {
      const unit = await deps.unitFor(caller, unitId, 'measurement:write');
      const measure = await deps.trackedMeasure(unit.id, key);
      if (periodFrequency(input.startPeriod) !== measure.frequency) {
        throw invalidField('body.startPeriod', `a ${periodExample(measure.frequency)}, the measure's frequency`);
      }
      if (isFuturePeriod(input.startPeriod, new Date())) throw invalidField('body.startPeriod', 'a past or the current period');
      if (input.cycleId && !(await deps.cycles.getCycle(unit.id, input.cycleId))) throw invalidField('body.cycleId', `a cycle of unit ${unit.id}`);
      const phase: ChartPhase = { unitId: unit.id, measureKey: key, ...input, createdBy: personActor(caller.person), createdAt: new Date().toISOString(), version: 1 };
      await deps.measurements.createPhase(phase);
      return phase;
    },
  };
}
