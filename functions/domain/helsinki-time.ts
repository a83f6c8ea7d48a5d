import * as z from 'zod';

/** Helsinki dates and instants (helsinki-calendar.ts, which the web imports too), their schemas, and workflow timestamps. */
export { HELSINKI, endOfHelsinkiDay, helsinkiDate, helsinkiInstant } from './helsinki-calendar.js';

export const IsoDateSchema = z.iso.date();
export const WallClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:30');

/** Step Functions timestamps: RFC 3339 without fractional seconds. */
export function toWorkflowTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
