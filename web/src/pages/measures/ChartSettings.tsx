import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useExcludePoint, useFreezeBaseline, useRemovePhase, type SeriesView } from '../../api/measurements.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions, SelectField, TextArea } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';
import { PhaseDialog } from './PhaseDialog.js';

type Phase = SeriesView['phases'][number];
type Open = { kind: 'edit' | 'remove'; phase: Phase } | { kind: 'freeze' } | { kind: 'exclude' } | null;

/**
 * A chart's decided phases, frozen baseline and figures left out, each with what those who may
 * can do about it; every change is said in `onDone` (the page's status message).
 */
export function ChartSettings({ unitId, view, onDone }: { unitId: string; view: SeriesView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<Open>(null);
  const freeze = useFreezeBaseline(unitId, view.measure.key);
  const exclude = useExcludePoint(unitId, view.measure.key);
  const settings = view.measure.chartSettings ?? { baselineEnd: null, excluded: [] };
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };

  return (
    <section className="panel" aria-labelledby="chart-settings-heading">
      <h2 id="chart-settings-heading">{t('chartTools.settings.title')}</h2>
      <p>{t('chartTools.settings.intro')}</p>

      <h3>{t('chartTools.settings.phases')}</h3>
      {view.phases.length === 0 ? (
        <p>{t('chartTools.settings.noPhases')}</p>
      ) : (
        <ul className="chart-settings__list">
          {view.phases.map((phase) => (
            <li key={phase.startPeriod}>
              <span>{t('chartTools.settings.phaseFrom', { period: format.period(phase.startPeriod), reason: phase.reason })}</span>
              <button type="button" className="button button--quiet button--small" onClick={() => setOpen({ kind: 'edit', phase })}>
                {t('chartTools.settings.editPhase', { period: format.period(phase.startPeriod) })}
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setOpen({ kind: 'remove', phase })}>
                {t('chartTools.settings.removePhase', { period: format.period(phase.startPeriod) })}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('chartTools.settings.baseline')}</h3>
      <p>{settings.baselineEnd ? t('chartTools.frozen', { period: format.period(settings.baselineEnd) }) : t('chartTools.settings.notFrozen')}</p>
      <p className="chart-settings__actions">
        <button type="button" className="button button--quiet button--small" onClick={() => setOpen({ kind: 'freeze' })}>
          {t('chartTools.settings.freeze')}
        </button>
        {settings.baselineEnd && (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={freeze.isPending}
            onClick={() => freeze.mutate(null, { onSuccess: () => onDone(t('chartTools.settings.unfrozen')) })}
          >
            {t('chartTools.settings.unfreeze')}
          </button>
        )}
      </p>
      {!open && <ActionError error={freeze.error} />}

      <h3>{t('chartTools.settings.excluded')}</h3>
      {settings.excluded.length === 0 ? (
        <p>{t('chartTools.settings.noExcluded')}</p>
      ) : (
        <ul className="chart-settings__list">
          {settings.excluded.map((e) => (
            <li key={e.period}>
              <span>
                {format.period(e.period)}: {e.reason}
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={exclude.isPending}
                onClick={() =>
                  exclude.mutate({ period: e.period, reason: null }, { onSuccess: () => onDone(t('chartTools.settings.included', { period: format.period(e.period) })) })
                }
              >
                {t('chartTools.settings.include', { period: format.period(e.period) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!open && <ActionError error={exclude.error} />}
      <button type="button" className="button button--quiet button--small" onClick={() => setOpen({ kind: 'exclude' })}>
        {t('chartTools.settings.exclude')}
      </button>

      {open?.kind === 'edit' && <PhaseDialog unitId={unitId} view={view} phase={open.phase} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'remove' && <RemovePhaseDialog unitId={unitId} view={view} phase={open.phase} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'freeze' && <FreezeDialog unitId={unitId} view={view} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'exclude' && <ExcludeDialog unitId={unitId} view={view} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}

type DialogProps = { unitId: string; view: SeriesView; onClose: () => void; onDone: (message: string) => void };

function RemovePhaseDialog({ unitId, view, phase, onClose, onDone }: DialogProps & { phase: Phase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useRemovePhase(unitId, view.measure.key);
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string>();
  const period = format.period(phase.startPeriod);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(why.trim() ? undefined : t('chartTools.phaseRemove.whyRequired'));
    if (!why.trim()) return;
    remove.mutate({ startPeriod: phase.startPeriod, why: why.trim() }, { onSuccess: () => onDone(t('chartTools.phaseRemove.done', { period })) });
  };
  return (
    <Dialog title={t('chartTools.phaseRemove.title', { period })} onClose={onClose} description={<p>{t('chartTools.phaseRemove.intro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextArea label={t('chartTools.phaseRemove.why')} required value={why} error={error} maxLength={1000} onChange={(e) => setWhy(e.target.value)} />
        <ActionError error={remove.error} />
        <FormActions label={t('chartTools.phaseRemove.save')} pending={remove.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}

function FreezeDialog({ unitId, view, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const freeze = useFreezeBaseline(unitId, view.measure.key);
  // Newest first: the periods with a figure.
  const periods = view.analysis.points.filter((p) => p.y !== null).reverse();
  const [through, setThrough] = useState(view.measure.chartSettings?.baselineEnd ?? periods[0]?.period ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!through) return;
    freeze.mutate(through, { onSuccess: () => onDone(t('chartTools.freezeDialog.done', { period: format.period(through) })) });
  };
  return (
    <Dialog title={t('chartTools.freezeDialog.title')} onClose={onClose} description={<p>{t('chartTools.freezeDialog.intro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField label={t('chartTools.freezeDialog.through')} required value={through} onChange={(e) => setThrough(e.target.value)}>
          {periods.map((p) => (
            <option key={p.period} value={p.period}>
              {format.period(p.period)}
            </option>
          ))}
        </SelectField>
        <ActionError error={freeze.error} />
        <FormActions label={t('chartTools.freezeDialog.save')} pending={freeze.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function ExcludeDialog({ unitId, view, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const exclude = useExcludePoint(unitId, view.measure.key);
  // Newest first: the figures that still count.
  const periods = view.analysis.points.filter((p) => p.y !== null && p.excluded === null).reverse();
  const [period, setPeriod] = useState(periods[0]?.period ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(reason.trim() ? undefined : t('chartTools.excludeDialog.reasonRequired'));
    if (!reason.trim() || !period) return;
    exclude.mutate({ period, reason: reason.trim() }, { onSuccess: () => onDone(t('chartTools.excludeDialog.done', { period: format.period(period) })) });
  };
  return (
    <Dialog title={t('chartTools.excludeDialog.title')} onClose={onClose} description={<p>{t('chartTools.excludeDialog.intro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField label={t('chartTools.excludeDialog.period')} required value={period} onChange={(e) => setPeriod(e.target.value)}>
          {periods.map((p) => (
            <option key={p.period} value={p.period}>
              {format.period(p.period)}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={t('chartTools.excludeDialog.reason')}
          hint={t('chartTools.excludeDialog.reasonHint')}
          required
          value={reason}
          error={error}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <ActionError error={exclude.error} />
        <FormActions label={t('chartTools.excludeDialog.save')} pending={exclude.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
