import * as z from 'zod';
import { can, seesWholeArea } from '../../domain/access-policy.js';
import { AreaOverviewSchema, OverviewUnitSchema, buildAreaOverview, serialiseOverviewCsv, type AreaOverview } from '../../domain/area-overview.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { Locale } from '../../domain/localized-text.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';

/** The overview as a person reads it: each unit row says whether they may confirm its progress score. */
export const AreaOverviewViewSchema = AreaOverviewSchema.extend({
  units: z.array(OverviewUnitSchema.extend({ can: z.object({ confirmProgress: z.boolean() }) })),
}).meta({ id: 'AreaOverviewView' });
export type AreaOverviewView = z.infer<typeof AreaOverviewViewSchema>;

/**
 * Leadership's view of an area: every unit against the measures it tracks, with scores, cycles,
 * completeness and what needs attention. Reads the area's status items with one Query, never a
 * Query per unit.
 */
export function areaOverview(deps: { measurements: Pick<MeasurementRepository, 'listAreaStatus'>; areas: Pick<AreaRepository, 'get'> }) {
  async function overview(caller: Caller, areaId: string): Promise<AreaOverview> {
    const { principal } = caller;
    if (!can(principal, { type: 'area:read', areaId })) throw new NotFoundError(`No area ${areaId} that you can see.`, { code: 'area.notFound', params: { areaId } });
    const items = (await deps.measurements.listAreaStatus(areaId)).filter((item) => !item.closed);
    // Only an admin reaches an area without being in it: one with no units may not exist at all.
    if (items.length === 0 && !(await deps.areas.get(areaId))) throw new NotFoundError(`No area ${areaId}.`, { code: 'area.notFound', params: { areaId } });
    // Leaders and admins see every unit; a coach or supervisor only the units they work in.
    const visible = seesWholeArea(principal, areaId) ? items : items.filter((item) => can(principal, { type: 'unit:read', unit: { id: item.unitId, areaId } }));
    return buildAreaOverview(areaId, visible, new Date());
  }

  return {
    async overview(caller: Caller, areaId: string): Promise<AreaOverviewView> {
      const built = await overview(caller, areaId);
      const confirmable = (unitId: string) => can(caller.principal, { type: 'progress:confirm', unit: { id: unitId, areaId } });
      return { ...built, units: built.units.map((unit) => ({ ...unit, can: { confirmProgress: confirmable(unit.unitId) } })) };
    },
    async csv(caller: Caller, areaId: string, locale: Locale): Promise<{ filename: string; text: string }> {
      return { filename: `sykli-${areaId}-${helsinkiDate(new Date())}.csv`, text: serialiseOverviewCsv(await overview(caller, areaId), locale) };
    },
  };
}
