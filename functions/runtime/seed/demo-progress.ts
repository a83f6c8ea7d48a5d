import { subDays } from 'date-fns';
import type { ProgressConfirmation } from '../../domain/progress-score.js';

/**
 * Coaches' confirmed progress scores: Uurainen's is recent; Hankasalmi's was confirmed long ago, so
 * the demo shows leadership the stale-score warning beside a current one.
 */
export function demoProgress(now: Date): ProgressConfirmation[] {
  return [
    {
      unitId: 'uurainen',
      score: 1.5,
      suggested: 1.5,
      reason: '',
      confirmedBy: { personId: 'eero-salminen', name: 'Eero Salminen' },
      confirmedAt: subDays(now, 12).toISOString(),
      version: 1,
    },
    {
      unitId: 'hankasalmi',
      score: 2,
      suggested: 1.5,
      reason: 'Puhelinajan muutos on otettu käyttöön, vaikka mittari ei vielä näytä muutosta.',
      confirmedBy: { personId: 'eero-salminen', name: 'Eero Salminen' },
      confirmedAt: subDays(now, 80).toISOString(),
      version: 1,
    },
  ];
}
