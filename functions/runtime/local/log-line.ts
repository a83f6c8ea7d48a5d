import { format } from 'node:util';

/**
 * One event, one line: CR and LF in what is logged (a cycle's title, an error's message or stack)
 * are written as \r and \n, so that no input can forge a log line of its own. (In AWS the logger
 * writes JSON, which encodes them already.)
 */
export function logLine(...parts: unknown[]): string {
  return format(...parts).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}
