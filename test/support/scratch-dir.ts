import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where tests keep data folders: a memory file system where the machine has one. DynamoDB Local
 * syncs every write of a file-backed database to disk, which makes seeding the demo about 8×
 * slower on disk; what is tested (a database in files that outlive a restart) is the same.
 */
export function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
