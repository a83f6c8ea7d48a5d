import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAims, useChangeIdeas, useCreateCycle } from '../../api/pdsa.js';
import { ActionError } from '../../components/ActionError.js';
import { SelectField, TextArea, TextField, FormActions } from '../../components/Fields.js';
import { navigate } from '../../router.js';

const EMPTY = { title: '', changeIdeaId: '', aimId: '', objective: '', who: '', what: '', where: '', doStart: '', doEnd: '', dataCollection: '' };

/** "New cycle": the title and what is known of the plan; the rest is filled in on the cycle's page. */
export function NewCycleForm({ unitId, onCancel }: { unitId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const aims = useAims(unitId);
  const ideas = useChangeIdeas(unitId);
  const create = useCreateCycle(unitId);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!form.title.trim()) problems.title = t('form.requiredError');
    if (form.doStart && form.doEnd && form.doEnd < form.doStart) problems.doEnd = t('worksheet.doEndBeforeStart');
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(problems.title ? 'new-cycle-title' : 'new-cycle-do-end')?.focus();
      return;
    }
    // A change idea brings its aim along when no aim was chosen.
    const idea = ideas.data?.find((i) => i.id === form.changeIdeaId);
    create.mutate(
      {
        title: form.title.trim(),
        changeIdeaId: form.changeIdeaId || null,
        aimId: form.aimId || idea?.aimId || null,
        objective: form.objective,
        plan: {
          who: form.who,
          what: form.what,
          where: form.where,
          doStart: form.doStart || null,
          doEnd: form.doEnd || null,
          dataCollection: form.dataCollection,
        },
      },
      { onSuccess: (cycle) => navigate(`/units/${unitId}/cycles/${cycle.id}`) },
    );
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="new-cycle-heading">
      <h3 id="new-cycle-heading">{t('newCycle.title')}</h3>
      <p className="muted">{t('newCycle.intro')}</p>
      <TextField id="new-cycle-title" label={t('worksheet.title')} required value={form.title} onChange={set('title')} error={errors.title} maxLength={200} />
      <div className="form__row">
        <SelectField label={t('newCycle.changeIdea')} value={form.changeIdeaId} onChange={set('changeIdeaId')}>
          <option value="">{t('newCycle.none')}</option>
          {ideas.data?.map((idea) => (
            <option key={idea.id} value={idea.id}>
              {idea.title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('newCycle.aim')} value={form.aimId} onChange={set('aimId')}>
          <option value="">{t('newCycle.none')}</option>
          {aims.data?.map((aim) => (
            <option key={aim.id} value={aim.id}>
              {aim.statement}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea label={t('worksheet.objective')} hint={t('worksheet.objectiveHint')} value={form.objective} onChange={set('objective')} />
      <fieldset className="form__group">
        <legend>{t('worksheet.plan')}</legend>
        <div className="form__row">
          <TextField label={t('worksheet.who')} value={form.who} onChange={set('who')} />
          <TextField label={t('worksheet.where')} value={form.where} onChange={set('where')} />
        </div>
        <TextArea label={t('worksheet.what')} value={form.what} onChange={set('what')} />
        <div className="form__row">
          <TextField label={t('worksheet.doStart')} type="date" value={form.doStart} onChange={set('doStart')} />
          <TextField
            id="new-cycle-do-end"
            label={t('worksheet.doEnd')}
            type="date"
            value={form.doEnd}
            min={form.doStart || undefined}
            onChange={set('doEnd')}
            error={errors.doEnd}
          />
        </div>
        <TextArea label={t('worksheet.dataCollection')} hint={t('worksheet.dataCollectionHint')} value={form.dataCollection} onChange={set('dataCollection')} />
      </fieldset>
      <ActionError error={create.error} />
      <FormActions label={t('newCycle.create')} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}
