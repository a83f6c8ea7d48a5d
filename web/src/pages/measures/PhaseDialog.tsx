import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError.js';
import { useChangePhase, useCreatePhase, type SeriesView } from '../../api/measurements.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions, SelectField, TextArea } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';

type Phase = SeriesView['phases'][number];

/**
 * A new phase, or a change to one (`phase`): centre line and limits start afresh from a period,
 * normally where a change was adopted. The reason is required, so that a chart is never split only
 * to make a signal go away; a change also says why, for the change history. The API refuses a
 * start that would leave a phase with too few figures, and the refusal says so here.
 */
export function PhaseDialog({ unitId, view, phase, onClose, onDone }: { unitId: string; view: SeriesView; phase?: Phase; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreatePhase(unitId, view.measure.key);
  const change = useChangePhase(unitId, view.measure.key);
  const taken = new Set(view.phases.map((p) => p.startPeriod).filter((p) => p !== phase?.startPeriod));
  // Newest first; the first period cannot start a phase, and one that starts a phase already is taken.
  const periods = view.analysis.points.slice(1).filter((p) => !taken.has(p.period)).reverse();
  const adopted = view.cycleMarkers.find((m) => m.decision === 'adopt' && m.doStartPeriod && periods.some((p) => p.period === m.doStartPeriod));
  const [startPeriod, setStartPeriod] = useState(phase?.startPeriod ?? adopted?.doStartPeriod ?? periods[0]?.period ?? '');
  const [cycleId, setCycleId] = useState(phase ? (phase.cycleId ?? '') : (adopted?.cycleId ?? ''));
  const [reason, setReason] = useState(phase?.reason ?? '');
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<{ startPeriod?: string; reason?: string; why?: string }>({});
  const pending = create.isPending || change.isPending;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!startPeriod) problems.startPeriod = t('form.requiredError');
    if (!reason.trim()) problems.reason = t('phase.reasonRequired');
    if (phase && !why.trim()) problems.why = t('chartTools.phaseEdit.whyRequired');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (phase) {
      change.mutate(
        { startPeriod: phase.startPeriod, json: { startPeriod, reason: reason.trim(), cycleId: cycleId || null, why: why.trim() } },
        { onSuccess: () => onDone(t('chartTools.phaseEdit.done', { period: format.period(startPeriod) })) },
      );
    } else {
      create.mutate(
        { startPeriod, reason: reason.trim(), cycleId: cycleId || null },
        { onSuccess: () => onDone(t('phase.added', { period: format.period(startPeriod) })) },
      );
    }
  };

  return (
    <Dialog title={phase ? t('chartTools.phaseEdit.title') : t('phase.title')} onClose={onClose} description={<p>{t('phase.intro')}</p>}>
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
        {phase && (
          <TextArea label={t('chartTools.phaseEdit.why')} hint={t('chartTools.phaseEdit.whyHint')} required value={why} error={errors.why} maxLength={1000} onChange={(e) => setWhy(e.target.value)} />
        )}
        <ActionError error={phase ? change.error : create.error} />
        <FormActions label={phase ? t('chartTools.phaseEdit.save') : t('phase.save')} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
