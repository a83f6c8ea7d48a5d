/** The PDSA phases in the order a cycle moves through them, and the Act decisions: plain lists (cycle.ts adds their schemas), so the web imports them too. */
export const CYCLE_PHASES = ['planning', 'doing', 'studying', 'acting', 'adopted', 'embedding', 'adapted', 'abandoned'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/** Phases in which the cycle's workflow is running and must be resumed after a restart. */
export const IN_FLIGHT_PHASES: readonly CyclePhase[] = ['doing', 'studying', 'acting'];

export const ACT_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export type ActDecision = (typeof ACT_DECISIONS)[number];
