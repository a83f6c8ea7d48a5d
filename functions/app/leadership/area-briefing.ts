import { can, seesWholeArea } from '../../domain/access-policy.js';
import { briefingWindow, briefingWindowProblem, buildUnitBriefing, type AreaBriefing } from '../../domain/area-briefing.js';
import type { PredictedSeries } from '../../domain/study-verdict.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';

type Deps = {
  areas: Pick<AreaRepository, 'get'>;
  units: Pick<UnitRepository, 'listAllOfArea'>;
  cycles: Pick<CycleRepository, 'listCycles'>;
  measurements: Pick<MeasurementRepository, 'listAreaStatus' | 'listUnitMeasures' | 'readSeries'>;
};

/**
 * The status-meeting briefing of an area between two dates (domain/area-briefing.ts), over the units
 * the person may see. Read on demand for a meeting: per unit one Query for its measures, one per
 * measure's chart and one for its cycles.
 */
export function areaBriefing(deps: Deps) {
  return async (caller: Caller, areaId: string, query: { from?: string; to?: string }): Promise<AreaBriefing> => {
    const { principal } = caller;
    if (!can(principal, { type: 'area:read', areaId })) throw new NotFoundError(`No area ${areaId} that you can see.`, { code: 'area.notFound', params: { areaId } });
    const now = new Date();
    const window = briefingWindow(query, now);
    const problem = briefingWindowProblem(window);
    if (problem) throw invalidField('query.from', problem);
    const [units, statuses] = await Promise.all([deps.units.listAllOfArea(areaId), deps.measurements.listAreaStatus(areaId)]);
    if (units.length === 0 && !(await deps.areas.get(areaId))) throw new NotFoundError(`No area ${areaId}.`, { code: 'area.notFound', params: { areaId } });
    const visible = seesWholeArea(principal, areaId) ? units : units.filter((unit) => can(principal, { type: 'unit:read', unit: { id: unit.id, areaId } }));
    const briefed = await Promise.all(
      visible.map(async (unit) => {
        const [measures, cycles] = await Promise.all([deps.measurements.listUnitMeasures(unit.id), deps.cycles.listCycles(unit.id)]);
        const series = new Map<string, PredictedSeries>(
          await Promise.all(
            measures.map(async (measure) => {
              const { figures, phases } = await deps.measurements.readSeries(unit.id, measure.key);
              return [measure.key, { measure, figures, phases }] as const;
            }),
          ),
        );
        const status = statuses.find((s) => s.unitId === unit.id);
        return buildUnitBriefing({ unit: { id: unit.id, name: unit.name }, status, series, cycles }, window, now);
      }),
    );
    return { areaId, ...window, units: briefed.sort((a, b) => a.unitName.fi.localeCompare(b.unitName.fi, 'fi')) };
  };
}
