import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface TableBackupsProps {
  readonly table: ITable;
}

/**
 * AWS Backup beyond the table's point-in-time recovery (which reaches back 35 days): a backup every
 * night kept 35 days, and one on the 1st of each month kept a year, in a vault of their own that
 * outlives the stack. scripts/restore-table.ts restores either kind to a new table.
 */
export class TableBackups extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  /** The role AWS Backup backs up with, and restores with (the restore script passes it). */
  readonly role: IRole;

  constructor(scope: Construct, id: string, props: TableBackupsProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    this.plan = new BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        // Times are UTC: 01:00 and 02:00 are the small hours in Helsinki, when no one logs figures.
        new BackupPlanRule({ ruleName: 'Daily', scheduleExpression: Schedule.cron({ hour: '1', minute: '0' }), deleteAfter: Duration.days(35) }),
        new BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: Schedule.cron({ day: '1', hour: '2', minute: '0' }),
          deleteAfter: Duration.days(365),
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)], allowRestores: true });
    this.role = selection.grantPrincipal as IRole;
    Validations.of(this.role).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason: "AWS Backup's own service role policy for taking backups; AWS keeps it in step with the services Backup supports.",
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
        reason: "AWS Backup's own service role policy for restoring a recovery point to a new table (scripts/restore-table.ts).",
      },
    );
  }
}
