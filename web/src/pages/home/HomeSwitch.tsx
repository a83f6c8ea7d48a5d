import { useTranslation } from 'react-i18next';
import type { Home } from './homes.js';

/** One button per home; the current one is marked pressed (in words to assistive technology, by shape on screen). */
export function HomeSwitch({ homes, current, onChoose }: { homes: readonly Home[]; current: Home; onChoose: (home: Home) => void }) {
  const { t } = useTranslation();
  return (
    <div className="home-switch" role="group" aria-labelledby="home-switch-label">
      <span id="home-switch-label" className="home-switch__label">
        {t('homes.switchLabel')}
      </span>
      {homes.map((home) => (
        <button key={home} type="button" className="home-switch__option" aria-pressed={home === current} onClick={() => onChoose(home)}>
          {t(`homes.${home}.switch`)}
        </button>
      ))}
    </div>
  );
}
