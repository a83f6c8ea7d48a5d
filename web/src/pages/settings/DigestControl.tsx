import { useTranslation } from 'react-i18next';
import { useRunDigest } from '../../api/settings.js';
import { ActionError } from '../../components/ActionError.js';
import { useFormat } from '../../i18n/format.js';
import { isoWeekOf } from '../../period.js';

/**
 * Admins: send this week's digest now rather than on Monday morning. Those who have had this
 * week's already get nothing, so a second press sends only to people added since.
 */
export function DigestControl() {
  const { t } = useTranslation();
  const run = useRunDigest();
  const periodName = useFormat().period;
  return (
    <section className="panel" aria-labelledby="digest-run-heading">
      <h2 id="digest-run-heading">{t('digest.runTitle')}</h2>
      <p>{t('digest.runIntro')}</p>
      <div className="form__actions">
        <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate(isoWeekOf(new Date()).period)}>
          {run.isPending ? t('digest.starting') : t('digest.run')}
        </button>
      </div>
      <p className="status-message" role="status">
        {run.data && (
          <>
            {t(run.data.result === 'started' ? 'digest.started' : 'digest.alreadyRunning', { week: periodName(run.data.week) })}{' '}
            <span className="muted">{t('digest.execution', { name: run.data.executionName })}</span>
          </>
        )}
      </p>
      <ActionError error={run.error} />
    </section>
  );
}
