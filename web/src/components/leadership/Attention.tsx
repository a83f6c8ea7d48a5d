import { useTranslation } from 'react-i18next';
import type { OverviewUnit } from '../../api/overview.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { WarningIcon } from '../Pdsa.js';

/** Each reason with what it is about: "huolestuttava muutos (T3), katselmointi myöhässä (2)". */
export function useAttentionWords() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  return (unit: Pick<OverviewUnit, 'attentionItems'>) =>
    format.list(
      unit.attentionItems.map((item) => {
        const about = item.measures.length > 0 ? format.list(item.measures.map((m) => m.name[locale])) : format.number(item.count);
        return `${t(`overview.attention.${item.reason}`)} (${about})`;
      }),
    );
}

/** Why a unit needs attention, in words after a warning sign (never by colour alone). */
export function AttentionLine({ unit }: { unit: OverviewUnit }) {
  const { t } = useTranslation();
  const words = useAttentionWords();
  return (
    <p className="attention">
      <WarningIcon />
      <span>
        <span className="visually-hidden">{t('overview.attention.label')}: </span>
        {words(unit)}
      </span>
    </p>
  );
}
