import { readFileSync } from 'node:fs';
import type { MachineName } from './engine/workflow-engine.js';

/** Each state machine's ASL file; the CDK deploys the same files with `DefinitionBody.fromFile`. */
export const DEFINITION_FILES: Record<MachineName, string> = {
  pdsaCycle: 'pdsa-cycle.asl.json',
  measurementRound: 'measurement-round.asl.json',
  weeklyDigest: 'weekly-digest.asl.json',
};

/** Placeholders the files use (`${TasksFunctionArn}`), filled by CDK's definitionSubstitutions in AWS. */
export const SUBSTITUTIONS = { tasksFunctionArn: 'TasksFunctionArn' } as const;

/** The local engine invokes no real Lambda; this stands in for the tasks function's ARN. */
export const LOCAL_TASKS_FUNCTION_ARN = 'arn:aws:lambda:eu-north-1:000000000000:function:sykli-tasks';

export function definitionPath(machine: MachineName): string {
  return new URL(DEFINITION_FILES[machine], import.meta.url).pathname;
}

/** Reads a definition and fills its placeholders as CDK would. */
export function loadDefinition(machine: MachineName, substitutions: Record<string, string>): unknown {
  const text = readFileSync(definitionPath(machine), 'utf8').replace(/\$\{(\w+)\}/g, (whole, name: string) => {
    const value = substitutions[name];
    if (value === undefined) throw new Error(`${DEFINITION_FILES[machine]} uses \${${name}}, which has no value.`);
    return value;
  });
  return JSON.parse(text);
}

export function loadLocalDefinitions(machines: readonly MachineName[]): Partial<Record<MachineName, unknown>> {
  const substitutions = { [SUBSTITUTIONS.tasksFunctionArn]: LOCAL_TASKS_FUNCTION_ARN };
  return Object.fromEntries(machines.map((machine) => [machine, loadDefinition(machine, substitutions)]));
}
