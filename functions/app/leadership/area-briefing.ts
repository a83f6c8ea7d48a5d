import * as z from 'zod';
import { can, seesWholeArea } from '../../domain/access-policy.js';
import { briefingLanguagesOf } from '../../domain/area.js';
import { AreaBriefingSchema, BriefingMarkerSchema, briefingWindow, briefingWindowProblem, buildUnitBriefing, type AreaBriefing, type BriefingMarker } from '../../domain/area-briefing.js';
import type { PredictedSeries } from '../../domain/study-verdict.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';
import { requireAllowed } from '../access.js';

type Deps = {
  areas: Pick<AreaRepository, 'get' | 'lastBriefingMarker'>;
  units: Pick<UnitRepository, 'listAllOfArea'>;
  cycles: Pick<CycleRepository, 'listCycles'>;
  measurements: Pick<MeasurementRepository, 'listAreaStatus' | 'listUnitMeasures' | 'readSeries'>;
};

/** The briefing as a person reads it: whether they may mark it presented. */
export const AreaBriefingViewSchema = AreaBriefingSchema.extend({ can: z.object({ markPresented: z.boolean() }) }).meta({ id: 'AreaBriefingView' });
export type AreaBriefingView = z.infer<typeof AreaBriefingViewSchema>;

const areaNotFound = (areaId: string) => new NotFoundError(`No area ${areaId} that you can see.`, { code: 'area.notFound', params: { areaId } });

/**
 * The status-meeting briefing of an area between two dates (domain/area-briefing.ts), over the units
 * the person may see; by default since the day it was last presented; in each of the area's official
 * languages (a bilingual area's is printed in Finnish and Swedish). Read on demand for a meeting:
 * one read of the area, one Query for the last marker, and per unit one Query for its measures, one per measure's chart
 * and one for its cycles.
 */
export function areaBriefing(deps: Deps) {
  return async (caller: Caller, areaId: string, query: { from?: string; to?: string }): Promise<AreaBriefingView> => {
    const { principal } = caller;
    if (!can(principal, { type: 'area:read', areaId })) throw areaNotFound(areaId);
    const now = new Date();
    const [area, units, statuses, marker] = await Promise.all([
      deps.areas.get(areaId),
      deps.units.listAllOfArea(areaId),
      deps.measurements.listAreaStatus(areaId),
      deps.areas.lastBriefingMarker(areaId),
    ]);
    const window = briefingWindow(query, now, marker?.presentedAt);
    const problem = briefingWindowProblem(window);
    if (problem) throw invalidField('query.from', problem);
    if (!area) throw new NotFoundError(`No area ${areaId}.`, { code: 'area.notFound', params: { areaId } });
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
    const lastPresented = marker ? { areaId, presentedAt: marker.presentedAt, from: marker.from, to: marker.to, by: marker.by } : null;
    const briefing: AreaBriefing = { areaId, languages: briefingLanguagesOf(area), ...window, units: briefed.sort((a, b) => a.unitName.fi.localeCompare(b.unitName.fi, 'fi')), lastPresented };
    return { ...briefing, can: { markPresented: can(principal, { type: 'briefing:present', areaId }) } };
  };
}

export const MarkPresentedSchema = BriefingMarkerSchema.pick({ from: true, to: true }).strict().meta({ id: 'MarkBriefingPresented' });
export type MarkPresented = z.infer<typeof MarkPresentedSchema>;

/** "Merkitse esitetyksi": the area's leadership marks the briefing presented; the next one starts from today. Audited. */
export function markBriefingPresented(deps: { areas: Pick<AreaRepository, 'get' | 'addBriefingMarker'> }) {
  return async (caller: Caller, areaId: string, window: MarkPresented): Promise<BriefingMarker> => {
    if (!can(caller.principal, { type: 'area:read', areaId }) || !(await deps.areas.get(areaId))) throw areaNotFound(areaId);
    requireAllowed(caller.principal, { type: 'briefing:present', areaId }, "Only the area's leadership marks its briefing presented.");
    const problem = briefingWindowProblem(window);
    if (problem) throw invalidField('body.from', problem);
    const at = new Date().toISOString();
    const marker: BriefingMarker = { areaId, presentedAt: at, from: window.from, to: window.to, by: { personId: caller.person.id, name: caller.person.name }, version: 1 };
    return deps.areas.addBriefingMarker(marker, { actor: personActor(caller.person), at });
  };
}
