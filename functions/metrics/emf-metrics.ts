import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BusinessMetrics } from './business-metrics.js';

export const METRICS_NAMESPACE = 'Sykli';

/**
 * Business metrics as CloudWatch embedded metric format: buffered during an invocation and written
 * as one log line by `flush`, which every handler calls when its invocation ends. CloudWatch turns
 * the line into metrics; there is no PutMetricData call and no grant.
 */
export function createEmfMetrics(): BusinessMetrics & { flush(): void } {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'sykli' });
  return {
    count: (metric, value = 1) => {
      if (value > 0) metrics.addMetric(metric, MetricUnit.Count, value);
    },
    // Only when something was counted: Powertools warns on every empty flush.
    flush: () => {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}
