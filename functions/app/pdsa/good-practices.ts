import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { can } from '../../domain/access-policy.js';
import { plannedCycle } from '../../domain/cycle.js';
import { GoodPracticeSchema, buildGoodPractices, cycleFromPractice, isPractice } from '../../domain/good-practice.js';
import { IdSchema } from '../../domain/ids.js';
import { LocalizedTextSchema } from '../../domain/localized-text.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';
import { cycleView, type CycleView } from './cycle-view.js';

/** The area's good practices as a person reads them: what they may open, and where they may start a cycle from each. */
export const AreaPracticesViewSchema = z
  .object({
    areaId: IdSchema,
    practices: z.array(
      GoodPracticeSchema.extend({
        startedIn: z.array(GoodPracticeSchema.shape.startedIn.element.extend({ can: z.object({ open: z.boolean() }) })),
        can: z.object({
          /** The cycle and its charts: the practice's own unit's, which not everyone who sees the practice may read. */
          openEvidence: z.boolean(),
          /** The units (other than the practice's own) where the person may start a cycle from it. */
          startIn: z.array(z.object({ unitId: IdSchema, unitName: LocalizedTextSchema })),
        }),
      }),
    ),
  })
  .meta({ id: 'AreaPractices' });
export type AreaPracticesView = z.infer<typeof AreaPracticesViewSchema>;

export const StartFromPracticeSchema = z
  .strictObject({ unitId: IdSchema.meta({ description: "The practice's unit" }), cycleId: IdSchema.meta({ description: "The practice's (adopted) cycle" }) })
  .meta({ id: 'StartFromPractice' });
export type StartFromPractice = z.infer<typeof StartFromPracticeSchema>;

type Deps = {
  unitFor: UnitAccess;
  areas: Pick<AreaRepository, 'get'>;
  units: Pick<UnitRepository, 'get'>;
  cycles: Pick<CycleRepository, 'getCycle' | 'listCyclesFromPractices' | 'write' | 'cycleWrite'>;
  measurements: Pick<MeasurementRepository, 'listAreaStatus' | 'listUnitMeasures'>;
};

/** Good practices across an area: coaches and supervisors learn from every unit of it, not only their own. */
export function goodPractices(deps: Deps) {
  const areaNotFound = (areaId: string) => new NotFoundError(`No area ${areaId} that you can see.`, { code: 'area.notFound', params: { areaId } });

  return {
    async list(caller: Caller, areaId: string): Promise<AreaPracticesView> {
      const { principal } = caller;
      if (!can(principal, { type: 'practice:read', areaId })) throw areaNotFound(areaId);
      const [statuses, started] = await Promise.all([deps.measurements.listAreaStatus(areaId), deps.cycles.listCyclesFromPractices(areaId)]);
      if (statuses.length === 0 && !(await deps.areas.get(areaId))) throw areaNotFound(areaId);
      const readable = (unitId: string) => can(principal, { type: 'pdsa:read', unit: { id: unitId, areaId } });
      const editable = statuses.filter((s) => !s.closed && can(principal, { type: 'pdsa:edit', unit: { id: s.unitId, areaId } }));
      const practices = buildGoodPractices(statuses, started).map((practice) => ({
        ...practice,
        startedIn: practice.startedIn.map((use) => ({ ...use, can: { open: readable(use.unitId) } })),
        can: {
          openEvidence: readable(practice.unitId) && can(principal, { type: 'measurement:read', unit: { id: practice.unitId, areaId } }),
          startIn: editable.filter((s) => s.unitId !== practice.unitId).map((s) => ({ unitId: s.unitId, unitName: s.unitName })),
        },
      }));
      return { areaId, practices };
    },

    /**
     * "Start our own cycle from this": a cycle in planning in `unitId`, pre-filled with the
     * practice's plan and linked back to it; written with its audit entry like any new cycle.
     */
    async start(caller: Caller, unitId: string, from: StartFromPractice): Promise<CycleView> {
      const unit = await deps.unitFor(caller, unitId, 'pdsa:edit');
      const practiceUnit = await deps.units.get(from.unitId);
      const unknown = () => invalidField('body.cycleId', `no good practice ${from.cycleId} of unit ${from.unitId} in area ${unit.areaId}`, { code: 'practice.unknown' });
      // A practice of another area is not offered here: the person may not see it, so it is as unknown.
      if (!practiceUnit || practiceUnit.areaId !== unit.areaId || !can(caller.principal, { type: 'practice:read', areaId: unit.areaId })) throw unknown();
      if (practiceUnit.id === unit.id) throw invalidField('body.unitId', 'a unit starts a cycle from another unit’s practice', { code: 'practice.ownUnit' });
      const source = await deps.cycles.getCycle(practiceUnit.id, from.cycleId);
      if (!source || !isPractice(source)) throw unknown();
      const tracked = new Set((await deps.measurements.listUnitMeasures(unit.id)).map((m) => m.key));
      const draft = cycleFromPractice(
        source,
        { areaId: unit.areaId, unitId: practiceUnit.id, unitName: practiceUnit.name, cycleId: source.id, title: source.title },
        tracked,
      );
      const cycle = plannedCycle(draft, { id: randomUUID(), unitId: unit.id }, new Date());
      await deps.cycles.write([deps.cycles.cycleWrite(null, cycle, 'createFromPractice')], personActor(caller.person));
      return cycleView(caller.principal, unit, cycle);
    },
  };
}
