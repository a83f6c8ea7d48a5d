import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { CatalogueUpdateSchema, catalogueUpdateFor } from '../../domain/catalogue-version.js';
import {
  MIN_PHASE_FIGURES,
  shortBaselineOf,
  shortPhaseOf,
  type ChartPhase,
  type ChartPhaseChanges,
  type NewChartPhase,
  type ShortPhase,
} from '../../domain/chart-phase.js';
import { MAX_EXCLUDED_POINTS, NO_CHART_SETTINGS, type ChartSettings, type ExcludePoint, type FrozenBaseline } from '../../domain/chart-settings.js';
import { isFuturePeriod, periodFrequency } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import { MAX_TRACKED_MEASURES } from '../../domain/measure.js';
import {
  MAX_DEFINITION_VERSIONS,
  UnitMeasureSchema,
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
import { ConflictError, NotFoundError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { TrackedMeasure } from './tracked-measure.js';

/** A tracked measure as the unit's list shows it: with the newer catalogue definition it may move to. */
const UnitMeasureItemSchema = UnitMeasureSchema.extend({ catalogueUpdate: CatalogueUpdateSchema.nullable() });

export const UnitMeasureListSchema = z
  .object({ items: z.array(UnitMeasureItemSchema), can: z.object({ writeFigures: z.boolean(), manageMeasures: z.boolean() }) })
  .meta({ id: 'UnitMeasureList' });

type Deps = {
  unitFor: UnitAccess;
  trackedMeasure: TrackedMeasure;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'writeUnitMeasure' | 'listSeries' | 'listPhases' | 'createPhase' | 'changePhase'>;
  catalogue: Pick<MeasureCatalogueRepository, 'listCurrent'>;
  cycles: Pick<CycleRepository, 'getCycle'>;
};

const tooMany = () =>
  new ConflictError(`A unit can track at most ${MAX_TRACKED_MEASURES} measures; stop tracking one before adding another.`, {
    code: 'measure.tooMany',
    params: { max: MAX_TRACKED_MEASURES },
  });

const periodExample = (frequency: UnitMeasure['frequency']) => (frequency === 'weekly' ? 'week such as 2026-W47' : 'month such as 2026-11');

/** A phase left with too few figures for its centre line and limits: said, not written (issue: phases are governed). */
function tooShort(short: ShortPhase, code: 'phase.tooFewFigures' | 'chart.baselineTooShort'): ConflictError {
  const where = `${short.start ?? 'the first figure'} to before ${short.end}`;
  return new ConflictError(`The phase from ${where} would have ${short.figures} figures; a centre line and limits need at least ${MIN_PHASE_FIGURES}.`, {
    code,
    params: { start: short.start ?? '', end: short.end, figures: short.figures, min: MIN_PHASE_FIGURES },
  });
}

const settingsOf = (measure: UnitMeasure): ChartSettings => measure.chartSettings ?? NO_CHART_SETTINGS;

/** Which measures a unit tracks, their targets and definition versions, and its charts' phases and settings. */
export function unitMeasures(deps: Deps) {
  async function phaseOf(caller: Caller, unitId: string, key: string, startPeriod: string) {
    const unit = await deps.unitFor(caller, unitId, 'measurement:write');
    const measure = await deps.trackedMeasure(unit.id, key);
    const phases = await deps.measurements.listPhases(unit.id, key);
    const before = phases.find((p) => p.startPeriod === startPeriod);
    if (!before) throw new NotFoundError(`The chart of ${key} has no phase starting at ${startPeriod}.`, { code: 'phase.notFound', params: { startPeriod } });
    return { unit, measure, phases, before };
  }

  /** The settings are the tracked measure's: written with its audit entry, and the projection rebuilds the series' snapshot. */
  async function writeSettings(caller: Caller, before: UnitMeasure, chartSettings: ChartSettings, action: string): Promise<UnitMeasure> {
    const after: UnitMeasure = { ...before, chartSettings, updatedAt: new Date().toISOString(), version: before.version + 1 };
    await deps.measurements.writeUnitMeasure(before, after, action, personActor(caller.person));
    return after;
  }

  return {
    async list(caller: Caller, unitId: string) {
      const unit = await deps.unitFor(caller, unitId);
      const can = unitPermissions(caller.principal, unit);
      const [measures, catalogue] = await Promise.all([deps.measurements.listUnitMeasures(unit.id), deps.catalogue.listCurrent()]);
      const items = measures.map((m) => ({ ...m, catalogueUpdate: catalogueUpdateFor(m, catalogue.find((d) => d.key === m.key)) }));
      return { items, can: { writeFigures: can.writeFigures, manageMeasures: can.manageMeasures } };
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

    /**
     * A new definition version of the unit's own measure from a period on (the history is kept). A
     * catalogue measure moves to a catalogue version instead, which starts a chart phase too
     * (catalogue-move.ts).
     */
    async newDefinitionVersion(caller: Caller, unitId: string, key: string, input: NewDefinitionVersion, expectedVersion: number | undefined): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measure:manage');
      const before = await deps.trackedMeasure(unit.id, key);
      // Two people adding a version from one read: the second is stale (412), not a bad period (400).
      checkVersion('measure', before, expectedVersion);
      if (before.source === 'catalogue') {
        throw new ConflictError(`${key} follows the catalogue; move it to a newer catalogue version instead.`, { code: 'measure.followsCatalogue', params: { key } });
      }
      if (before.versions.length >= MAX_DEFINITION_VERSIONS) {
        throw new ConflictError(`${key} has ${MAX_DEFINITION_VERSIONS} definition versions already; add the changed measure under a new key.`, {
          code: 'measure.tooManyVersions',
          params: { key, max: MAX_DEFINITION_VERSIONS },
        });
      }
      if (periodFrequency(input.validFrom) !== before.frequency) throw invalidField('body.validFrom', `a period of the measure's frequency (${before.frequency})`);
      if (!input.fields) throw invalidField('body.fields', "your own measure's new definition: name, definition, value kind, …");
      const next = { fields: input.fields, catalogueVersion: null };
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
      const [figures, phases] = await Promise.all([deps.measurements.listSeries(unit.id, key), deps.measurements.listPhases(unit.id, key)]);
      const short = shortPhaseOf(measure, figures, [...phases, input], [input.startPeriod]);
      if (short) throw tooShort(short, 'phase.tooFewFigures');
      const phase: ChartPhase = { unitId: unit.id, measureKey: key, ...input, createdBy: personActor(caller.person), createdAt: new Date().toISOString(), version: 1 };
      await deps.measurements.createPhase(phase);
      return phase;
    },

    /** A phase's start, reason or cycle changed, with why; a new start may not leave a phase too short. */
    async changePhase(caller: Caller, unitId: string, key: string, startPeriod: string, changes: ChartPhaseChanges): Promise<ChartPhase> {
      const { unit, measure, phases, before } = await phaseOf(caller, unitId, key, startPeriod);
      const start = changes.startPeriod ?? before.startPeriod;
      if (periodFrequency(start) !== measure.frequency) throw invalidField('body.startPeriod', `a ${periodExample(measure.frequency)}, the measure's frequency`);
      if (isFuturePeriod(start, new Date())) throw invalidField('body.startPeriod', 'a past or the current period');
      const others = phases.filter((p) => p.startPeriod !== before.startPeriod);
      if (others.some((p) => p.startPeriod === start)) {
        throw new ConflictError(`A phase starts at ${start} already.`, { code: 'exists', params: { startPeriod: start } });
      }
      const cycleId = changes.cycleId === undefined ? before.cycleId : changes.cycleId;
      if (cycleId && cycleId !== before.cycleId && !(await deps.cycles.getCycle(unit.id, cycleId))) throw invalidField('body.cycleId', `a cycle of unit ${unit.id}`);
      const after: ChartPhase = { ...before, startPeriod: start, reason: changes.reason ?? before.reason, cycleId, version: before.version + 1 };
      if (start !== before.startPeriod) {
        const short = shortPhaseOf(measure, await deps.measurements.listSeries(unit.id, key), [...others, after], [start]);
        if (short) throw tooShort(short, 'phase.tooFewFigures');
      }
      await deps.measurements.changePhase(before, after, changes.why, personActor(caller.person), new Date().toISOString());
      return after;
    },

    /** Removes a phase (the chart joins it to the one before); the reason stays in the audit trail with what the phase was. */
    async removePhase(caller: Caller, unitId: string, key: string, startPeriod: string, why: string): Promise<void> {
      const { before } = await phaseOf(caller, unitId, key, startPeriod);
      await deps.measurements.changePhase(before, null, why, personActor(caller.person), new Date().toISOString());
    },

    /** Freezes the chart's baseline through a period (null: the limits follow every figure again). */
    async freezeBaseline(caller: Caller, unitId: string, key: string, input: FrozenBaseline): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measurement:write');
      const measure = await deps.trackedMeasure(unit.id, key);
      const end = input.baselineEnd;
      if (end) {
        if (periodFrequency(end) !== measure.frequency) throw invalidField('body.baselineEnd', `a ${periodExample(measure.frequency)}, the measure's frequency`);
        if (isFuturePeriod(end, new Date())) throw invalidField('body.baselineEnd', 'a past or the current period');
        const [figures, phases] = await Promise.all([deps.measurements.listSeries(unit.id, key), deps.measurements.listPhases(unit.id, key)]);
        const short = shortBaselineOf(measure, figures, phases, end);
        if (short) throw tooShort(short, 'chart.baselineTooShort');
      }
      return writeSettings(caller, measure, { ...settingsOf(measure), baselineEnd: end }, end ? 'freezeBaseline' : 'unfreezeBaseline');
    },

    /** Leaves one figure out of the chart's centre line, limits and runs, with the reason shown beside it. */
    async excludePoint(caller: Caller, unitId: string, key: string, period: string, input: ExcludePoint): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measurement:write');
      const measure = await deps.trackedMeasure(unit.id, key);
      if (periodFrequency(period) !== measure.frequency) throw invalidField('path.period', `a ${periodExample(measure.frequency)}, the measure's frequency`);
      const figures = await deps.measurements.listSeries(unit.id, key, { from: period, to: period });
      if (figures.length === 0) throw invalidField('path.period', 'a period with a figure: only a figure can be left out');
      const settings = settingsOf(measure);
      const others = settings.excluded.filter((e) => e.period !== period);
      if (others.length >= MAX_EXCLUDED_POINTS) {
        throw new ConflictError(`A chart can leave out at most ${MAX_EXCLUDED_POINTS} figures.`, { code: 'chart.tooManyExcluded', params: { max: MAX_EXCLUDED_POINTS } });
      }
      const excluded = [...others, { period, reason: input.reason }].sort((a, b) => a.period.localeCompare(b.period));
      return writeSettings(caller, measure, { ...settings, excluded }, 'excludePoint');
    },

    /** Counts a left-out figure again; a figure that counts already is left as it is. */
    async includePoint(caller: Caller, unitId: string, key: string, period: string): Promise<UnitMeasure> {
      const unit = await deps.unitFor(caller, unitId, 'measurement:write');
      const measure = await deps.trackedMeasure(unit.id, key);
      const settings = settingsOf(measure);
      if (!settings.excluded.some((e) => e.period === period)) return measure;
      return writeSettings(caller, measure, { ...settings, excluded: settings.excluded.filter((e) => e.period !== period) }, 'includePoint');
    },
  };
}
