import * as z from 'zod';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { PeriodSchema } from '../../domain/period.js';
import type { PersonSettings } from '../../domain/person.js';
import { digestExecutionName, digestWeek } from '../../domain/weekly-digest.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';
import { requireAllowed } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { NotFoundError, invalidField } from '../errors.js';
import { describeMe, type Me } from '../organisation/me.js';
import type { SignedInPeople } from './signed-in-people.js';

/** What pressing "send the week's digest now" did: the execution started for this ISO week. */
export const DigestStartSchema = z
  .object({ executionName: z.string(), week: PeriodSchema, result: z.enum(['started', 'already-running']) })
  .meta({ id: 'DigestStart' });
export type DigestStart = z.infer<typeof DigestStartSchema>;

/** What the admin sends: the week they mean, which must be this one (a page left open over Sunday night is not). */
export const DigestRunSchema = z.strictObject({ week: PeriodSchema }).meta({ id: 'DigestRun' });

/**
 * An admin sends this week's digest now instead of on Monday morning. Each run is an execution of
 * its own; the people whose digest of the week was sent already get nothing, so pressing it again
 * sends only to those added or back since.
 */
export function runDigest(deps: { workflows: WorkflowStarter }) {
  return async (caller: Caller, request: { week: string }): Promise<DigestStart> => {
    requireAllowed(caller.principal, { type: 'digest:run' }, 'Only admins send the weekly digest by hand.');
    const now = new Date();
    if (request.week !== digestWeek(now)) throw invalidField('body.week', `only this week's digest, ${digestWeek(now)}, can be sent`);
    const executionName = digestExecutionName(now);
    const result = await deps.workflows.start('weeklyDigest', executionName, { scheduledTime: toWorkflowTimestamp(now) });
    return { executionName, week: digestWeek(now), result };
  };
}

/**
 * The signed-in person changes their own settings (the weekly digest on or off). Recorded in the
 * admins' audit trail, as every change to a person is; the same value again changes nothing.
 */
export function changeMySettings(deps: { people: Pick<PeopleRepository, 'getWithMemberships' | 'save'>; signedIn: Pick<SignedInPeople, 'forget'> }) {
  return async (caller: Caller, settings: PersonSettings): Promise<Me> => {
    const found = await deps.people.getWithMemberships(caller.person.id);
    if (!found) throw new NotFoundError(`No person ${caller.person.id}.`, { code: 'person.notFound', params: { personId: caller.person.id } });
    const before = found.person;
    if ((before.digest !== false) === settings.digest) return describeMe({ ...caller, person: before });
    const after = { ...before, digest: settings.digest, version: before.version + 1 };
    await deps.people.save(before, after, 'update', { actor: personActor(before), at: new Date().toISOString() });
    deps.signedIn.forget(before.email);
    return describeMe({ ...caller, person: after });
  };
}
