import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const validate = createRequire(import.meta.url)('asl-validator') as (
  definition: unknown,
) => { isValid: boolean; errorsText: (separator?: string) => string };
const folder = new URL('../../workflows/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.asl.json'));

describe('state machine definitions', () => {
  it('exist', () => expect(files).toContain('pdsa-cycle.asl.json'));

  it.each(files)('%s passes asl-validator', (name) => {
    const definition = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
    const result = validate(definition);
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('pdsa-cycle: every Task retries transient Lambda errors and ends its Catch list with States.ALL', () => {
    const { States } = JSON.parse(readFileSync(new URL('pdsa-cycle.asl.json', folder), 'utf8')) as {
      States: Record<string, { Type: string; Retry?: { ErrorEquals: string[] }[]; Catch?: { ErrorEquals: string[] }[]; TimeoutSeconds?: number; Resource?: string }>;
    };
    const tasks = Object.entries(States).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(5);
    for (const [, task] of tasks) {
      expect(task.Retry?.[0]?.ErrorEquals).toEqual(
        expect.arrayContaining(['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException']),
      );
      expect(task.Catch?.at(-1)?.ErrorEquals).toEqual(['States.ALL']);
      if (task.Resource?.endsWith('.waitForTaskToken')) expect(task.TimeoutSeconds).toBeGreaterThan(0);
    }
    expect(States.Resume?.Type).toBe('Choice');
  });
});
