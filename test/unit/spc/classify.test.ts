import { describe, expect, it } from 'vitest';
import { classifyChart, computeChart } from '../../../functions/domain/spc/index.js';

// Stable process around 10 (limits about 7.3–12.7), then one more point.
const stable = [10, 11, 9, 10, 12, 9, 11, 10, 9, 11, 10, 12, 9, 10, 11, 9];
const iChart = (...last: number[]) => computeChart({ chart: 'i', y: [...stable, ...last] });

describe('classifyChart: variation', () => {
  it('is common cause without signals', () => {
    expect(classifyChart(iChart(10), 'higher').variation).toBe('common');
  });

  it('is improving or concerning by the side of the latest point outside the limits', () => {
    expect(iChart(30).sigmaSignal.at(-1)).toBe(true);
    expect(classifyChart(iChart(30), 'higher').variation).toBe('improving');
    expect(classifyChart(iChart(30), 'lower').variation).toBe('concerning');
    expect(classifyChart(iChart(-10), 'lower').variation).toBe('improving');
  });

  it('lets the latest signal decide', () => {
    // A high point early on, then a long run below the centre line at the end.
    const result = computeChart({ chart: 'i', y: [30, ...stable, 8, 8.5, 8, 8.5, 8, 8.5, 8, 8.5, 8] });
    expect(result.sigmaSignal[0]).toBe(true);
    expect(result.parts[0]?.signal).toBe(true);
    expect(classifyChart(result, 'higher').variation).toBe('concerning');
    expect(classifyChart(result, 'lower').variation).toBe('improving');
  });

  it('uses runs signals for run charts', () => {
    // Nine points above the median 3.5, then nine below: both runs are too long, the latest is below.
    const result = computeChart({ chart: 'run', y: [6, 9, 5, 8, 6, 9, 5, 8, 7, 1, 2, 1, 2, 1, 2, 1, 2, 1] });
    expect(result.parts[0]?.longRuns.map((run) => run.side)).toEqual(['above', 'below']);
    expect(classifyChart(result, 'lower').variation).toBe('improving');
    expect(classifyChart(result, 'higher').variation).toBe('concerning');
  });

  it('returns to common cause once the latest point is no longer part of a signal (Making Data Count)', () => {
    // One high point 17 weeks ago: still an explained signal, but the latest point is ordinary.
    const result = computeChart({ chart: 'i', y: [...stable, 30, ...stable] });
    expect(result.sigmaSignal.some(Boolean)).toBe(true);
    expect(result.sigmaSignal.at(-1)).toBe(false);
    expect(classifyChart(result, 'higher').variation).toBe('common');
    // A long run that the latest point broke (it lies on the other side of the centre line).
    const broken = computeChart({ chart: 'run', y: [6, 9, 5, 8, 6, 9, 5, 8, 7, 1, 2, 1, 2, 1, 2, 1, 2, 1, 9] });
    expect(broken.parts[0]?.signal).toBe(true);
    expect(classifyChart(broken, 'lower').variation).toBe('common');
  });

  it('looks at the last phase only', () => {
    const result = computeChart({ chart: 'i', y: [...stable, 30, ...stable], part: [stable.length + 1] });
    expect(result.sigmaSignal.some(Boolean)).toBe(true);
    expect(classifyChart(result, 'higher').variation).toBe('common');
  });
});

describe('classifyChart: assurance', () => {
  const result = iChart(10);
  const lcl = result.lcl.at(-1) ?? Number.NaN;
  const ucl = result.ucl.at(-1) ?? Number.NaN;

  it('is none without a target', () => {
    expect(classifyChart(result, 'higher').assurance).toBe('none');
    expect(classifyChart(result, 'higher', null).assurance).toBe('none');
  });

  it('is met when the whole process lies on the better side of the target', () => {
    expect(classifyChart(result, 'higher', lcl - 0.1).assurance).toBe('met');
    expect(classifyChart(result, 'lower', ucl + 0.1).assurance).toBe('met');
  });

  it('is missed when the whole process lies on the worse side of the target', () => {
    expect(classifyChart(result, 'higher', ucl + 0.1).assurance).toBe('missed');
    expect(classifyChart(result, 'lower', lcl - 0.1).assurance).toBe('missed');
  });

  it('is not assured when the target lies within the limits', () => {
    expect(classifyChart(result, 'higher', 10).assurance).toBe('notAssured');
    expect(classifyChart(result, 'lower', 10).assurance).toBe('notAssured');
    expect(classifyChart(result, 'higher', lcl).assurance).toBe('notAssured');
  });

  it('is not assured for run charts, which have no limits', () => {
    const run = computeChart({ chart: 'run', y: stable });
    expect(classifyChart(run, 'higher', -100).assurance).toBe('notAssured');
  });

  it('uses the limits of the latest point that has them', () => {
    // The last point is missing; the one before has the small denominator and wide limits.
    const p = computeChart({ chart: 'p', y: [90, 90, 9, null], n: [100, 100, 10, 100] });
    expect(p.ucl.at(-1)).toBeNull();
    expect(classifyChart(p, 'higher', 0.7).assurance).toBe('notAssured');
    expect(classifyChart(p, 'higher', 0.6).assurance).toBe('met');
  });
});
