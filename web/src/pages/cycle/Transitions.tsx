import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransition, type CyclePhase, type CycleView } from '../../api/pdsa.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { TextArea, FormActions } from '../../components/Fields.js';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useFormat } from '../../i18n/format.js';

/**
 * The moves a person may ask for in the cycle's phase (from the API's `allowedTransitions`). Every
 * one of them is irreversible, so each asks for confirmation first; abandoning asks for the reason.
 */
export function Transitions({ cycle, onReload }: { cycle: CycleView; onReload: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<CyclePhase>();
  if (cycle.allowedTransitions.length === 0) return null;
  return (
    <section className="transitions" aria-labelledby="transitions-heading">
      <h2 id="transitions-heading" className="visually-hidden">
        {t('transitions.heading')}
      </h2>
      <div className="transitions__buttons">
        {cycle.allowedTransitions.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'abandoned' ? 'button button--quiet button--danger' : 'button'}
            onClick={() => setAsking(to)}
          >
            {t(`transitions.to.${to}`)}
          </button>
        ))}
      </div>
      {asking && <ConfirmTransition cycle={cycle} to={asking} onClose={() => setAsking(undefined)} onReload={onReload} />}
    </section>
  );
}

function ConfirmTransition({ cycle, to, onClose, onReload }: { cycle: CycleView; to: CyclePhase; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const transition = useTransition(cycle.unitId, cycle.id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const needsReason = to === 'abandoned';
  const { doStart, doEnd } = cycle.plan;
  // A Do period already over: Study opens at once, so the person should know before confirming.
  const doEndPassed = to === 'doing' && !!doEnd && doEnd < helsinkiDate(new Date());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) {
      setReasonError(t('transitions.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    transition.mutate({ version: cycle.version, to, ...(needsReason ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
  };

  const explanation =
    to === 'doing'
      ? doStart && doEnd
        ? t('transitions.confirm.doing', { dates: format.isoDateRange(doStart, doEnd) })
        : t('transitions.confirm.doingNoDates')
      : to === 'abandoned'
        ? t('transitions.confirm.abandoned')
        : to === 'embedding'
          ? t('transitions.confirm.embedding')
          : t('transitions.confirm.other');

  return (
    <Dialog title={t(`transitions.question.${to === 'doing' || to === 'abandoned' || to === 'embedding' ? to : 'other'}`)} onClose={onClose} description={<p>{explanation}</p>}>
      <form onSubmit={onSubmit} noValidate className="form">
        {needsReason && (
          <TextArea label={t('transitions.reason')} hint={t('transitions.reasonHint')} required value={reason} error={reasonError} onChange={(e) => setReason(e.target.value)} />
        )}
        {doEndPassed && (
          <p className="notice notice--attention notice--compact" role="note">
            {t('learning.transitions.doEnded', { date: format.date(doEnd!) })}
          </p>
        )}
        <p className="irreversible">
          <span aria-hidden="true">⚠ </span>
          {t('transitions.irreversible')}
        </p>
        <ActionError
          error={transition.error}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
        <FormActions label={t(`transitions.to.${to}`)} pending={transition.isPending} onCancel={onClose} danger={to === 'abandoned'} />
      </form>
    </Dialog>
  );
}
