/**
 * The IHI Project Progress Scale's levels, 0.5 (intent to participate) … 5.0 (outstanding
 * sustainable results) in halves: what ProgressScoreSchema accepts, as the list the web offers.
 * No schemas or dates here (progress-score.ts has them), so the web imports it too.
 */
export const PROGRESS_SCORES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const;
export type ProgressLevel = (typeof PROGRESS_SCORES)[number];

/** A score other than the suggestion needs a reason, so that leadership can read why. */
export function progressInputProblem(input: { score: number; reason: string }, suggested: number): string | null {
  return input.score !== suggested && input.reason.length === 0 ? 'reason' : null;
}
