import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError.js';
import { useCreatePhase, type SeriesView } from '../../api/measurements.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions, SelectField, TextArea } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';

/**
 * A new phase: centre line and limits start afresh from a period, normally where a change was
 * adopted. The reason is required, so that a chart is never split only to make a signal go away.
 */
export function PhaseDialog({ unitId, view, onClose, onDone }: { unitId: string; view: SeriesView; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreatePhase(unitId, view.measure.key);
  const taken = new Set(view.phases.map((p) => p.startPeriod));
  // Newest first; the first period cannot start a phase, and one that starts a phase already is taken.
  const periods = view.analysis.points.slice(1).filter((p) => !taken.has(p.period)).reverse();
  const adopted = view.cycleMarkers.find((m) => m.decision === 'adopt' && m.doStartPeriod && periods.some((p) => p.period === m.doStartPeriod));
  const [startPeriod, setStartPeriod] = useState(adopted?.doStartPeriod ?? periods[0]?.period ?? '');
  const [cycleId, setCycleId] = useState(adopted?.cycleId ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ startPeriod?: string; reason?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!startPeriod) problems.startPeriod = t('form.requiredError');
    if (!reason.trim()) problems.reason = t('phase.reasonRequired');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { startPeriod, reason: reason.trim(), cycleId: cycleId || null },
      { onSuccess: () => onDone(t('phase.added', { period: format.period(startPeriod) })) },
    );
  };

  return (
    <Dialog title={t('phase.title')} onClose={onClose} description={<p>{t('phase.intro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField label={t('phase.startPeriod')} required value={startPeriod} error={errors.startPeriod} onChange={(e) => setStartPeriod(e.target.value)}>
          {periods.map((p) => (
            <option key={p.period} value={p.period}>
              {format.period(p.period)}
            </option>
          ))}
        </SelectField>
        <TextArea label={t('phase.reason')} hint={t('phase.reasonHint')} required value={reason} error={errors.reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        {view.cycleMarkers.length > 0 && (
          <SelectField label={t('phase.cycle')} value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
            <option value="">{t('phase.noCycle')}</option>
            {view.cycleMarkers.map((m) => (
              <option key={m.cycleId} value={m.cycleId}>
                {m.title}
              </option>
            ))}
          </SelectField>
        )}
        <ActionError error={create.error} />
        <FormActions label={t('phase.save')} pending={create.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
