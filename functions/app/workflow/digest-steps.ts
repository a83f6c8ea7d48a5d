import { areasWithRole, unitsWithRole } from '../../domain/access-policy.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import { wantsDigest, type Person } from '../../domain/person.js';
import { areaDigest, coachDigest, digestWeek, digestWindow, type WeeklyDigest } from '../../domain/weekly-digest.js';
import type { DigestMail } from '../../notify/digest-mail.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { DigestRepository } from '../../store/digest-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import type { Caller } from '../caller.js';
import { areaBriefing } from '../leadership/area-briefing.js';
import { agenda } from '../pdsa/agenda.js';

export type DigestStepDeps = {
  areas: Pick<AreaRepository, 'get' | 'lastBriefingMarker'>;
  units: Pick<UnitRepository, 'listAllOfArea'>;
  people: Pick<PeopleRepository, 'listPeople' | 'getWithMemberships'>;
  cycles: Pick<CycleRepository, 'listScheduledReviewsOfCoach' | 'listCycles' | 'listReviews' | 'getCycle'>;
  measurements: Pick<MeasurementRepository, 'listAreaStatus' | 'listUnitMeasures' | 'readSeries'>;
  digests: Pick<DigestRepository, 'claim' | 'markSent'>;
  digestMail: DigestMail;
  metrics: BusinessMetrics;
};

/** Whom a digest is for: an active person who has not turned it off, whose mail arrives. */
const reachable = (person: Person) => !person.deactivatedAt && !person.undeliverable && wantsDigest(person);

/**
 * The steps of the weekly-digest state machine. The digest is built from the same use cases as the
 * person's own screens (the coach's agenda, the area briefing), read with the person's own
 * permissions, so it never tells more than they could see. Idempotent per person and week: the
 * digest is claimed with a conditional put before it is sent and marked sent after.
 */
export function digestSteps(deps: DigestStepDeps) {
  const agendaOf = agenda(deps);
  const briefingOf = areaBriefing(deps);

  async function build(caller: Caller, scheduledTime: Date): Promise<WeeklyDigest> {
    const window = digestWindow(scheduledTime);
    const coachedUnitIds = unitsWithRole(caller.principal, 'coach');
    const ledAreaIds = areasWithRole(caller.principal, 'leader');
    const coachedAreaIds = areasWithRole(caller.principal, 'coach');
    const briefings = new Map(
      await Promise.all([...new Set([...ledAreaIds, ...coachedAreaIds])].map(async (areaId) => [areaId, await briefingOf(caller, areaId, window)] as const)),
    );
    let coach: WeeklyDigest['coach'] = null;
    if (coachedUnitIds.length > 0) {
      const found = await agendaOf(caller);
      const reviews = [...found.upcoming, ...found.overdue];
      const cycles = await Promise.all(reviews.map((r) => deps.cycles.getCycle(r.unitId, r.cycleId)));
      const unitNames = new Map<string, LocalizedText>([...briefings.values()].flatMap((b) => b.units.map((u) => [u.unitId, u.unitName] as const)));
      coach = coachDigest({
        agenda: found,
        briefings: coachedAreaIds.map((id) => briefings.get(id)!),
        coachedUnitIds,
        unitNames,
        cycleTitles: new Map(cycles.flatMap((c) => (c ? [[c.id, c.title] as const] : []))),
        now: scheduledTime,
      });
    }
    const areas = await Promise.all(
      ledAreaIds.map(async (areaId) => {
        const area = await deps.areas.get(areaId);
        return areaDigest({ id: areaId, name: area?.name ?? { fi: areaId, sv: areaId, en: areaId } }, briefings.get(areaId)!);
      }),
    );
    return { week: digestWeek(scheduledTime), coach, areas };
  }

  return {
    /** The people to send the week's digest to: coaches and area leaders who get it. Ids only. */
    async findDigestRecipients({ scheduledTime }: { scheduledTime: string }) {
      const people = (await deps.people.listPeople()).filter(reachable);
      const withRoles = await Promise.all(people.map((p) => deps.people.getWithMemberships(p.id)));
      const personIds = withRoles.flatMap((found) => (found && found.memberships.some((m) => m.role === 'coach' || m.role === 'leader') ? [found.person.id] : []));
      return { week: digestWeek(new Date(scheduledTime)), personIds, count: personIds.length };
    },

    /** One person's digest of the week, unless it was sent already or they have turned it off since. */
    async sendDigest(input: { personId: string; scheduledTime: string; executionName: string }) {
      const scheduledTime = new Date(input.scheduledTime);
      const week = digestWeek(scheduledTime);
      const found = await deps.people.getWithMemberships(input.personId);
      if (!found || !reachable(found.person)) return { personId: input.personId, sent: false };
      const caller: Caller = { person: found.person, principal: { personId: found.person.id, memberships: found.memberships } };
      const digest = await build(caller, scheduledTime);
      const claimed = await deps.digests.claim({ week, personId: input.personId, claimedBy: input.executionName, at: new Date().toISOString() });
      if (claimed === 'taken') return { personId: input.personId, sent: false };
      await deps.digestMail.send(found.person, digest);
      await deps.digests.markSent(week, input.personId, new Date().toISOString());
      deps.metrics.count('DigestsSent', 1);
      return { personId: input.personId, sent: true };
    },
  };
}
