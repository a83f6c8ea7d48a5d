import * as z from 'zod';
import { parsePeriod } from './period-calendar.js';

/** Periods and their arithmetic (period-calendar.ts, which the web imports too), and their schema. */
export * from './period-calendar.js';

export const PeriodSchema = z
  .string()
  .max(8)
  .refine((value) => parsePeriod(value) !== null, 'an ISO week such as 2026-W47 or a month such as 2026-11')
  .meta({ id: 'Period', example: '2026-W47' });
export type Period = z.infer<typeof PeriodSchema>;
