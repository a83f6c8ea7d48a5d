import type { Principal } from '../domain/access-policy.js';
import type { Actor } from '../domain/audit.js';
import type { Person } from '../domain/person.js';

/** Who asks: the signed-in person and their memberships, as the API authenticated them. */
export type Caller = { principal: Principal; person: Person };

export const personActor = (person: Pick<Person, 'id' | 'name'>): Actor => ({ type: 'person', personId: person.id, name: person.name });
