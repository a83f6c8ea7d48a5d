import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { progressInputProblem } from '../../../../functions/domain/progress-scale.js';
import { useConfirmProgress, type OverviewUnit } from '../../api/overview.js';
import { useMeasures } from '../../api/queries.js';
import { currentLocale } from '../../i18n/index.js';
import { ActionError } from '../ActionError.js';
import { Dialog } from '../Dialog.js';
import { Choice, Choices, FormActions, TextArea } from '../Fields.js';
import { PROGRESS_LEVELS, useScoreFormat } from './Progress.js';

import '../../styles/leadership.css';

/**
 * The coach's judgement of a unit's progress on the IHI scale: confirm Sykli's suggestion, or pick
 * another score and say why (the API refuses a changed score without a reason).
 */
export function ProgressDialog({ unit, onClose, onDone }: { unit: OverviewUnit; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const score = useScoreFormat();
  const locale = currentLocale();
  const confirm = useConfirmProgress(unit.unitId);
  const suggested = unit.progress.suggested;
  const [chosen, setChosen] = useState<number>(unit.progress.confirmed?.score ?? suggested);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const overriding = chosen !== suggested;
  const catalogue = useMeasures();
  // A unit's own measure is not in the catalogue: its key stands for it.
  const measureNames = (keys: readonly string[]) => keys.map((key) => catalogue.data?.find((m) => m.key === key)?.name[locale].split(' – ')[0] ?? key).join(', ');
  // Each counted outcome measure with the signal that showed it (a status item from before signals were named has only the keys).
  const improvingWithSignals = () =>
    unit.progress.improvingBy.length > 0
      ? unit.progress.improvingBy.map((m) => `${measureNames([m.measureKey])} (${t(`unitSetup.signals.${m.signal}`)})`).join(', ')
      : measureNames(unit.progress.improvingMeasures);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (progressInputProblem({ score: chosen, reason: reason.trim() }, suggested) === 'reason') {
      setReasonError(t('progress.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    confirm.mutate(
      { score: chosen, reason: reason.trim() },
      { onSuccess: () => onDone(t('progress.confirmed', { unit: unit.unitName[locale], score: score(chosen) })) },
    );
  };

  return (
    <Dialog
      title={t('progress.dialogTitle', { unit: unit.unitName[locale] })}
      onClose={onClose}
      description={
        <p>
          {t('progress.suggestion', { score: score(suggested) })} {t(`progress.basis.${unit.progress.basis}`)}
          {unit.progress.improvingMeasures.length > 0 && ` ${t('unitSetup.improvingBy', { measures: improvingWithSignals() })}`}
          {unit.progress.worseningBalancing.length > 0 && ` ${t('learning.progress.balancing', { measures: measureNames(unit.progress.worseningBalancing) })}`}
        </p>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <Choices legend={t('progress.scaleLegend')} hint={t('progress.scaleHint')} required>
          <div className="progress-scale">
            {PROGRESS_LEVELS.map(({ value, key }) => (
              <Choice
                key={key}
                type="radio"
                name="progress-score"
                value={value}
                checked={chosen === value}
                onChange={() => setChosen(value)}
                label={
                  <>
                    <strong>{score(value)}</strong> {t(`progress.levels.${key}`)}
                    {value === suggested && <span className="badge badge--suggested">{t('progress.suggestedBadge')}</span>}
                  </>
                }
              />
            ))}
          </div>
        </Choices>
        <TextArea
          label={t('progress.reason')}
          hint={overriding ? t('progress.reasonHintOverride', { score: score(suggested) }) : t('progress.reasonHintConfirm')}
          required={overriding}
          value={reason}
          error={reasonError}
          onChange={(e) => setReason(e.target.value)}
        />
        <ActionError error={confirm.error} />
        <FormActions label={overriding ? t('progress.saveOverride') : t('progress.saveConfirm')} pending={confirm.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/**
 * Where units are listed with a "confirm" button: `open(unit)` shows the dialog, `dialog` is what
 * to render, and `message` says what the last confirmation did until the next one opens.
 */
export function useProgressConfirmation() {
  const [confirming, setConfirming] = useState<OverviewUnit>();
  const [message, setMessage] = useState<string>();
  const open = (unit: OverviewUnit) => {
    setMessage(undefined);
    setConfirming(unit);
  };
  const dialog = confirming && (
    <ProgressDialog
      unit={confirming}
      onClose={() => setConfirming(undefined)}
      onDone={(text) => {
        setConfirming(undefined);
        setMessage(text);
      }}
    />
  );
  return { open, dialog, message };
}
