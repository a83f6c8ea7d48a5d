import { unitsWithRole } from '../../domain/access-policy.js';
import { coachAgenda, type CoachAgenda } from '../../domain/coach-agenda.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { Caller } from '../caller.js';

/** The signed-in coach's agenda: reviews coming up, overdue reviews, studies due with no review and late figures, in the units they coach. */
export function agenda(deps: {
  cycles: Pick<CycleRepository, 'listScheduledReviewsOfCoach' | 'listCycles' | 'listReviews'>;
  measurements: Pick<MeasurementRepository, 'listAreaStatus'>;
}) {
  return async (caller: Caller): Promise<CoachAgenda> => {
    const coachId = caller.person.id;
    const unitIds = unitsWithRole(caller.principal, 'coach');
    // One Query on the coach's agenda index, and one per coached unit for its cycles.
    // The late figures come from the coached units' status items: one Query per area.
    const areaIds = [...new Set(caller.principal.memberships.flatMap((m) => (m.role === 'coach' ? [m.areaId] : [])))];
    const [reviews, cycles, statuses] = await Promise.all([
      deps.cycles.listScheduledReviewsOfCoach(coachId),
      Promise.all(unitIds.map((id) => deps.cycles.listCycles(id))).then((lists) => lists.flat()),
      Promise.all(areaIds.map((id) => deps.measurements.listAreaStatus(id))).then((lists) => lists.flat().filter((s) => unitIds.includes(s.unitId))),
    ]);
    const due = cycles.filter((cycle) => cycle.phase === 'doing' || cycle.phase === 'studying');
    const studyReviews = (await Promise.all(due.map((cycle) => deps.cycles.listReviews(cycle.id)))).flat();
    const known = new Set(reviews.map((r) => r.id));
    const found = coachAgenda({
      reviews: [...reviews.filter((r) => unitIds.includes(r.unitId)), ...studyReviews.filter((r) => !known.has(r.id))],
      cycles,
      statuses,
      now: new Date(),
    });
    // Other coaches' reviews only count towards "has a review"; the lists show the coach's own.
    const own = (r: { coachId: string }) => r.coachId === coachId;
    return { ...found, upcoming: found.upcoming.filter(own), overdue: found.overdue.filter(own) };
  };
}
