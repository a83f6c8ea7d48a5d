import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { changeOf, type ChangeRecord } from '../../store/changes.js';
import type { Db } from '../../store/document-client.js';
import { LOCAL_AWS_CONFIG } from './dynamodb-local.js';

/** How far the projection has read each shard of the stream: the last sequence number it projected. */
type Position = { streamArn: string; shards: Record<string, string> };

export type ChangeStreamOptions = {
  db: Db;
  /** DynamoDB Local's endpoint, which serves DynamoDB Streams too. */
  endpoint: string;
  /** Projects one batch; a batch that throws is read again on the next poll, so nothing is lost. */
  onChanges: (changes: ChangeRecord[]) => Promise<unknown>;
  /** Where the position is kept across restarts (the local data folder); in memory when absent. */
  positionFile?: string;
  /**
   * With no stored position, begin after what the stream holds now: what was written so far is
   * projected already (a fresh seed builds its derived items itself).
   */
  startAtEnd?: boolean;
  /** The pause after a pass that found changes; quiet passes double it up to `idleIntervalMs`. */
  intervalMs?: number;
  idleIntervalMs?: number;
  log?: (line: string) => void;
};

/**
 * The local stand-in for Lambda's event source mapping on the table's stream: it polls DynamoDB
 * Local's stream and hands each batch of changes to the same projection the AWS function runs,
 * remembering after each batch how far it got, so a restart or a crash resumes where it stopped.
 */
export async function startChangeStream(options: ChangeStreamOptions) {
  const log = options.log ?? (() => {});
  const interval = options.intervalMs ?? 200;
  // Polling an idle stream costs DynamoDB Local a DescribeStream and a GetRecords per shard each time.
  const idleInterval = Math.max(interval, options.idleIntervalMs ?? 500);
  const streams = new DynamoDBStreamsClient({ ...LOCAL_AWS_CONFIG, endpoint: options.endpoint });
  const table = await options.db.raw.send(new DescribeTableCommand({ TableName: options.db.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.db.tableName} has no stream: ensureTable enables it.`);

  const stored = readPosition(options.positionFile);
  const position: Position = stored?.streamArn === streamArn ? stored : { streamArn, shards: {} };
  const iterators = new Map<string, string>();
  let stopped = false;
  /**
   * Passes begun so far; a waiter is settled by a quiet pass that began after it asked, and not
   * sooner than a poll interval after: DynamoDB Local shows a write in its stream a moment after
   * answering the write.
   */
  let begun = 0;
  const waiters: { after: number; notBefore: number; resolve: () => void }[] = [];
  let pause = interval;
  /** Ends the current pause early: someone is waiting for the projection to catch up. */
  let wake = () => {};
  /** The stream's shards change rarely (a new one every few hours), so they are described again only now and then. */
  let known: { shards: Shard[]; at: number } | undefined;

  async function iteratorOf(shard: Shard): Promise<string | undefined> {
    const known = iterators.get(shard.ShardId!);
    if (known) return known;
    const last = position.shards[shard.ShardId!];
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId,
        ...(last ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: last } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  async function shards(): Promise<Shard[]> {
    if (known && Date.now() - known.at < SHARDS_KEPT_MS) return known.shards;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    known = { shards: StreamDescription?.Shards ?? [], at: Date.now() };
    return known.shards;
  }

  /** Reads the stream to its end without projecting, so that following it begins after what is there now. */
  async function skipToEnd(): Promise<void> {
    for (const shard of await shards()) {
      let iterator = await iteratorOf(shard);
      while (iterator) {
        const { Records, NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        if (!Records?.length) break;
        position.shards[shard.ShardId!] = Records.at(-1)!.dynamodb!.SequenceNumber!;
        iterator = NextShardIterator;
      }
      iterators.delete(shard.ShardId!);
    }
  }

  /** One pass over every shard; true when it found changes. */
  async function pass(): Promise<boolean> {
    let found = false;
    for (const shard of await shards()) {
      const iterator = await iteratorOf(shard);
      if (!iterator) continue;
      let records;
      try {
        records = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        // An iterator lasts 15 minutes; the position makes a new one.
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
          iterators.delete(shard.ShardId!);
          continue;
        }
        throw error;
      }
      const changes = (records.Records ?? []).map(changeOf);
      if (changes.length > 0) {
        await options.onChanges(changes);
        found = true;
        position.shards[shard.ShardId!] = changes.at(-1)!.sequence;
        writePosition(options.positionFile, position);
      }
      if (records.NextShardIterator) iterators.set(shard.ShardId!, records.NextShardIterator);
      else {
        // A closed shard: its successor is found by describing the stream again.
        iterators.delete(shard.ShardId!);
        known = undefined;
      }
    }
    return found;
  }

  // Done before the caller serves anyone: a change made meanwhile would be skipped too.
  if (stored?.streamArn !== streamArn && options.startAtEnd) await skipToEnd();
  writePosition(options.positionFile, position);

  const loop = (async () => {
    while (!stopped) {
      const index = ++begun;
      const startedAt = Date.now();
      let quiet = false;
      try {
        quiet = !(await pass());
      } catch (error) {
        // The batch is read again from the stored position next time.
        iterators.clear();
        known = undefined;
        log(`Projection: a batch failed and will be read again: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (quiet) {
        for (const waiter of waiters.filter((w) => index > w.after && startedAt >= w.notBefore)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        if (!stopped) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pause);
            wake = () => (clearTimeout(timer), resolve());
          });
          wake = () => {};
        }
        // Someone waits for the projection to settle: keep polling at the busy pace.
        pause = waiters.length > 0 ? interval : Math.min(pause * 2, idleInterval);
      } else pause = interval;
    }
  })();

  return {
    /**
     * Resolves once everything written before the call is projected: a whole pass that began after
     * the call found nothing new. For tests and the bench; rejects after `timeoutMs`.
     */
    settled(timeoutMs = 15_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The projection did not catch up within ${timeoutMs} ms.`)), timeoutMs);
        waiters.push({ after: begun, notBefore: Date.now() + Math.max(interval, SETTLE_MS), resolve: () => (clearTimeout(timer), resolve()) });
        pause = interval;
        wake();
      });
    },
    async stop() {
      stopped = true;
      wake();
      await loop;
      streams.destroy();
    },
  };
}
const SHARDS_KEPT_MS = 10_000;
/** How long after a write DynamoDB Local's stream is taken to show it, at the least. */
const SETTLE_MS = 100;

export type ChangeStream = Awaited<ReturnType<typeof startChangeStream>>;

function readPosition(file: string | undefined): Position | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Position;
  } catch {
    // A torn write: read the stream again from its beginning, which projects the same items again.
    return undefined;
  }
}

/** Written whole, then renamed into place, so a crash mid-write leaves the previous position. */
function writePosition(file: string | undefined, position: Position): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(position));
  renameSync(`${file}.tmp`, file);
}
