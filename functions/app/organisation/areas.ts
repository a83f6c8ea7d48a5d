import { can, reachableAreaIds, visibleUnitsOfArea, type Principal } from '../../domain/access-policy.js';
import type { Area } from '../../domain/area.js';
import type { Unit } from '../../domain/unit.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';

type Deps = { areas: Pick<AreaRepository, 'list' | 'get'>; units: Pick<UnitRepository, 'listByArea' | 'getMany'> };

/** An area the person may not see is answered exactly like one that does not exist. */
export function areaAccess(deps: Pick<Deps, 'areas'>) {
  return async (principal: Principal, areaId: string): Promise<Area> => {
    const area = can(principal, { type: 'area:read', areaId }) ? await deps.areas.get(areaId) : undefined;
    if (!area) throw new NotFoundError(`No area ${areaId} that you can see.`, { code: 'area.notFound', params: { areaId } });
    return area;
  };
}

/** The areas (wellbeing services counties) and their units, as far as the person may see them. */
export function areas(deps: Deps) {
  const areaFor = areaAccess(deps);
  return {
    async list(caller: Caller): Promise<Area[]> {
      const reachable = reachableAreaIds(caller.principal);
      const all = await deps.areas.list();
      return reachable === 'all' ? all : all.filter((area) => reachable.has(area.id));
    },

    get: (caller: Caller, areaId: string) => areaFor(caller.principal, areaId),

    /** Leaders and admins page through every unit; coaches and supervisors get their own few in one page. */
    async units(caller: Caller, areaId: string, page: { limit?: number; cursor?: string }): Promise<{ items: Unit[]; nextCursor: string | null }> {
      await areaFor(caller.principal, areaId);
      const visible = visibleUnitsOfArea(caller.principal, areaId);
      if (visible === 'all') return deps.units.listByArea(areaId, { limit: page.limit ?? 50, cursor: page.cursor });
      const items = (await deps.units.getMany(visible)).sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi'));
      return { items, nextCursor: null };
    },
  };
}
