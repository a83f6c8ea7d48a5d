import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmfMetrics, METRICS_NAMESPACE } from '../../functions/metrics/emf-metrics.js';

/** What the function writes to stdout, where Lambda's log agent turns EMF lines into metrics. */
function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(...String(chunk).split('\n').filter(Boolean)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(...String(chunk).split('\n').filter(Boolean)), true));
  return lines;
}

describe('business metrics in CloudWatch embedded metric format', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes what an invocation counted as one EMF line in the Sykli namespace when flushed', () => {
    const lines = captureStdout();
    const metrics = createEmfMetrics();
    metrics.count('FiguresWritten', 3);
    metrics.count('ReviewsScheduled');
    metrics.flush();
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0]!) as Record<string, any>;
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [['service']],
      Metrics: expect.arrayContaining([{ Name: 'FiguresWritten', Unit: 'Count' }, { Name: 'ReviewsScheduled', Unit: 'Count' }]),
    });
    expect(emf).toMatchObject({ service: 'sykli', FiguresWritten: 3, ReviewsScheduled: 1 });
  });

  it('writes nothing for an invocation that counted nothing, not even a warning', () => {
    const lines = captureStdout();
    const metrics = createEmfMetrics();
    metrics.count('EmailsBounced', 0);
    metrics.flush();
    expect(lines).toEqual([]);
  });
});
