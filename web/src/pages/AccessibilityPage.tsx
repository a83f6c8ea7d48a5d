import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.js';
import { useFormat } from '../i18n/format.js';

import '../styles/leadership.css';

/** When the statement was prepared and last reviewed (Act 306/2019 asks for the date). */
const PREPARED = '2026-11-30';
const FEEDBACK = 'saavutettavuus@sykli.example';
const GAPS = ['charts', 'matrix', 'session', 'signIn'] as const;

/**
 * The accessibility statement in the form the Act on the Provision of Digital Services (306/2019)
 * and Traficom's model require: status, what is not accessible and why, feedback, supervision.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.date(PREPARED);
  return (
    <article className="statement narrow">
      <PageHeading title={t('accessibility.title')} />
      <p className="lede">{t('accessibility.intro', { date })}</p>

      <section aria-labelledby="statement-status">
        <h2 id="statement-status">{t('accessibility.statusTitle')}</h2>
        <p>
          <strong>{t('accessibility.status')}</strong>
        </p>
        <p>{t('accessibility.statusBody')}</p>
      </section>

      <section aria-labelledby="statement-gaps">
        <h2 id="statement-gaps">{t('accessibility.gapsTitle')}</h2>
        <p>{t('accessibility.gapsIntro')}</p>
        <ul className="statement__gaps">
          {GAPS.map((gap) => (
            <li key={gap}>
              <h3>{t(`accessibilityGaps.${gap}.title`)}</h3>
              <p>{t(`accessibilityGaps.${gap}.body`)}</p>
              <p className="muted">{t(`accessibilityGaps.${gap}.criteria`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="statement-assessment">
        <h2 id="statement-assessment">{t('accessibility.assessmentTitle')}</h2>
        <p>{t('accessibility.assessmentBody', { date })}</p>
      </section>

      <section aria-labelledby="statement-feedback">
        <h2 id="statement-feedback">{t('accessibility.feedbackTitle')}</h2>
        <p>{t('accessibility.feedbackBody')}</p>
        <p>
          {t('accessibility.feedbackEmail')}: <a href={`mailto:${FEEDBACK}`}>{FEEDBACK}</a>
        </p>
      </section>

      <section aria-labelledby="statement-supervision">
        <h2 id="statement-supervision">{t('accessibility.supervisionTitle')}</h2>
        <p>{t('accessibility.supervisionBody')}</p>
        <address className="statement__authority">
          {t('accessibility.authorityName')}
          <br />
          {t('accessibility.authorityUnit')}
          <br />
          <a href="https://www.saavutettavuusvaatimukset.fi">www.saavutettavuusvaatimukset.fi</a>
          <br />
          <a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a>
          <br />
          {t('accessibility.authorityPhone')}: <a href="tel:+358295345000">029 534 5000</a>
        </address>
      </section>
    </article>
  );
}
