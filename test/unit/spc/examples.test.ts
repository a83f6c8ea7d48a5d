import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeChart, type ChartInput, type ChartResult } from '../../../functions/domain/spc/index.js';

// Series from qicharts2's bundled data sets with the results qicharts2 0.8.1 computed for them.
const examplesDir = fileURLToPath(new URL('../../fixtures/spc-examples/', import.meta.url));

interface Example extends ChartInput {
  readonly id: string;
  readonly expected: {
    readonly y: (number | null)[];
    readonly cl: (number | null)[];
    readonly lcl: (number | null)[];
    readonly ucl: (number | null)[];
    readonly sigma_signal: boolean[];
    readonly runs_signal: boolean[];
    readonly part_of_point: number[];
    readonly parts: {
      readonly longest_run: number | null;
      readonly longest_run_max: number | null;
      readonly n_crossings: number | null;
      readonly n_crossings_min: number | null;
      readonly n_obs: number;
      readonly n_useful: number;
    }[];
  };
}

function loadExamples(): Example[] {
  if (!existsSync(examplesDir)) {
    throw new Error(`SPC worked examples not found at ${examplesDir} (copied from the qicharts2 worked examples in shared/spc-examples)`);
  }
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(`${examplesDir}${name}`, 'utf8')) as Example);
}

/** Equal within a relative tolerance of 1e-8 (the files carry 10 significant digits). */
function expectClose(actual: number | null, expected: number | null, where: string): void {
  if (expected === null || actual === null) {
    expect(actual, where).toBe(expected);
    return;
  }
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-8 * scale);
}

const examples = loadExamples();

describe('worked examples from qicharts2 0.8.1', () => {
  it('finds all eight example files', () => {
    expect(examples.map((example) => example.id)).toHaveLength(8);
  });

  describe.each(examples.map((example) => [example.id, example] as const))('%s', (_, example) => {
    const result: ChartResult = computeChart(example);
    const expected = example.expected;

    it.each(['y', 'cl', 'lcl', 'ucl'] as const)('matches %s at every point', (field) => {
      expect(result[field]).toHaveLength(expected[field].length);
      expected[field].forEach((value, i) => expectClose(result[field][i] ?? null, value, `${field}[${i + 1}]`));
    });

    it('matches the signals and phases of every point', () => {
      expect(result.sigmaSignal).toEqual(expected.sigma_signal);
      expect(result.runsSignal).toEqual(expected.runs_signal);
      expect(result.partOfPoint).toEqual(expected.part_of_point);
    });

    it('matches the runs analysis of every phase', () => {
      expect(
        result.parts.map((part) => ({
          longest_run: part.longestRun,
          longest_run_max: part.longestRunMax,
          n_crossings: part.nCrossings,
          n_crossings_min: part.nCrossingsMin,
          n_obs: part.nObs,
          n_useful: part.nUseful,
        })),
      ).toEqual(expected.parts);
    });
  });
});
