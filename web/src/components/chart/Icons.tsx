import { useTranslation } from 'react-i18next';
import type { Assurance, Variation } from '../../api/measurements.js';
import '../../styles/measures.css';

/**
 * "Making Data Count" style icons. Each state has its own shape and symbol as well as its own
 * colour, and says what it is in words: beside the icon, or as the icon's accessible name when
 * `labelled` is off (a matrix cell whose column heading already names the icon).
 */

type IconProps = { labelled?: boolean; better?: 'higher' | 'lower'; className?: string };

export function VariationIcon({ variation, better, labelled = true, className }: IconProps & { variation: Variation }) {
  const { t } = useTranslation();
  const text = t(`chart.variation.${variation}`);
  // The arrow shows which way the special cause moved: up when higher is better and it improved.
  const up = better === undefined ? true : (variation === 'improving') === (better === 'higher');
  return (
    <span className={`mdc-icon mdc-icon--${variation} ${className ?? ''}`}>
      <svg viewBox="0 0 24 24" className="mdc-icon__svg" role="img" aria-label={labelled ? undefined : text} aria-hidden={labelled ? true : undefined} focusable="false">
        {variation === 'common' ? (
          <>
            <circle cx="12" cy="12" r="10.5" fill="#fff" stroke="currentColor" strokeWidth="2" />
            <path d="M5 13 Q8.5 7 12 12 T19 11" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
          </>
        ) : variation === 'improving' ? (
          <>
            <path d="M12 1.5 L22.5 12 L12 22.5 L1.5 12 Z" fill="currentColor" />
            <path d={up ? 'M12 6 L12 18 M7.5 10.5 L12 6 L16.5 10.5' : 'M12 6 L12 18 M7.5 13.5 L12 18 L16.5 13.5'} fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </>
        ) : (
          <>
            <rect x="2" y="2" width="20" height="20" rx="3" fill="currentColor" />
            <path d={up ? 'M12 6 L12 18 M7.5 10.5 L12 6 L16.5 10.5' : 'M12 6 L12 18 M7.5 13.5 L12 18 L16.5 13.5'} fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </>
        )}
      </svg>
      {labelled && <span className="mdc-icon__text">{text}</span>}
    </span>
  );
}

export function AssuranceIcon({ assurance, labelled = true, className }: Omit<IconProps, 'better'> & { assurance: Assurance }) {
  const { t } = useTranslation();
  const text = t(`chart.assurance.${assurance}`);
  return (
    <span className={`mdc-icon mdc-icon--${assurance} ${className ?? ''}`}>
      <svg viewBox="0 0 24 24" className="mdc-icon__svg" role="img" aria-label={labelled ? undefined : text} aria-hidden={labelled ? true : undefined} focusable="false">
        {assurance === 'met' ? (
          <>
            <circle cx="12" cy="12" r="11" fill="currentColor" />
            <path d="M6.5 12.5 L10.5 16.5 L17.5 8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          </>
        ) : assurance === 'missed' ? (
          <>
            <path d="M12 1.5 L23 21.5 H1 Z" fill="currentColor" />
            <path d="M8.5 11 L15.5 18 M15.5 11 L8.5 18" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
          </>
        ) : assurance === 'notAssured' ? (
          <>
            <circle cx="12" cy="12" r="10.5" fill="#fff" stroke="currentColor" strokeWidth="2" strokeDasharray="4 2.5" />
            <text x="12" y="16.8" textAnchor="middle" fontSize="14" fontWeight="700" fill="currentColor">
              ?
            </text>
          </>
        ) : (
          <>
            <circle cx="12" cy="12" r="10.5" fill="#fff" stroke="currentColor" strokeWidth="2" />
            <path d="M7 12 H17" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          </>
        )}
      </svg>
      {labelled && <span className="mdc-icon__text">{text}</span>}
    </span>
  );
}
