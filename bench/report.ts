import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { ScenarioResult } from './api-latency.js';

export type Target = { name: string; value: number | null; unit: string; limit: number; met: boolean | null };

export function target(name: string, value: number | null, unit: string, limit: number): Target {
  return { name, value, unit, limit, met: value === null ? null : value <= limit };
}

/** The nearest-rank percentile, in ms to one decimal; null without any answer. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

export function describeMachine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    /** Other work on the machine skews the numbers; this says how busy it was when the run began. */
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export type Row = [what: string, result: string, target: string];

/** A Markdown table: readable in the terminal, and pasted as it is into the README. */
export function markdownTable(rows: readonly Row[]): string {
  const all: Row[] = [['measure', 'result', 'target'], ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(all[0]!), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join('\n');
}

export const verdict = (t: Target | undefined) => (!t || t.met === null ? '' : `${t.met ? 'met' : 'MISSED'} (≤ ${t.limit} ${t.unit})`);

export function scenarioRow(s: ScenarioResult): Row {
  const calls = s.dynamo ? `; DynamoDB ${s.dynamo.authPerRequest} auth + ${s.dynamo.routePerRequest} route per request (max ${s.dynamo.routeMax})` : '';
  const failed = `${s.failed ? `; ${s.failed} failed` : ''}${s.noOps ? `; ${s.noOps} writes were no-ops` : ''}`;
  return [`${s.name}: p50 / p95`, `${s.p50} / ${s.p95} ms at ${s.perSecond} req/s${calls}${failed}`, ''];
}
