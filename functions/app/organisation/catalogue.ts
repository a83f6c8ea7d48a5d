import type { MeasureDefinition } from '../../domain/measure.js';
import type { MeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { requireAllowed } from '../access.js';
import type { Caller } from '../caller.js';

/** The measure catalogue: the current definition of each measure, for anyone with a role somewhere. */
export function catalogue(deps: { catalogue: Pick<MeasureCatalogueRepository, 'listCurrent'> }) {
  return async (caller: Caller): Promise<MeasureDefinition[]> => {
    requireAllowed(caller.principal, { type: 'catalogue:read' }, 'You have no role in any unit yet; ask an admin to add you.');
    return (await deps.catalogue.listCurrent()).sort((a, b) => a.key.localeCompare(b.key));
  };
}
