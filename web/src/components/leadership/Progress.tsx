import { useTranslation } from 'react-i18next';
import type { OverviewUnit } from '../../api/overview.js';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { PROGRESS_SCORES, type ProgressLevel } from '../../../../functions/domain/progress-scale.js';
import { useFormat } from '../../i18n/format.js';

import '../../styles/leadership.css';

/** Each level's text under `progress.levels`. */
const LEVEL_KEYS = { 0.5: 's05', 1: 's10', 1.5: 's15', 2: 's20', 2.5: 's25', 3: 's30', 3.5: 's35', 4: 's40', 4.5: 's45', 5: 's50' } as const satisfies Record<ProgressLevel, string>;

/** The IHI Project Progress Scale's levels (the domain's), each with its key under `progress.levels`. */
export const PROGRESS_LEVELS = PROGRESS_SCORES.map((value) => ({ value, key: LEVEL_KEYS[value] }));

/** A score always with one decimal ("3,0"), as the scale is written. */
export function useScoreFormat() {
  const format = useFormat();
  return (score: number) => format.number(score, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The confirmed score (or that there is none), Sykli's suggestion, and a stale mark in words. */
export function ProgressSummary({ progress, stale }: { progress: OverviewUnit['progress']; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = useScoreFormat();
  const confirmed = progress.confirmed;
  return (
    <div className="progress-summary">
      <p className="progress-summary__score">
        {confirmed ? (
          <>
            <span className="progress-summary__value">{score(confirmed.score)}</span>{' '}
            <span className="muted">{t('progress.confirmedBy', { name: confirmed.by, date: format.date(helsinkiDate(new Date(confirmed.at))) })}</span>
          </>
        ) : (
          <span className="muted">{t('progress.notConfirmed')}</span>
        )}
      </p>
      {stale && confirmed && <p className="tag tag--stale">{t('progress.stale')}</p>}
      <p className="progress-summary__suggested">{t('progress.suggestedShort', { score: score(progress.suggested) })}</p>
    </div>
  );
}
