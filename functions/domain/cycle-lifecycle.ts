import {
  emptyDo,
  emptyStudy,
  type Cycle,
  type CycleAct,
  type CycleChanges,
  type CyclePhase,
  type CycleSection,
} from './cycle.js';
import { endOfHelsinkiDay } from './helsinki-time.js';
import { decisionContradiction, type StudyVerdict } from './study-verdict.js';

/**
 * The PDSA lifecycle as pure functions. People move a cycle from planning into Do, drop it while
 * it is planned, and start embedding an adopted change; the workflow opens Study at the Do end and
 * applies the Act decision that a study review's outcome records. Every refusal is a sentence
 * saying why and what is allowed, which the API answers with 409.
 */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string; code?: string; params?: Record<string, string> };

const ok = <T>(value: T): Verdict<T> => ({ ok: true, value });
const refuse = <T>(reason: string, code?: { code: string; params?: Record<string, string> }): Verdict<T> => ({ ok: false, reason, ...code });

/** A person's request to move a cycle; the Act decision comes with a study review's outcome instead. */
export type TransitionRequest = { to: CyclePhase; reason?: string };

/** Where a person may move a cycle from each phase. */
const PERSON_TRANSITIONS: Record<CyclePhase, CyclePhase[]> = {
  planning: ['doing', 'abandoned'],
  doing: [],
  studying: [],
  acting: [],
  adopted: ['embedding'],
  embedding: [],
  adapted: [],
  abandoned: [],
};

export function allowedTransitions(phase: CyclePhase): CyclePhase[] {
  return PERSON_TRANSITIONS[phase];
}

function whatIsAllowed(phase: CyclePhase): string {
  switch (phase) {
    case 'doing':
      return 'Study opens by itself at the end of the Do phase.';
    case 'studying':
      return 'The Act decision is recorded with the outcome of the study review.';
    case 'acting':
      return 'The Act decision is being applied.';
    default: {
      const allowed = PERSON_TRANSITIONS[phase];
      return allowed.length > 0
        ? `From ${phase} a cycle can move to ${allowed.join(' or ')}.`
        : `A cycle that is ${phase} does not move any more.`;
    }
  }
}

export function requestTransition(cycle: Cycle, request: TransitionRequest): Verdict<Pick<Cycle, 'phase' | 'act' | 'workflow'>> {
  if (!PERSON_TRANSITIONS[cycle.phase].includes(request.to)) {
    return refuse(`A cycle cannot move from ${cycle.phase} to ${request.to}. ${whatIsAllowed(cycle.phase)}`);
  }
  if (request.to === 'doing') {
    const { doStart, doEnd } = cycle.plan;
    if (!doStart || !doEnd) return refuse('Do can start only when the plan has a Do start date and a Do end date.');
    if (doStart > doEnd) return refuse(`The Do end date (${doEnd}) is before the Do start date (${doStart}); Do must end on or after its start.`);
    if (!cycle.objective.trim()) return refuse('Do can start only when the cycle has an objective.');
    return ok({ phase: 'doing', act: cycle.act, workflow: { ...cycle.workflow, attempt: cycle.workflow.attempt + 1 } });
  }
  if (request.to === 'abandoned') {
    const reason = request.reason?.trim();
    if (!reason) return refuse('Abandoning a cycle needs a reason, so that the unit keeps what it learned.');
    return ok({ phase: 'abandoned', act: { decision: 'abandon', reason, nextSteps: '' }, workflow: cycle.workflow });
  }
  return ok({ phase: request.to, act: cycle.act, workflow: cycle.workflow });
}

/** The workflow's step at the Do end; harmless when Study is already open. */
export function openStudy(cycle: Cycle): Verdict<CyclePhase> {
  if (cycle.phase === 'doing') return ok('studying');
  if (cycle.phase === 'studying') return ok('studying');
  return refuse(`Study opens only after Do; this cycle is ${cycle.phase}.`);
}

/**
 * The study review's outcome: the Act decision moves a cycle in Study to acting. A change is adopted
 * only once its Study is written; a decision against what the measures show (adopting with no change
 * in the predicted direction, abandoning with one) needs its own reason. The verdicts are kept with
 * the cycle as they stood at the decision.
 */
export function recordDecision(cycle: Cycle, act: CycleAct, verdicts: readonly StudyVerdict[] = []): Verdict<Pick<Cycle, 'phase' | 'act' | 'studyVerdicts'>> {
  if (cycle.phase !== 'studying') {
    return refuse(`The Act decision is recorded while the cycle is in Study; this cycle is ${cycle.phase}. ${whatIsAllowed(cycle.phase)}`);
  }
  if (!act.reason.trim()) return refuse('The Act decision needs a reason.');
  if (act.decision === 'adopt' && !cycle.study.results.trim()) {
    return refuse('A change is adopted only after its Study is written: write the results against the predictions first.', { code: 'cycle.studyNotWritten' });
  }
  const contradiction = decisionContradiction(act.decision, verdicts);
  if (contradiction && !act.reasonAgainstData?.trim()) {
    const why = contradiction === 'adoptWithoutImprovement' ? 'no prediction saw a change in the predicted direction' : 'a prediction saw the predicted change';
    return refuse(`The measures speak against this decision (${why}); give the reason for it in reasonAgainstData.`, {
      code: 'cycle.decisionAgainstData',
      params: { contradiction },
    });
  }
  return ok({ phase: 'acting', act, studyVerdicts: [...verdicts] });
}

/** What applying the Act decision does: adopt, adapt (with the ramp's next cycle), abandon. */
export type AppliedDecision = { phase: CyclePhase; nextCycle: Omit<Cycle, 'version'> | null };

export function applyDecision(cycle: Cycle, next: { id: string; now: Date }): Verdict<AppliedDecision> {
  if (cycle.phase !== 'acting' || !cycle.act) return refuse(`Only a cycle in Act with a recorded decision can apply it; this cycle is ${cycle.phase}.`);
  switch (cycle.act.decision) {
    case 'adopt':
      return ok({ phase: 'adopted', nextCycle: null });
    case 'abandon':
      return ok({ phase: 'abandoned', nextCycle: null });
    case 'adapt':
      return ok({ phase: 'adapted', nextCycle: nextCycleOfRamp(cycle, next.id, next.now) });
  }
}

/** Adapt: the next cycle starts in planning from what this one learned (its next steps, then its learning), linked back to it. */
export function nextCycleOfRamp(previous: Cycle, id: string, now: Date): Omit<Cycle, 'version'> {
  const learning = previous.study.learning.trim();
  const nextSteps = previous.act?.nextSteps.trim() ?? '';
  return {
    id,
    unitId: previous.unitId,
    changeIdeaId: previous.changeIdeaId,
    aimId: previous.aimId,
    title: previous.title,
    // The team's own words only, in the language they wrote them: no sentence of ours is added,
    // since a cycle has no language of its own and the text travels on into the good practices.
    objective: [nextSteps, learning].filter(Boolean).join('\n\n') || previous.objective,
    questions: previous.questions,
    plan: { ...previous.plan, doStart: null, doEnd: null },
    do: emptyDo(),
    study: emptyStudy(),
    act: null,
    previousCycleId: previous.id,
    nextCycleId: null,
    phase: 'planning',
    flags: [],
    workflow: { attempt: 0, notified: [] },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Which worksheet sections are open in each phase: what happened cannot be planned afterwards. */
const EDITABLE: Record<CyclePhase, CycleSection[]> = {
  planning: ['title', 'objective', 'questions', 'plan'],
  doing: ['do'],
  studying: ['do', 'study'],
  acting: ['study'],
  adopted: [],
  embedding: [],
  adapted: [],
  abandoned: [],
};

export function editableSections(phase: CyclePhase): CycleSection[] {
  return EDITABLE[phase];
}

export function checkEdit(cycle: Cycle, changes: CycleChanges): string | null {
  const open = EDITABLE[cycle.phase];
  const closed = (Object.keys(changes) as CycleSection[]).filter((section) => changes[section] !== undefined && !open.includes(section));
  if (closed.length === 0) return null;
  const allowed = open.length > 0 ? `In ${cycle.phase} you can edit: ${open.join(', ')}.` : `A cycle that is ${cycle.phase} is not edited any more.`;
  return `A cycle in ${cycle.phase} cannot have its ${closed.join(', ')} changed. ${allowed}`;
}

/** When the workflow opens Study: the end of the Do end date, Helsinki time. */
export function doEndsAt(cycle: Pick<Cycle, 'plan'>): Date | null {
  return cycle.plan.doEnd ? endOfHelsinkiDay(cycle.plan.doEnd) : null;
}
