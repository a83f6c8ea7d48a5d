import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACT_DECISIONS } from '../../../../functions/domain/cycle-phases.js';
import { useRecordOutcome, type ActDecision, type CycleView, type Review } from '../../api/pdsa.js';
import { ApiError } from '../../api/client.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { Choice, Choices, TextArea, FormActions } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

/** What a dialog acting on one review gets. */
export type ReviewDialogProps = {
  cycle: CycleView;
  review: Review;
  onClose: () => void;
  onDone: (message: string) => void;
  /** After a 412: the review changed meanwhile; load it again. */
  onReload?: () => void;
};

/**
 * The review's outcome: notes, and for a study review the Act decision (adopt, adapt or abandon)
 * with its reason and next steps, which the cycle's workflow then applies.
 */
export function OutcomeDialog({ cycle, review, onClose, onDone, onReload }: ReviewDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useRecordOutcome(cycle.unitId, cycle.id);
  const study = review.kind === 'study';
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<ActDecision>();
  const [reason, setReason] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [reasonAgainstData, setReasonAgainstData] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string; reasonAgainstData?: string }>({});
  const againstData = study && decision !== undefined && cycle.decisionsAgainstData.includes(decision);
  const locale = currentLocale();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (study && !decision) problems.decision = t('outcome.decisionRequired');
    if (study && !reason.trim()) problems.reason = t('outcome.reasonRequired');
    if (againstData && !reasonAgainstData.trim()) problems.reasonAgainstData = t('learning.act.reasonAgainstDataRequired');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const act = decision && { decision, reason: reason.trim(), nextSteps, ...(againstData ? { reasonAgainstData: reasonAgainstData.trim() } : {}) };
    record.mutate(
      { review, json: study && act ? { notes, act } : { notes } },
      { onSuccess: () => onDone(study && decision ? t(`outcome.recordedDecision.${decision}`) : t('outcome.recorded')) },
    );
  };

  return (
    <Dialog
      title={t(study ? 'outcome.titleStudy' : 'outcome.titlePlan')}
      onClose={onClose}
      description={
        <p>
          {t(`reviewKinds.${review.kind}`)}, {format.meeting(review.startsAt, review.durationMinutes)}
        </p>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        {study && cycle.verdicts.length > 0 && (
          <div className="notice notice--info notice--compact">
            <p className="notice__title">{t('learning.act.dataHeading')}</p>
            <ul>
              {cycle.verdicts.map((v) => (
                <li key={v.questionIndex}>{v.text[locale]}</li>
              ))}
            </ul>
          </div>
        )}
        {study && (
          <>
            <Choices legend={t('outcome.decision')} hint={t('outcome.decisionHint')} error={errors.decision} required>
              {ACT_DECISIONS.map((d) => (
                <Choice
                  key={d}
                  type="radio"
                  name="act-decision"
                  value={d}
                  checked={decision === d}
                  onChange={() => setDecision(d)}
                  label={t(`decisions.${d}`)}
                  hint={t(`outcome.decisionHints.${d}`)}
                />
              ))}
            </Choices>
            <TextArea label={t('worksheet.reason')} hint={t('outcome.reasonHint')} required value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
            {againstData && decision && (
              <TextArea
                label={t('learning.act.reasonAgainstData')}
                hint={t(`learning.act.againstData.${decision === 'adopt' ? 'adopt' : 'abandon'}`)}
                required
                value={reasonAgainstData}
                error={errors.reasonAgainstData}
                onChange={(e) => setReasonAgainstData(e.target.value)}
              />
            )}
            <TextArea
              label={t('worksheet.nextSteps')}
              hint={decision === 'adapt' ? t('outcome.nextStepsAdaptHint') : t('outcome.nextStepsHint')}
              value={nextSteps}
              onChange={(e) => setNextSteps(e.target.value)}
            />
          </>
        )}
        <TextArea label={t('outcome.notes')} hint={t('outcome.notesHint')} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <Refusal error={record.error} />
        <ActionError error={record.error} onReload={onReload} />
        <FormActions label={t('outcome.save')} pending={record.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The Act decision's own refusals, said in the person's language (the API's sentence is in English). */
function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const type = error instanceof ApiError ? error.problem?.type : undefined;
  if (type === 'urn:sykli:problem:cycle.studyNotWritten') return <p className="notice notice--error notice--compact" role="alert">{t('learning.act.studyNotWritten')}</p>;
  if (type === 'urn:sykli:problem:cycle.decisionAgainstData') return <p className="notice notice--error notice--compact" role="alert">{t('learning.act.reasonAgainstDataRequired')}</p>;
  return null;
}
