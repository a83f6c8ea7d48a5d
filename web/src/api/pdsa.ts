import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { IN_FLIGHT_PHASES } from '../../../functions/domain/cycle-phases.js';
import { call, client, type SuccessBody } from './client.js';

/** Aims, change ideas, PDSA cycles, their reviews and audit trail, and the coach's agenda. */

const units = client.api.units[':unitId'];
const cycleRoute = units.cycles[':cycleId'];
const reviewRoute = cycleRoute.reviews[':reviewId'];

export type CycleList = SuccessBody<Awaited<ReturnType<typeof units.cycles.$get>>>;
export type Cycle = CycleList['items'][number];
export type CycleView = SuccessBody<Awaited<ReturnType<typeof cycleRoute.$get>>>;
export type CyclePhase = Cycle['phase'];
export type Prediction = Cycle['questions'][number];
export type CycleChanges = NonNullable<Parameters<typeof cycleRoute.$patch>[0]>['json'];
export type NewCycle = NonNullable<Parameters<typeof units.cycles.$post>[0]>['json'];
export type Aim = SuccessBody<Awaited<ReturnType<typeof units.aims.$get>>>['items'][number];
export type NewAim = NonNullable<Parameters<typeof units.aims.$post>[0]>['json'];
export type ChangeIdea = SuccessBody<Awaited<ReturnType<(typeof units)['change-ideas']['$get']>>>['items'][number];
export type NewChangeIdea = NonNullable<Parameters<(typeof units)['change-ideas']['$post']>[0]>['json'];
export type Review = SuccessBody<Awaited<ReturnType<typeof cycleRoute.reviews.$get>>>['items'][number];
export type NewReview = NonNullable<Parameters<typeof cycleRoute.reviews.$post>[0]>['json'];
export type Reschedule = NonNullable<Parameters<typeof reviewRoute.$patch>[0]>['json'];
export type ReviewOutcome = NonNullable<Parameters<typeof reviewRoute.outcome.$put>[0]>['json'];
export type ActDecision = NonNullable<ReviewOutcome['act']>['decision'];
export type AuditPage = SuccessBody<Awaited<ReturnType<typeof units.audit.$get>>>;
export type AuditEntry = AuditPage['items'][number];
export type CoachAgenda = SuccessBody<Awaited<ReturnType<typeof client.api.me.agenda.$get>>>;
export type MissingFigures = CoachAgenda['figuresMissing'][number];
export type UnitPerson = SuccessBody<Awaited<ReturnType<typeof units.people.$get>>>['items'][number];

export const pdsaKeys = {
  cycles: (unitId: string) => ['units', unitId, 'cycles'] as const,
  cycle: (unitId: string, cycleId: string) => ['units', unitId, 'cycles', cycleId] as const,
  reviews: (unitId: string, cycleId: string) => ['units', unitId, 'cycles', cycleId, 'reviews'] as const,
  aims: (unitId: string) => ['units', unitId, 'aims'] as const,
  ideas: (unitId: string) => ['units', unitId, 'change-ideas'] as const,
  audit: (unitId: string, entityId?: string) => ['units', unitId, 'audit', entityId ?? ''] as const,
  agenda: ['me', 'agenda'] as const,
  people: (unitId: string) => ['units', unitId, 'people'] as const,
};

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function useCycles(unitId: string, { poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: pdsaKeys.cycles(unitId),
    queryFn: () => call(() => units.cycles.$get({ param: { unitId }, query: {} })),
    // While a cycle is in Do, Study or Act the workflow may move it on by itself.
    refetchInterval: poll ? (query) => (query.state.data?.items.some((c) => c.phase === 'acting') ? 3_000 : 15_000) : false,
  });
}

export function useCycle(unitId: string, cycleId: string) {
  return useQuery({
    queryKey: pdsaKeys.cycle(unitId, cycleId),
    queryFn: () => call(() => cycleRoute.$get({ param: { unitId, cycleId } })),
    // Study opens by itself at the Do end and the Act decision is applied by the workflow: look again
    // every few seconds while its workflow runs, and not at all once the cycle has settled.
    refetchInterval: (query) => {
      const cycle = query.state.data;
      if (!cycle || !IN_FLIGHT_PHASES.includes(cycle.phase)) return false;
      return cycle.phase === 'studying' ? 15_000 : 3_000;
    },
  });
}

export function useReviews(unitId: string, cycleId: string) {
  return useQuery({
    queryKey: pdsaKeys.reviews(unitId, cycleId),
    queryFn: async () => (await call(() => cycleRoute.reviews.$get({ param: { unitId, cycleId } }))).items,
  });
}

export function useAims(unitId: string) {
  return useQuery({
    queryKey: pdsaKeys.aims(unitId),
    queryFn: async () => (await call(() => units.aims.$get({ param: { unitId } }))).items,
  });
}

export function useChangeIdeas(unitId: string) {
  return useQuery({
    queryKey: pdsaKeys.ideas(unitId),
    queryFn: async () => (await call(() => units['change-ideas'].$get({ param: { unitId } }))).items,
  });
}

/** The audit trail of one thing (a cycle, a review) or of the whole unit, newest first (first 100). */
export function useAudit(unitId: string, entityId?: string) {
  return useQuery({
    queryKey: pdsaKeys.audit(unitId, entityId),
    queryFn: async () =>
      (await call(() => units.audit.$get({ param: { unitId }, query: entityId ? { entityId, limit: '100' } : { limit: '100' } }))).items,
  });
}

/** A cycle's timeline: its own entries and those of its reviews, newest first. */
export function useCycleTimeline(unitId: string, cycleId: string, reviewIds: readonly string[]) {
  const ids = [cycleId, ...reviewIds];
  const results = useQueries({
    queries: ids.map((entityId) => ({
      queryKey: pdsaKeys.audit(unitId, entityId),
      queryFn: async () =>
        (await call(() => units.audit.$get({ param: { unitId }, query: { entityId, limit: '100' } }))).items,
    })),
  });
  const entries = results.flatMap((r) => r.data ?? []).sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  return {
    entries,
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}

/** The unit's coaches and supervisors; whose e-mail does not arrive, for those who manage its reviews. */
export function useUnitPeople(unitId: string) {
  return useQuery({
    queryKey: pdsaKeys.people(unitId),
    queryFn: async () => (await call(() => units.people.$get({ param: { unitId } }))).items,
  });
}

export function useAgenda() {
  return useQuery({
    queryKey: pdsaKeys.agenda,
    queryFn: () => call(() => client.api.me.agenda.$get()),
    refetchInterval: 60_000,
  });
}

/** Several units' cycle lists at once (the agenda names each review's cycle). */
export function useCyclesOfUnits(unitIds: readonly string[]) {
  return useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: pdsaKeys.cycles(unitId),
      queryFn: () => call(() => units.cycles.$get({ param: { unitId }, query: {} })),
    })),
  });
}

// Mutations. Each puts what the API answered into the cache and marks the lists that show it stale.

function useInvalidateCycle(unitId: string) {
  const queryClient = useQueryClient();
  return (cycle?: CycleView) => {
    if (cycle) queryClient.setQueryData(pdsaKeys.cycle(unitId, cycle.id), cycle);
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycles(unitId), exact: true });
    void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'audit'] });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.agenda });
  };
}

export function useCreateCycle(unitId: string) {
  const done = useInvalidateCycle(unitId);
  return useMutation({
    mutationFn: (json: NewCycle) => call(() => units.cycles.$post({ param: { unitId }, json })),
    onSuccess: (cycle) => done(cycle),
  });
}

export function useUpdateCycle(unitId: string, cycleId: string) {
  const done = useInvalidateCycle(unitId);
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: CycleChanges }) =>
      call(() => cycleRoute.$patch({ param: { unitId, cycleId }, header: ifMatch(version), json: changes })),
    onSuccess: (cycle) => done(cycle),
  });
}

export function useTransition(unitId: string, cycleId: string) {
  const done = useInvalidateCycle(unitId);
  return useMutation({
    mutationFn: ({ version, to, reason }: { version: number; to: CyclePhase; reason?: string }) =>
      call(() =>
        cycleRoute.transitions.$post({ param: { unitId, cycleId }, header: ifMatch(version), json: reason ? { to, reason } : { to } }),
      ),
    onSuccess: (cycle) => done(cycle),
  });
}

export function useCreateAim(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: NewAim) => call(() => units.aims.$post({ param: { unitId }, json })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pdsaKeys.aims(unitId) }),
  });
}

export type AimChanges = NonNullable<Parameters<(typeof units.aims)[':aimId']['$patch']>[0]>['json'];

/** Edits an aim (its statement, date, measures and their roles); supervisors and coaches. */
export function useChangeAim(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ aimId, version, changes }: { aimId: string; version: number; changes: AimChanges }) =>
      call(() => units.aims[':aimId'].$patch({ param: { unitId, aimId }, header: ifMatch(version), json: changes })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pdsaKeys.aims(unitId) }),
  });
}

/** Closes an aim: it stays on the page as closed, with its cycles. */
export function useCloseAim(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ aimId, version }: { aimId: string; version: number }) =>
      call(() => units.aims[':aimId'].close.$post({ param: { unitId, aimId }, header: ifMatch(version) })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pdsaKeys.aims(unitId) }),
  });
}

export function useCreateChangeIdea(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: NewChangeIdea) => call(() => units['change-ideas'].$post({ param: { unitId }, json })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pdsaKeys.ideas(unitId) }),
  });
}

function useInvalidateReviews(unitId: string, cycleId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.reviews(unitId, cycleId) });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycle(unitId, cycleId), exact: true });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycles(unitId), exact: true });
    void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'audit'] });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.agenda });
  };
}

export function useScheduleReview(unitId: string, cycleId: string) {
  const done = useInvalidateReviews(unitId, cycleId);
  return useMutation({
    mutationFn: (json: NewReview) => call(() => cycleRoute.reviews.$post({ param: { unitId, cycleId }, json })),
    onSuccess: done,
  });
}

export function useRescheduleReview(unitId: string, cycleId: string) {
  const done = useInvalidateReviews(unitId, cycleId);
  return useMutation({
    mutationFn: ({ review, json }: { review: Review; json: Reschedule }) =>
      call(() => reviewRoute.$patch({ param: { unitId, cycleId, reviewId: review.id }, header: ifMatch(review.version), json })),
    onSuccess: done,
  });
}

export function useCancelReview(unitId: string, cycleId: string) {
  const done = useInvalidateReviews(unitId, cycleId);
  return useMutation({
    mutationFn: (review: Review) =>
      call(() => reviewRoute.cancel.$post({ param: { unitId, cycleId, reviewId: review.id }, header: ifMatch(review.version) })),
    onSuccess: done,
  });
}

export function useRecordOutcome(unitId: string, cycleId: string) {
  const done = useInvalidateReviews(unitId, cycleId);
  return useMutation({
    mutationFn: ({ review, json }: { review: Review; json: ReviewOutcome }) =>
      call(() => reviewRoute.outcome.$put({ param: { unitId, cycleId, reviewId: review.id }, header: ifMatch(review.version), json })),
    onSuccess: done,
  });
}
