import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError.js';
import { useRunRound, type Frequency } from '../../api/measurements.js';
import { Choice, Choices } from '../../components/Fields.js';
import { usePeriodName } from './shared.js';

/** What the API answered: started, or the period's round found running, done or failed. */
const ROUND_ANSWER = {
  started: 'round.started',
  'already-running': 'round.alreadyRunning',
  'already-ran': 'round.alreadyRan',
  failed: 'round.alreadyFailed',
} as const;

/**
 * Admins: run the measurement round now rather than at its scheduled time. It collects the period
 * that has just ended, for every unit; a period's round runs once, so a second press says how it stands.
 */
export function RoundControl() {
  const { t } = useTranslation();
  const run = useRunRound();
  const periodName = usePeriodName();
  const [frequency, setFrequency] = useState<Frequency>('weekly');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(frequency);
  };

  return (
    <section className="panel" aria-labelledby="round-heading">
      <h2 id="round-heading">{t('round.title')}</h2>
      <p>{t('round.intro')}</p>
      <form className="form" onSubmit={onSubmit}>
        <Choices legend={t('round.frequency')}>
          {(['weekly', 'monthly'] as const).map((f) => (
            <Choice key={f} type="radio" name="round-frequency" value={f} checked={frequency === f} onChange={() => setFrequency(f)} label={t(`round.frequencies.${f}`)} />
          ))}
        </Choices>
        <div className="form__actions">
          <button type="submit" className="button" disabled={run.isPending}>
            {run.isPending ? t('round.starting') : t('round.run')}
          </button>
        </div>
      </form>
      {run.data && (
        <p className="status-message" role="status">
          {t(ROUND_ANSWER[run.data.result === 'already-ran' && run.data.status === 'failed' ? 'failed' : run.data.result], { period: periodName(run.data.period) })}{' '}
          <span className="muted">{t('round.execution', { name: run.data.executionName })}</span>
        </p>
      )}
      <ActionError error={run.error} />
    </section>
  );
}
