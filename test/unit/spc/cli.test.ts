import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const examplePath = fileURLToPath(new URL('../../fixtures/spc-examples/bundled_cdi_u_part.json', import.meta.url));

function runCli(input: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/spc.ts'], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-8 * Math.max(Math.abs(a), Math.abs(b));

describe('scripts/spc.ts', { timeout: 30_000 }, () => {
  it('computes a worked example given as one multi-line JSON object', () => {
    const example = JSON.parse(readFileSync(examplePath, 'utf8'));
    const { status, stdout, stderr } = runCli(readFileSync(examplePath, 'utf8'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] ?? '');
    expect(Object.keys(output)).toEqual(['y', 'cl', 'lcl', 'ucl', 'sigmaSignal', 'runsSignal', 'partOfPoint', 'parts']);
    for (const field of ['y', 'cl', 'lcl', 'ucl'] as const) {
      expect(output[field].every((v: number | null, i: number) => close(v, example.expected[field][i]))).toBe(true);
    }
    expect(output.sigmaSignal).toEqual(example.expected.sigma_signal);
    expect(output.runsSignal).toEqual(example.expected.runs_signal);
    expect(output.partOfPoint).toEqual(example.expected.part_of_point);
    expect(output.parts[1]).toEqual({ longestRun: 4, longestRunMax: 7, nCrossings: 6, nCrossingsMin: 3, nObs: 12, nUseful: 12 });
  });

  it('answers JSON Lines line by line, in order, with null for what does not exist', () => {
    const input = [
      '{"chart": "run", "y": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}',
      '',
      '{"chart": "p", "y": [2, null, 4], "n": [10, 10, 20], "multiply": 100, "freeze": null}',
    ].join('\n');
    const { status, stdout } = runCli(input);
    expect(status).toBe(0);
    const [run, p, ...rest] = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(run.cl[0]).toBe(5.5);
    expect(run.ucl[0]).toBeNull();
    expect(run.runsSignal[0]).toBe(true);
    expect(run.parts).toEqual([{ longestRun: 5, longestRunMax: 6, nCrossings: 1, nCrossingsMin: 2, nObs: 10, nUseful: 10 }]);
    expect(p.y).toEqual([20, null, 20]);
    expect(p.parts[0].nUseful).toBe(0);
    expect(p.parts[0].longestRun).toBeNull();
  });

  it.each([
    ['invalid JSON', '{"chart": "i", "y": [1, 2]}\n{"chart": "i", "y": [1,', /line 2: invalid JSON/],
    ['an unknown chart', '{"chart": "xbar", "y": [1, 2]}', /line 1: chart: must be one of/],
    ['a wrong type', '{"chart": "i", "y": [1, "2"]}', /line 1: y value 2: /],
    ['p without n', '{"chart": "i", "y": [1]}\n{"chart": "p", "y": [1, 2]}', /line 2: n: required for a p chart/],
    ['a length mismatch', '{"chart": "u", "y": [1, 2], "n": [5]}', /line 1: n: 1 values but y has 2/],
    ['a non-integer index', '{"chart": "i", "y": [1, 2, 3], "exclude": [1.5]}', /line 1: exclude value 1: /],
    ['empty input', '\n', /line 1: no input/],
  ])('rejects %s with status 2 and one line on stderr', (_, input, message) => {
    const { status, stdout, stderr } = runCli(input);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
