import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/queries.js';
import { useChangeSettings } from '../../api/settings.js';
import { ActionError } from '../../components/ActionError.js';
import { Choice, Choices } from '../../components/Fields.js';
import { PageHeading } from '../../components/PageHeading.js';

/**
 * The person's own settings (Omat asetukset): for now, whether they get the weekly digest e-mail.
 * Every digest's "turn it off" link leads here.
 */
export function SettingsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const change = useChangeSettings();
  const stored = me.person.digest !== false;
  const [digest, setDigest] = useState(stored);
  const [saved, setSaved] = useState('');
  const getsDigest = me.work.coachedUnitIds.length > 0 || me.work.ledAreaIds.length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    change.mutate({ digest }, { onSuccess: () => setSaved(digest ? t('digest.savedOn') : t('digest.savedOff')) });
  };

  return (
    <>
      <PageHeading title={t('digest.settingsTitle')} />
      <section className="panel" aria-labelledby="digest-heading">
        <h2 id="digest-heading">{t('digest.title')}</h2>
        <p>{getsDigest ? t('digest.intro') : t('digest.introNoRole')}</p>
        <form className="form" onSubmit={onSubmit}>
          <Choices legend={t('digest.legend')}>
            <Choice type="radio" name="digest" value="on" checked={digest} onChange={() => setDigest(true)} label={t('digest.on')} />
            <Choice type="radio" name="digest" value="off" checked={!digest} onChange={() => setDigest(false)} label={t('digest.off')} />
          </Choices>
          <div className="form__actions">
            <button type="submit" className="button" disabled={change.isPending}>
              {change.isPending ? t('digest.saving') : t('digest.save')}
            </button>
          </div>
        </form>
        <p className="status-message" role="status">
          {saved}
        </p>
        <ActionError error={change.error} />
      </section>
    </>
  );
}
