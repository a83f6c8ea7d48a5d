import { useTranslation } from 'react-i18next';
import type { OverviewUnit } from '../../api/overview.js';
import { useFormat } from '../../i18n/format.js';
import { WarningIcon } from '../Pdsa.js';

/** Why a unit needs attention, in words after a warning sign (never by colour alone). */
export function AttentionLine({ unit }: { unit: OverviewUnit }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="attention">
      <WarningIcon />
      <span>
        <span className="visually-hidden">{t('overview.attention.label')}: </span>
        {format.list(unit.attention.map((reason) => t(`overview.attention.${reason}`)))}
      </span>
    </p>
  );
}
