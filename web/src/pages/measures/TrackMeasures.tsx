import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeUnitMeasure, useTrackMeasure, type UnitMeasure } from '../../api/measurements.js';
import { useMeasures } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { SelectField, TextField } from '../../components/Fields.js';
import { currentLocale } from '../../i18n/index.js';
import { OwnMeasureForm } from './OwnMeasureForm.js';
import { measureName } from './shared.js';
import { tracking } from './StoppedMeasures.js';

/** A target as typed, in the Finnish way or the English (7,5 or 7.5); undefined when it is not a number. */
function parseTarget(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) ? value : undefined;
}

/**
 * The unit's own choice of measures, for its coaches and supervisors: start tracking a catalogue
 * measure with its target, add an own measure, set or change a tracked measure's target (one per
 * measure; every aim naming the measure uses it), and stop tracking one.
 */
export function TrackMeasures({ unitId, tracked }: { unitId: string; tracked: UnitMeasure[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const catalogue = useMeasures();
  const track = useTrackMeasure(unitId);
  const change = useChangeUnitMeasure(unitId);
  const [message, setMessage] = useState('');
  // A stopped measure is taken back from its own list (StoppedMeasures), not tracked anew.
  const untracked = (catalogue.data ?? []).filter((m) => !tracked.some((u) => u.key === m.key));
  const active = tracking(tracked);
  const [key, setKey] = useState('');
  const [target, setTarget] = useState('');
  const [trackError, setTrackError] = useState<string>();
  const [targetKey, setTargetKey] = useState('');
  const [newTarget, setNewTarget] = useState('');
  const [targetError, setTargetError] = useState<string>();

  const onTrack = (event: FormEvent) => {
    event.preventDefault();
    const chosen = untracked.find((m) => m.key === key);
    const value = parseTarget(target);
    if (!chosen) return setTrackError(t('form.requiredError'));
    if (target.trim() && value === undefined) return setTrackError(t('selfService.targetError'));
    setTrackError(undefined);
    track.mutate(
      { source: 'catalogue', key: chosen.key, target: value === undefined ? null : { value, by: null } },
      {
        onSuccess: () => {
          setKey('');
          setTarget('');
          setMessage(t('selfService.tracked', { name: chosen.name[locale] }));
        },
      },
    );
  };

  const onTarget = (event: FormEvent) => {
    event.preventDefault();
    const measure = active.find((m) => m.key === targetKey);
    const value = parseTarget(newTarget);
    if (!measure || value === undefined) return setTargetError(measure ? t('selfService.targetError') : t('form.requiredError'));
    setTargetError(undefined);
    change.mutate(
      { key: measure.key, version: measure.version, changes: { target: { value, by: measure.target?.by ?? null } } },
      { onSuccess: () => (setNewTarget(''), setMessage(t('selfService.targetSaved', { name: measureName(measure, locale) }))) },
    );
  };

  return (
    <section className="panel" aria-labelledby="track-measures-heading">
      <h2 id="track-measures-heading">{t('selfService.title')}</h2>
      <p role="status" className="status-message">
        {message}
      </p>
      <form className="form" onSubmit={onTrack} noValidate aria-labelledby="track-heading">
        <h3 id="track-heading">{t('selfService.trackTitle')}</h3>
        <div className="form__row">
          <MeasureChoice measures={untracked.map((m) => ({ key: m.key, name: m.name[locale] }))} value={key} error={trackError} onChange={setKey} />
          <TextField label={t('selfService.target')} hint={t('selfService.targetHint')} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />
        </div>
        <ActionError error={track.error} />
        <button type="submit" className="button" disabled={track.isPending}>
          {t('selfService.track')}
        </button>
      </form>
      <OwnMeasureForm unitId={unitId} taken={tracked.map((m) => m.key)} onAdded={(name) => setMessage(t('unitSetup.own.added', { name }))} />
      {active.length > 0 && (
        <form className="form" onSubmit={onTarget} noValidate aria-labelledby="target-heading">
          <h3 id="target-heading">{t('selfService.targetTitle')}</h3>
          <p className="field__hint">{t('selfService.targetIntro')}</p>
          <div className="form__row">
            <MeasureChoice measures={active.map((m) => ({ key: m.key, name: measureName(m, locale) }))} value={targetKey} onChange={setTargetKey} />
            <TextField label={t('selfService.newTarget')} required inputMode="decimal" value={newTarget} error={targetError} onChange={(e) => setNewTarget(e.target.value)} />
          </div>
          <ActionError error={change.error} />
          <button type="submit" className="button" disabled={change.isPending}>
            {t('selfService.saveTarget')}
          </button>
        </form>
      )}
      {active.length > 0 && <StopTracking unitId={unitId} active={active} onStopped={(name) => setMessage(t('unitSetup.stopped', { name }))} />}
    </section>
  );
}

/** Stops tracking a measure: its figures and chart stay, and it can be taken back later. */
function StopTracking({ unitId, active, onStopped }: { unitId: string; active: UnitMeasure[]; onStopped: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stop = useChangeUnitMeasure(unitId);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const measure = active.find((m) => m.key === key);
    if (!measure) return setError(t('form.requiredError'));
    setError(undefined);
    stop.mutate(
      { key: measure.key, version: measure.version, changes: { tracked: false } },
      { onSuccess: () => (setKey(''), onStopped(measureName(measure, locale))) },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="stop-tracking-heading">
      <h3 id="stop-tracking-heading">{t('unitSetup.stopTitle')}</h3>
      <p className="field__hint">{t('unitSetup.stopIntro')}</p>
      <MeasureChoice measures={active.map((m) => ({ key: m.key, name: measureName(m, locale) }))} value={key} error={error} onChange={setKey} />
      <ActionError error={stop.error} />
      <button type="submit" className="button button--quiet" disabled={stop.isPending}>
        {t('unitSetup.stop')}
      </button>
    </form>
  );
}

/** The required "Mittari" choice of the unit's measure forms. */
function MeasureChoice({ measures, value, error, onChange }: { measures: { key: string; name: string }[]; value: string; error?: string; onChange: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('selfService.measure')} required value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('administration.choose')}</option>
      {measures.map((m) => (
        <option key={m.key} value={m.key}>
          {m.name}
        </option>
      ))}
    </SelectField>
  );
}
