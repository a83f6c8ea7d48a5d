import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, DescribeStreamCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { LOCAL_AWS_CONFIG } from '../../functions/runtime/local/dynamodb-local.js';
import { createMeasurementRepository } from '../../functions/store/measurement-repository.js';
import { describeError, lastLogLines, type EventContext, type EventSource } from './events.js';

/**
 * The projection function's events: DynamoDB stream batches, as Lambda's event source mapping
 * delivers them, of real changes to the harness's table — read back from DynamoDB Local's own
 * stream, so their shape and images are the stream's. First a supervisor's figure, whose snapshot
 * and unit status the function must build; then the function's own derived writes, which must touch
 * nothing (the projection does not feed itself).
 */

const UNIT = 'palokka';
const MEASURE = 't3';

type Batch = { Records: unknown[] };

/** Reads the stream records written by `write`, from a LATEST iterator taken before it. */
async function recordsOf(ctx: EventContext, write: () => Promise<unknown>): Promise<_Record[]> {
  const endpoint = await ctx.db.raw.config.endpoint!();
  const streams = new DynamoDBStreamsClient({ ...LOCAL_AWS_CONFIG, endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}` });
  try {
    const { Table } = await ctx.db.raw.send(new DescribeTableCommand({ TableName: ctx.db.tableName }));
    const streamArn = Table!.LatestStreamArn!;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const shards = StreamDescription?.Shards ?? [];
    const iterators = await Promise.all(
      shards.map(async (shard) => (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'LATEST' }))).ShardIterator),
    );
    await write();
    const records: _Record[] = [];
    for (const iterator of iterators) if (iterator) records.push(...((await streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records ?? []));
    return records;
  } finally {
    streams.destroy();
  }
}

/** A stream record as the event source mapping hands it to Lambda: its source ARN added, times in seconds. */
function lambdaRecord(record: _Record, sourceArn: string) {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-north-1',
    dynamodb: { ...record.dynamodb, ApproximateCreationDateTime: created ? Math.floor(new Date(created).getTime() / 1000) : undefined },
    eventSourceARN: sourceArn,
  };
}

export const streamEvents: EventSource = {
  kind: 'DynamoDB stream batches (event source mapping)',

  steps(ctx) {
    const mapping = ctx.fn.eventSourceMappings.find((m) => m.source.includes('/stream/'));
    if (!mapping) return { steps: [], problems: ['it has no event source mapping on a DynamoDB stream'] };
    const measurements = createMeasurementRepository(ctx.db);
    const period = duePeriod('weekly', ctx.now);
    let writtenAt = '';
    let ownWrites: _Record[] = [];
    const firstLabel = `a batch with a supervisor's figure for ${UNIT} ${MEASURE} ${period}`;

    return {
      problems: [],
      steps: [
        {
          label: firstLabel,
          expectCalls: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
          async build(): Promise<Batch> {
            const records = await recordsOf(ctx, async () => {
              const existing = await measurements.getMeasurement(UNIT, MEASURE, period);
              writtenAt = new Date().toISOString();
              const actor = { type: 'person' as const, personId: 'minna-hakala', name: 'Minna Hakala' };
              await measurements.writeMeasurement(
                {
                  existing,
                  next: {
                    unitId: UNIT, measureKey: MEASURE, period, value: 42, numerator: null, denominator: null, note: 'deploy harness',
                    definitionVersion: existing?.definitionVersion ?? 1, enteredBy: actor, enteredAt: writtenAt, version: (existing?.version ?? 0) + 1,
                  },
                },
                actor,
              );
            });
            if (records.length === 0) throw new Error('the stream of the harness table gave no records for the write');
            return { Records: records.map((record) => lambdaRecord(record, mapping.source)) };
          },
          async check(outcome) {
            if (!outcome.ok) return `failed: ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
            const snapshot = await measurements.latestSnapshot(UNIT, MEASURE);
            if (snapshot?.period !== period) return `built no snapshot of ${UNIT} ${MEASURE} for ${period} (the latest is ${snapshot?.period ?? 'none'})`;
            const status = (await measurements.listAreaStatus('keski-suomi')).find((s) => s.unitId === UNIT);
            if (!status || status.updatedAt < writtenAt) return `did not build ${UNIT}'s status item again after the figure`;
            return null;
          },
        },
        {
          label: 'a batch of its own derived writes (snapshots, status items)',
          async build(): Promise<Batch> {
            // The first batch's writes are the function's own: replay them as the stream delivers them.
            ownWrites = await recordsOf(ctx, async () => {
              const status = (await measurements.listAreaStatus('keski-suomi')).find((s) => s.unitId === UNIT);
              if (status) await measurements.putAreaStatus({ ...status, updatedAt: new Date().toISOString() });
              const snapshot = await measurements.latestSnapshot(UNIT, MEASURE);
              if (snapshot) await measurements.putSnapshot(snapshot);
            });
            return { Records: ownWrites.map((record) => lambdaRecord(record, mapping.source)) };
          },
          check(outcome) {
            if (!outcome.ok) return `failed: ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
            const writes = ctx.proxy.calls.filter((c) => c.fn === ctx.fn.path && c.during === 'a batch of its own derived writes (snapshots, status items)' && c.operation === 'PutItem');
            if (ownWrites.length === 0) return 'got no records of derived writes to project';
            return writes.length > 0 ? `wrote ${writes.length} item(s) for changes of derived items only: the projection feeds itself` : null;
          },
        },
      ],
    };
  },
};
