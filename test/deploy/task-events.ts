import { subMonths } from 'date-fns';
import { toWorkflowTimestamp } from '../../functions/domain/helsinki-time.js';
import type { Frequency } from '../../functions/domain/measure.js';
import { roundDeadlines, roundExecutionName, roundPeriod } from '../../functions/domain/round-schedule.js';
import { digestExecutionName, digestWeek } from '../../functions/domain/weekly-digest.js';
import { LATE_UNIT } from '../../functions/runtime/seed/demo-measurements.js';
import { demoCycles } from '../../functions/runtime/seed/demo-cycles.js';
import { demoUnits } from '../../functions/runtime/seed/demo-organisation.js';
import { CycleSchema } from '../../functions/domain/cycle.js';
import { createCycleRepository } from '../../functions/store/cycle-repository.js';
import { cycleExecutionName } from '../../functions/app/pdsa/transition-cycle.js';
import type { Invocation } from './child-runner.js';
import { describeError, lastLogLines, type EventContext, type EventSource, type Step } from './events.js';
import { fillTemplate, readPath } from './jsonpath.js';
import { invokedFunction, type Machine, type TaskStateRef } from './stack.js';

/**
 * The tasks function's events: one Lambda invoke per Task state of every state machine that calls
 * it, its payload built from the state's Parameters.Payload against a representative execution
 * state written here per machine, with real ids from the demo seed. Each must succeed, and its
 * answer must satisfy the state's ResultSelector; a failure counts only if the scenario expects it
 * and the state's Catch takes it (none does today).
 */

type Scenario = {
  /** The state, `MapState/Inner` for a Map's item processor. */
  state: string;
  label: string;
  /** The execution's state where the Task (or its Map) begins. */
  input: Record<string, unknown>;
  execution: { name: string; startTime: string };
  /** For a Task inside a Map: the item of the Map's ItemsPath it runs for. */
  mapItem?: unknown;
  expectCalls?: readonly string[];
  /** Judges the function's answer (Lambda's Payload); null when it is as expected. */
  check?: (value: any, token: string) => Promise<string | null> | string | null;
  /** An error type the ASL's Catch is expected to take instead of an answer. */
  fails?: string;
};

const DOING = demoCycles(new Date()).cycles.find((c) => c.phase === 'doing')!;
/** A cycle whose Act decision is recorded: the demo seed has none, so prepare() adds this copy of the cycle in Study. */
const ACTING_ID = 'nova-one-contact-1-acting';
const ACTING_UNIT = 'nova';

function pdsaCycleScenarios(ctx: EventContext): Scenario[] {
  const cycles = createCycleRepository(ctx.db);
  const started = toWorkflowTimestamp(ctx.now);
  const doing = { unitId: DOING.unitId, cycleId: DOING.id };
  const acting = { unitId: ACTING_UNIT, cycleId: ACTING_ID };
  const inDo = { name: cycleExecutionName(DOING), startTime: started };
  const inAct = { name: `${ACTING_ID}-a1`, startTime: started };
  const waitFor = async (cycleId: string, token: string) => (await cycles.listOpenWaits(cycleId)).some((w) => w.token === token);
  return [
    {
      state: 'LoadCycle', label: 'load a cycle in Do', input: doing, execution: inDo,
      check: (value) => (value?.phase === 'doing' && typeof value.doEndsAt === 'string' ? null : `answered ${JSON.stringify(value)}, not the cycle in Do`),
    },
    {
      state: 'OpenStudy', label: 'open Study at the Do end (asks the coaches for a study review)',
      input: { ...doing, cycle: { phase: 'doing', doEndsAt: started } }, execution: inDo, expectCalls: ['dynamodb:PutItem', 'dynamodb:BatchGetItem', 'ses:SendEmail'],
      check: (value) => (value?.phase === 'studying' ? null : `answered ${JSON.stringify(value)}, not phase studying`),
    },
    {
      state: 'WaitForStudyReview', label: 'wait for the study review (no decision yet: the wait is stored)',
      input: { ...doing, cycle: { phase: 'studying', doEndsAt: started }, reminders: { count: 0 } }, execution: inDo, expectCalls: ['dynamodb:PutItem'],
      check: async (_, token) => {
        if (ctx.tokens.answersTo(token).length > 0) return 'answered its own wait although no decision was recorded';
        return (await waitFor(DOING.id, token)) ? null : 'stored no open wait with its task token';
      },
    },
    {
      state: 'RemindCoach', label: 'remind the coach of the study review', input: { ...doing, reminders: { count: 1 } }, execution: inDo, expectCalls: ['ses:SendEmail'],
    },
    {
      state: 'Escalate', label: "escalate the overdue study review to the supervisors and the area's leaders",
      input: { ...doing, reminders: { count: 3 } }, execution: inDo, expectCalls: ['dynamodb:PutItem', 'ses:SendEmail'],
    },
    {
      state: 'RecordFailure', label: 'record a failed step on the cycle',
      input: { ...doing, failure: { Error: 'Lambda.Unknown', Cause: 'The harness stands in a failed step here.' } }, execution: inDo, expectCalls: ['dynamodb:PutItem'],
    },
    {
      state: 'WaitForStudyReview', label: 'wait for the study review whose decision is already recorded (answers its own wait)',
      input: { ...acting, cycle: { phase: 'acting', doEndsAt: started }, reminders: { count: 0 } }, execution: inAct,
      expectCalls: ['dynamodb:PutItem', 'states:SendTaskSuccess', 'dynamodb:UpdateItem'],
      check: (_, token) => {
        const answers = ctx.tokens.answersTo(token);
        return answers.some((a) => a.kind === 'success' && (a.payload as { decision?: string }).decision === 'adapt')
          ? null
          : `answered its wait with ${JSON.stringify(answers.map((a) => a.payload))}, not the recorded decision adapt`;
      },
    },
    {
      state: 'ApplyDecision', label: 'apply the adapt decision (plans the next cycle of the ramp)',
      input: { ...acting, outcome: { decision: 'adapt' } }, execution: inAct, expectCalls: ['dynamodb:PutItem'],
      check: (value) => (value?.phase === 'adapted' && typeof value.nextCycleId === 'string' ? null : `answered ${JSON.stringify(value)}, not adapted with a next cycle`),
    },
  ];
}

function measurementRoundScenarios(ctx: EventContext): Scenario[] {
  // The monthly round here is last month's: this month's is the one the API's journey runs by hand.
  const lastMonth = subMonths(ctx.now, 1);
  const round = (frequency: Frequency, at = ctx.now) => {
    const period = roundPeriod(frequency, at);
    const { remindAt, escalateAt } = roundDeadlines(period);
    return { claimed: true, period, remindAt: toWorkflowTimestamp(remindAt), escalateAt: toWorkflowTimestamp(escalateAt) };
  };
  const scheduledTime = toWorkflowTimestamp(ctx.now);
  const execution = (frequency: Frequency) => ({ name: roundExecutionName(frequency, ctx.now), startTime: scheduledTime });
  const weekly = { frequency: 'weekly', scheduledTime };
  const late = demoUnits.find((u) => u.id === LATE_UNIT)!;
  const due = { unitIds: [late.id, 'palokka'], areaIds: [late.areaId, 'keski-suomi'] };
  const inWeekly = { ...weekly, round: round('weekly'), due };
  return [
    {
      state: 'ClaimRound', label: 'claim the weekly round', input: weekly, execution: execution('weekly'), expectCalls: ['dynamodb:PutItem'],
      check: (value) => (value?.claimed === true && value.period === round('weekly').period ? null : `answered ${JSON.stringify(value)}, not the claimed ${round('weekly').period}`),
    },
    {
      state: 'FindDueUnits', label: 'find the units with weekly measures', input: { ...weekly, round: round('weekly') }, execution: execution('weekly'), expectCalls: ['dynamodb:Query'],
      check: (value) => (Array.isArray(value?.unitIds) && value.unitIds.includes(late.id) ? null : `answered ${JSON.stringify(value)}, without ${late.id}`),
    },
    {
      state: 'OpenPeriod/OpenUnitPeriod', label: `open the period for ${late.id} (its supervisors are told)`, input: inWeekly, mapItem: late.id,
      execution: execution('weekly'), expectCalls: ['dynamodb:PutItem', 'dynamodb:BatchGetItem', 'ses:SendEmail'],
    },
    {
      state: 'RemindLate/RemindIfLate', label: `remind ${late.id}, still missing figures`, input: inWeekly, mapItem: late.id, execution: execution('weekly'), expectCalls: ['ses:SendEmail'],
      check: (value) => (value?.late === true ? null : `answered ${JSON.stringify(value)}, not late`),
    },
    {
      state: 'EscalateLate/EscalateIfLate', label: `escalate ${late.id} to its coaches`, input: inWeekly, mapItem: late.id, execution: execution('weekly'), expectCalls: ['ses:SendEmail'],
    },
    {
      state: 'ComputeSnapshots/ComputeUnitSnapshots', label: `compute ${late.id}'s snapshots`, input: inWeekly, mapItem: late.id, execution: execution('weekly'), expectCalls: ['dynamodb:Query'],
    },
    {
      state: 'RefreshAreas/RefreshAreaStatus', label: `refresh the status items of ${late.areaId}`, input: inWeekly, mapItem: late.areaId, execution: execution('weekly'), expectCalls: ['dynamodb:Query', 'dynamodb:PutItem'],
    },
    {
      state: 'FinishRound', label: 'finish the weekly round', input: inWeekly, execution: execution('weekly'), expectCalls: ['dynamodb:UpdateItem'],
      check: (value) => (typeof value?.unitCount === 'number' && value.lateCount >= 1 ? null : `answered ${JSON.stringify(value)}, not the round's counts`),
    },
    {
      state: 'ClaimRound', label: "claim last month's monthly round", input: { frequency: 'monthly', scheduledTime: toWorkflowTimestamp(lastMonth) }, execution: execution('monthly'), expectCalls: ['dynamodb:PutItem'],
    },
    {
      state: 'RecordFailure', label: "record the failure of last month's monthly round",
      input: { frequency: 'monthly', scheduledTime: toWorkflowTimestamp(lastMonth), round: round('monthly', lastMonth), failure: { Error: 'Sykli.InvalidTaskInput', Cause: 'The harness stands in a failed task here.' } },
      execution: execution('monthly'), expectCalls: ['dynamodb:UpdateItem'],
    },
  ];
}

function weeklyDigestScenarios(ctx: EventContext): Scenario[] {
  const scheduledTime = toWorkflowTimestamp(ctx.now);
  const execution = { name: digestExecutionName(ctx.now), startTime: scheduledTime };
  // Jukka Heikkinen leads Keski-Suomi: his digest reads the area's briefing.
  const leader = 'jukka-heikkinen';
  return [
    {
      state: 'FindRecipients', label: "find the coaches and leaders who get this week's digest", input: { scheduledTime }, execution, expectCalls: ['dynamodb:Query'],
      check: (value) => (value?.week === digestWeek(ctx.now) && Array.isArray(value.personIds) && value.personIds.includes(leader) ? null : `answered ${JSON.stringify(value)}, without ${leader}`),
    },
    {
      state: 'SendDigests/SendDigest', label: `send ${leader} the week's digest (claimed, sent, marked sent)`,
      input: { scheduledTime, recipients: { week: digestWeek(ctx.now), personIds: [leader] } }, mapItem: leader, execution,
      expectCalls: ['dynamodb:Query', 'dynamodb:PutItem', 'ses:SendEmail', 'dynamodb:UpdateItem'],
      check: (value) => (value?.sent === true ? null : `answered ${JSON.stringify(value)}, not sent`),
    },
  ];
}

/** Representative executions per ASL file; a machine whose file is not here has no events. */
const SCENARIOS: Record<string, (ctx: EventContext) => Scenario[]> = {
  'pdsa-cycle.asl.json': pdsaCycleScenarios,
  'measurement-round.asl.json': measurementRoundScenarios,
  'weekly-digest.asl.json': weeklyDigestScenarios,
};

const LAMBDA_INVOKE = /^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/;

export const workflowTaskEvents: EventSource = {
  kind: 'Step Functions lambda:invoke tasks',

  async prepare(ctx) {
    // The demo seed has no cycle in Act; this copies its cycle in Study with the decision recorded.
    const cycles = createCycleRepository(ctx.db);
    const studied = demoCycles(ctx.now).cycles.find((c) => c.phase === 'studying' && c.unitId === ACTING_UNIT)!;
    const acting = CycleSchema.parse({
      ...studied,
      id: ACTING_ID,
      study: { results: 'Kolme tiistaita neljästä onnistui.', learning: 'Fysioterapeutille tarvitaan pidempi aika.' },
      act: { decision: 'adapt', reason: 'Toimii, kun aikaa on enemmän.', nextSteps: 'Pidennetään fysioterapeutin aikaa.' },
      phase: 'acting',
      workflow: { attempt: 1, notified: ['study-request'] },
      version: 1,
    });
    if (!(await cycles.getCycle(ACTING_UNIT, ACTING_ID))) {
      await cycles.write([cycles.cycleWrite(null, acting, 'create')], { type: 'system', name: 'Deploy harness' });
    }
  },

  steps(ctx) {
    const problems: string[] = [];
    const steps: Step[] = [];
    const invoking = ctx.stack.machines.flatMap((machine) =>
      machine.tasks.filter((task) => invokedFunction(ctx.stack, task.state.Parameters?.FunctionName)?.logicalId === ctx.fn.logicalId),
    );
    for (const machine of ctx.stack.machines) {
      const tasks = invoking.filter((t) => t.machine === machine);
      if (tasks.length === 0) continue;
      const scenarios = machine.file ? SCENARIOS[machine.file]?.(ctx) : undefined;
      if (!scenarios) {
        problems.push(`The state machine ${machine.path} (${machine.file ?? 'no ASL file of workflows/'}) invokes ${ctx.fn.path} but the harness has no representative execution of it.`);
        continue;
      }
      for (const task of tasks) {
        if (!scenarios.some((s) => s.state === task.trail)) problems.push(`No representative event covers the Task state ${task.trail} of ${machine.file}.`);
      }
      for (const scenario of scenarios) {
        const task = tasks.find((t) => t.trail === scenario.state);
        if (!task) {
          problems.push(`The harness has an event for ${machine.file} ${scenario.state}, which is no Task state invoking ${ctx.fn.path}.`);
          continue;
        }
        steps.push(taskStep(ctx, machine, task, scenario));
      }
    }
    if (invoking.length === 0) problems.push(`No Task state of any state machine invokes ${ctx.fn.path}.`);
    return { steps, problems };
  },
};

/** One Lambda invoke as Step Functions makes it for this Task state in this execution state. */
function taskStep(ctx: EventContext, machine: Machine, task: TaskStateRef, scenario: Scenario): Step {
  const waits = String(task.state.Resource).endsWith('.waitForTaskToken');
  let token = '';
  return {
    label: `${machine.file} ${scenario.state}: ${scenario.label}`,
    expectCalls: scenario.expectCalls,
    build() {
      if (!LAMBDA_INVOKE.test(String(task.state.Resource))) throw new Error(`its Resource ${task.state.Resource} is not a Lambda invoke the harness models`);
      token = waits ? ctx.tokens.mint(machine.arn) : '';
      const context: Record<string, any> = {
        Execution: {
          Id: `arn:aws:states:eu-north-1:123456789012:execution:${machine.name}:${scenario.execution.name}`,
          Name: scenario.execution.name,
          StartTime: scenario.execution.startTime,
          Input: scenario.input,
          RoleArn: ctx.stack.resolver.getAtt(machine.roleId, 'Arn'),
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
        State: { Name: task.name, EnteredTime: toWorkflowTimestamp(ctx.now), RetryCount: 0 },
        ...(waits ? { Task: { Token: token } } : {}),
      };
      let input: unknown = scenario.input;
      if (task.map) {
        // A Map runs its processor on ItemSelector's output for each item of ItemsPath.
        const items = readPath(scenario.input, task.map.state.ItemsPath ?? '$');
        const index = Array.isArray(items) ? items.findIndex((item) => JSON.stringify(item) === JSON.stringify(scenario.mapItem)) : -1;
        if (index < 0) throw new Error(`the representative state has no item ${JSON.stringify(scenario.mapItem)} in ${task.map.state.ItemsPath}`);
        const selector = task.map.state.ItemSelector ?? task.map.state.Parameters;
        const mapContext = { ...context, Map: { Item: { Index: index, Value: scenario.mapItem } } };
        input = selector ? fillTemplate(selector, scenario.input, mapContext) : scenario.mapItem;
      }
      return fillTemplate(task.state.Parameters?.Payload ?? input, input, context);
    },
    async check(outcome: Invocation) {
      if (!outcome.ok) {
        const catches = ((task.state.Catch ?? []) as { ErrorEquals: string[] }[]).some((c) =>
          c.ErrorEquals.some((e) => e === outcome.error.errorType || e === 'States.ALL' || e === 'States.TaskFailed'),
        );
        if (scenario.fails === outcome.error.errorType && catches) return null;
        return `failed with ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
      }
      if (scenario.fails) return `answered ${JSON.stringify(outcome.value)} although the scenario expects ${scenario.fails}`;
      if (task.state.ResultSelector && !waits) {
        // Step Functions fills ResultSelector from the invoke's result; a missing path fails the execution.
        try {
          fillTemplate(task.state.ResultSelector, { Payload: outcome.value, StatusCode: 200, ExecutedVersion: '$LATEST' }, {});
        } catch (error) {
          return `answered ${JSON.stringify(outcome.value)}, which the state's ResultSelector cannot read: ${(error as Error).message}`;
        }
      }
      return (await scenario.check?.(outcome.value, token)) ?? null;
    },
  };
}
