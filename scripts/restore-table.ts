/**
 * Restores Sykli's table to a NEW table (README, "Operating Sykli" → "Restoring the table"):
 *
 *   npx tsx scripts/restore-table.ts --to sykli-restored-20261130 --from-table <TableName> --time 2026-11-30T05:00:00Z
 *   npx tsx scripts/restore-table.ts --to sykli-restored-20261130 --recovery-point <ARN> --role <BackupRoleArn>
 *
 * The first uses the table's point-in-time recovery (any second of the last 35 days); the second a
 * daily or monthly backup of the AWS Backup vault (the ARN from the console or
 * `aws backup list-recovery-points-by-backup-vault`). Either way the new table gets the same keys and
 * indexes, and then point-in-time recovery, deletion protection and the change stream (which the
 * projection reads), none of which a restore copies. Then deploy with `-c existingTableName=<new
 * table> -c existingTableStreamArn=<its stream>` (both printed at the end) to point the stack at it. The source table is
 * never changed. Uses the AWS credentials and region of the shell (AWS_REGION, or --region).
 */
import { parseArgs } from 'node:util';
import { BackupClient, DescribeRestoreJobCommand, StartRestoreJobCommand } from '@aws-sdk/client-backup';
import {
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  type SSESpecification,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../functions/store/table-definition.js';

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    'from-table': { type: 'string' },
    time: { type: 'string' },
    'recovery-point': { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`${message}\nSee the header of scripts/restore-table.ts, or the README's "Operating Sykli".`);
  process.exit(2);
}

const target = values.to ?? fail('Name the new table with --to.');
if (!/^[A-Za-z0-9_.-]{3,255}$/.test(target)) fail(`--to ${target} is not a DynamoDB table name.`);
const region = values.region ?? process.env.AWS_REGION ?? 'eu-north-1';
const dynamodb = new DynamoDBClient({ region });
// As the stack's own table: on-demand, encrypted with the AWS managed key.
const asTheStack = { BillingModeOverride: 'PAY_PER_REQUEST', SSESpecificationOverride: { Enabled: true, SSEType: 'KMS' } satisfies SSESpecification } as const;

async function restoreFromAwsBackup(recoveryPointArn: string, role: string): Promise<void> {
  const backup = new BackupClient({ region });
  const { RestoreJobId } = await backup.send(
    new StartRestoreJobCommand({ RecoveryPointArn: recoveryPointArn, IamRoleArn: role, ResourceType: 'DynamoDB', Metadata: { targetTableName: target } }),
  );
  console.log(`AWS Backup restore job ${RestoreJobId} started.`);
  for (;;) {
    const job = await backup.send(new DescribeRestoreJobCommand({ RestoreJobId }));
    if (job.Status === 'COMPLETED') return;
    if (job.Status === 'ABORTED' || job.Status === 'FAILED') fail(`The restore job ${job.Status.toLowerCase()}: ${job.StatusMessage ?? 'no reason given'}.`);
    console.log(`… ${job.Status ?? 'waiting'}${job.PercentDone ? ` (${job.PercentDone} %)` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

if (values['recovery-point']) {
  const arn = values['recovery-point'];
  if (arn.includes(':dynamodb:') && arn.includes('/backup/')) {
    // A vault without DynamoDB's advanced backup features keeps DynamoDB's own backups.
    await dynamodb.send(new RestoreTableFromBackupCommand({ TargetTableName: target, BackupArn: arn, ...asTheStack }));
  } else {
    await restoreFromAwsBackup(arn, values.role ?? fail('A recovery point of AWS Backup needs --role: the stack output BackupRoleArn.'));
  }
} else if (values['from-table'] && values.time) {
  const time = new Date(values.time);
  if (Number.isNaN(time.getTime())) fail(`--time ${values.time} is not a time, e.g. 2026-11-30T05:00:00Z.`);
  await dynamodb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: values['from-table'], TargetTableName: target, RestoreDateTime: time, ...asTheStack }));
} else {
  fail('Give --from-table and --time (point-in-time recovery), or --recovery-point (a backup of the vault).');
}

console.log(`Restoring to ${target}; waiting until the table is active (a large table takes a while)…`);
await waitUntilTableExists({ client: dynamodb, maxWaitTime: 6 * 60 * 60 }, { TableName: target });
await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: target, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
await dynamodb.send(new UpdateTableCommand({ TableName: target, DeletionProtectionEnabled: true }));
// The projection of derived items reads the table's changes; the restored items are already projected.
await dynamodb.send(new UpdateTableCommand({ TableName: target, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream } }));
await waitUntilTableExists({ client: dynamodb, maxWaitTime: 10 * 60 }, { TableName: target });
const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: target }));
const streamArn = Table?.LatestStreamArn ?? fail(`${target} has no stream after turning it on; check it in the DynamoDB console.`);
console.log(`${target} is ready, with point-in-time recovery, deletion protection and its change stream.`);
console.log(
  `Point the stack at it: npx cdk deploy --all <the context values you deploy with> -c existingTableName=${target} -c existingTableStreamArn=${streamArn}`,
);
