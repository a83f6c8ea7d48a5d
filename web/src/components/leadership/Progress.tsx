import { useTranslation } from 'react-i18next';
import type { OverviewUnit } from '../../api/overview.js';
import { helsinkiToday, useFormat } from '../../i18n/format.js';

import '../../styles/leadership.css';

/** The IHI Project Progress Scale in halves, each with its key under `progress.levels`. */
export const PROGRESS_LEVELS = [
  { value: 0.5, key: 's05' },
  { value: 1, key: 's10' },
  { value: 1.5, key: 's15' },
  { value: 2, key: 's20' },
  { value: 2.5, key: 's25' },
  { value: 3, key: 's30' },
  { value: 3.5, key: 's35' },
  { value: 4, key: 's40' },
  { value: 4.5, key: 's45' },
  { value: 5, key: 's50' },
] as const;

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
            <span className="muted">{t('progress.confirmedBy', { name: confirmed.by, date: format.date(helsinkiToday(new Date(confirmed.at))) })}</span>
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
