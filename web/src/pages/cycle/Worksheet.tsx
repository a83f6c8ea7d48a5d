import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CYCLE_PHASES } from '../../../../functions/domain/cycle-phases.js';
import {
  useUpdateCycle,
  type CycleChanges,
  type CyclePhase,
  type CycleView,
  type Prediction,
} from '../../api/pdsa.js';
import { useMeasures } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { SelectField, TextArea, TextField } from '../../components/Fields.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { StudyVerdicts } from './StudyVerdicts.js';
import { useSectionDraft } from './useSectionDraft.js';

/**
 * The IHI Worksheet for Testing Change, phase by phase. The sections open in the cycle's current
 * phase are forms (for the unit's supervisors and coaches); the others are read-only.
 */
export function Worksheet({ cycle, canEdit, onReload }: { cycle: CycleView; canEdit: boolean; onReload: () => Promise<CycleView | undefined> }) {
  const { t } = useTranslation();
  const open = cycle.editableSections;
  const editable = (section: keyof CycleChanges) => canEdit && open.includes(section);
  return (
    <section className="worksheet" aria-labelledby="worksheet-heading">
      <h2 id="worksheet-heading">{t('worksheet.heading')}</h2>
      <p className="muted">{canEdit && open.length > 0 ? t('worksheet.introEditable') : t('worksheet.introReadOnly')}</p>

      <Section id="objective" letter="P" title={t('worksheet.objectiveSection')} state={stateOf(cycle.phase, 'planning', editable('objective'))}>
        {editable('objective') ? (
          <ObjectiveForm cycle={cycle} onReload={onReload} />
        ) : (
          <ReadOnly rows={[[t('worksheet.title'), cycle.title], [t('worksheet.objective'), cycle.objective]]} />
        )}
      </Section>

      <Section id="questions" letter="P" title={t('worksheet.questionsSection')} state={stateOf(cycle.phase, 'planning', editable('questions'))}>
        {editable('questions') ? <QuestionsForm cycle={cycle} onReload={onReload} /> : <QuestionsView questions={cycle.questions} />}
      </Section>

      <Section id="plan" letter="P" title={t('worksheet.plan')} state={stateOf(cycle.phase, 'planning', editable('plan'))}>
        {editable('plan') ? <PlanForm cycle={cycle} onReload={onReload} /> : <PlanView plan={cycle.plan} />}
      </Section>

      <Section id="do" letter="D" title={t('worksheet.doSection')} state={stateOf(cycle.phase, 'doing', editable('do'))}>
        {stateOf(cycle.phase, 'doing', editable('do')) === 'later' ? (
          <p className="muted">{t('worksheet.later.do')}</p>
        ) : editable('do') ? (
          <TextSectionForm
            cycle={cycle}
            section="do"
            fields={[
              ['whatHappened', t('worksheet.whatHappened'), t('worksheet.whatHappenedHint')],
              ['observations', t('worksheet.observations'), t('worksheet.observationsHint')],
              ['problems', t('worksheet.problems'), t('worksheet.problemsHint')],
            ]}
            onReload={onReload}
          />
        ) : (
          <ReadOnly
            rows={[
              [t('worksheet.whatHappened'), cycle.do.whatHappened],
              [t('worksheet.observations'), cycle.do.observations],
              [t('worksheet.problems'), cycle.do.problems],
            ]}
          />
        )}
      </Section>

      <Section id="study" letter="S" title={t('worksheet.studySection')} state={stateOf(cycle.phase, 'studying', editable('study'))}>
        {editable('study') && cycle.questions.length > 0 && (
          <details className="definition">
            <summary>{t('worksheet.showPredictions')}</summary>
            <QuestionsView questions={cycle.questions} />
          </details>
        )}
        <StudyVerdicts cycle={cycle} />
        {stateOf(cycle.phase, 'studying', editable('study')) === 'later' ? (
          <p className="muted">{t('worksheet.later.study')}</p>
        ) : editable('study') ? (
          <TextSectionForm
            cycle={cycle}
            section="study"
            fields={[
              ['results', t('worksheet.results'), t('worksheet.resultsHint')],
              ['learning', t('worksheet.learning'), t('worksheet.learningHint')],
            ]}
            onReload={onReload}
          />
        ) : (
          <ReadOnly
            rows={[
              [t('worksheet.results'), cycle.study.results],
              [t('worksheet.learning'), cycle.study.learning],
            ]}
          />
        )}
      </Section>

      <Section id="act" letter="A" title={t('worksheet.actSection')} state={stateOf(cycle.phase, 'acting', false)}>
        {cycle.act ? (
          <ReadOnly
            rows={[
              [t('worksheet.decision'), t(`decisions.${cycle.act.decision}`)],
              [t('worksheet.reason'), cycle.act.reason],
              [t('worksheet.nextSteps'), cycle.act.nextSteps],
              ...(cycle.act.reasonAgainstData ? [[t('learning.worksheet.reasonAgainstData'), cycle.act.reasonAgainstData] as [string, string]] : []),
            ]}
          />
        ) : (
          <p className="muted">{t('worksheet.actHint')}</p>
        )}
      </Section>
    </section>
  );
}

type SectionState = 'open' | 'openReadOnly' | 'done' | 'later';

const ORDER = (phase: CyclePhase) => CYCLE_PHASES.indexOf(phase);
/** The phases after Act (adopted, embedding, adapted, abandoned): the cycle is finished. */
const finished = (phase: CyclePhase) => ORDER(phase) > ORDER('acting');

/** Where a section stands: filled in now, already behind the cycle, or still ahead of it. */
function stateOf(current: CyclePhase, sectionPhase: CyclePhase, editable: boolean): SectionState {
  if (editable) return 'open';
  if (finished(current)) return 'done';
  // The Do section stays open in Study, the Study section in Act: both are "open" for the people who edit.
  const openUntil: Partial<Record<CyclePhase, CyclePhase>> = { doing: 'studying', studying: 'acting' };
  const last = openUntil[sectionPhase] ?? sectionPhase;
  if (ORDER(current) >= ORDER(sectionPhase) && ORDER(current) <= ORDER(last)) return 'openReadOnly';
  return ORDER(current) > ORDER(last) ? 'done' : 'later';
}

function Section({ id, letter, title, state, children }: { id: string; letter: string; title: string; state: SectionState; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `worksheet-${id}`;
  return (
    <section className={`worksheet-section worksheet-section--${state}`} aria-labelledby={headingId}>
      <div className="worksheet-section__header">
        <h3 id={headingId}>
          <span className="worksheet-section__letter" aria-hidden="true">
            {letter}
          </span>
          {title}
        </h3>
        <span className={`section-state section-state--${state}`}>{t(`worksheet.state.${state}`)}</span>
      </div>
      {children}
    </section>
  );
}

function ReadOnly({ rows }: { rows: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <dl className="read-only">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={value.trim() ? 'multiline' : 'muted'}>{value.trim() ? value : t('worksheet.notRecorded')}</dd>
        </div>
      ))}
    </dl>
  );
}

function PlanView({ plan }: { plan: CycleView['plan'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ReadOnly
      rows={[
        [t('worksheet.who'), plan.who],
        [t('worksheet.what'), plan.what],
        [t('worksheet.where'), plan.where],
        [t('worksheet.doStart'), plan.doStart ? format.dateWithWeekday(plan.doStart) : ''],
        [t('worksheet.doEnd'), plan.doEnd ? format.dateWithWeekday(plan.doEnd) : ''],
        [t('worksheet.dataCollection'), plan.dataCollection],
      ]}
    />
  );
}

function useMeasureLabel() {
  const measures = useMeasures();
  const locale = currentLocale();
  return (key: string) => measures.data?.find((m) => m.key === key)?.name[locale] ?? key;
}

function QuestionsView({ questions }: { questions: Prediction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const measureLabel = useMeasureLabel();
  if (questions.length === 0) return <p className="muted">{t('worksheet.noQuestions')}</p>;
  return (
    <ol className="questions">
      {questions.map((q, i) => (
        <li key={i} className="questions__item">
          <p className="questions__question">{q.question}</p>
          <p className="multiline">
            <span className="questions__label">{t('worksheet.prediction')}: </span>
            {q.prediction.trim() || <span className="muted">{t('worksheet.notRecorded')}</span>}
          </p>
          {(q.measureKey || q.expectedValue !== undefined || q.expectedDirection) && (
            <p className="questions__measure">
              {q.measureKey && (
                <>
                  <span className="questions__label">{t('worksheet.measure')}: </span>
                  {measureLabel(q.measureKey)}
                </>
              )}
              {q.expectedDirection && <> · {t(`directions.${q.expectedDirection}`)}</>}
              {q.expectedValue !== undefined && (
                <>
                  {' · '}
                  {t('worksheet.expectedValue')}: {format.number(q.expectedValue)}
                </>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Save and "saved" for a section form; a 412 offers the latest version, dropping the draft. */
function SaveBar({
  pending,
  dirty,
  saved,
  error,
  onReload,
  label,
}: {
  pending: boolean;
  dirty: boolean;
  saved: boolean;
  error: unknown;
  onReload: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionError error={error} onReload={onReload} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('form.saving') : label}
        </button>
        <p className="save-state" role="status">
          {dirty ? t('worksheet.unsaved') : saved ? t('worksheet.saved') : ''}
        </p>
      </div>
    </>
  );
}

/** Shared save logic: PATCH the section with If-Match of the version the draft started from. */
function useSectionSave<T>(cycle: CycleView, pick: (c: CycleView) => T, toChanges: (value: T) => CycleChanges, onReload: () => Promise<CycleView | undefined>) {
  const server = pick(cycle);
  const section = useSectionDraft(server, cycle.version);
  const update = useUpdateCycle(cycle.unitId, cycle.id);
  const [saved, setSaved] = useState(false);
  const save = (value: T) => {
    setSaved(false);
    update.mutate(
      { version: section.baseVersion, changes: toChanges(value) },
      {
        onSuccess: (after) => {
          section.reset(pick(after), after.version);
          setSaved(true);
        },
      },
    );
  };
  const reload = () => {
    update.reset();
    void onReload().then((latest) => latest && section.reset(pick(latest), latest.version));
  };
  return { ...section, save, saved: saved && !section.dirty, update, reload };
}

function ObjectiveForm({ cycle, onReload }: { cycle: CycleView; onReload: () => Promise<CycleView | undefined> }) {
  const { t } = useTranslation();
  const s = useSectionSave(cycle, (c) => ({ title: c.title, objective: c.objective }), (v) => v, onReload);
  const [error, setError] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!s.draft.title.trim()) {
      setError(t('form.requiredError'));
      return;
    }
    setError(undefined);
    s.save({ ...s.draft, title: s.draft.title.trim() });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField label={t('worksheet.title')} required value={s.draft.title} error={error} maxLength={200} onChange={(e) => s.setDraft({ ...s.draft, title: e.target.value })} />
      <TextArea
        label={t('worksheet.objective')}
        hint={t('worksheet.objectiveHint')}
        value={s.draft.objective}
        rows={4}
        onChange={(e) => s.setDraft({ ...s.draft, objective: e.target.value })}
      />
      <SaveBar pending={s.update.isPending} dirty={s.dirty} saved={s.saved} error={s.update.error} onReload={s.reload} label={t('worksheet.saveObjective')} />
    </form>
  );
}

function PlanForm({ cycle, onReload }: { cycle: CycleView; onReload: () => Promise<CycleView | undefined> }) {
  const { t } = useTranslation();
  const s = useSectionSave(cycle, (c) => c.plan, (plan) => ({ plan }), onReload);
  const [error, setError] = useState<string>();
  const plan = s.draft;
  const set = (key: 'who' | 'what' | 'where' | 'dataCollection') => (e: { target: { value: string } }) => s.setDraft({ ...plan, [key]: e.target.value });
  const setDate = (key: 'doStart' | 'doEnd') => (e: { target: { value: string } }) => s.setDraft({ ...plan, [key]: e.target.value || null });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (plan.doStart && plan.doEnd && plan.doEnd < plan.doStart) {
      setError(t('worksheet.doEndBeforeStart'));
      return;
    }
    setError(undefined);
    s.save(plan);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form__row">
        <TextField label={t('worksheet.who')} hint={t('worksheet.whoHint')} value={plan.who} onChange={set('who')} />
        <TextField label={t('worksheet.where')} hint={t('worksheet.whereHint')} value={plan.where} onChange={set('where')} />
      </div>
      <TextArea label={t('worksheet.what')} hint={t('worksheet.whatHint')} value={plan.what} onChange={set('what')} />
      <div className="form__row">
        <TextField label={t('worksheet.doStart')} type="date" value={plan.doStart ?? ''} onChange={setDate('doStart')} />
        <TextField label={t('worksheet.doEnd')} type="date" value={plan.doEnd ?? ''} min={plan.doStart ?? undefined} onChange={setDate('doEnd')} error={error} />
      </div>
      <TextArea label={t('worksheet.dataCollection')} hint={t('worksheet.dataCollectionHint')} value={plan.dataCollection} onChange={set('dataCollection')} />
      <SaveBar pending={s.update.isPending} dirty={s.dirty} saved={s.saved} error={s.update.error} onReload={s.reload} label={t('worksheet.savePlan')} />
    </form>
  );
}

type TextSection = 'do' | 'study';

function TextSectionForm<S extends TextSection>({
  cycle,
  section,
  fields,
  onReload,
}: {
  cycle: CycleView;
  section: S;
  fields: [keyof CycleView[S] & string, string, string][];
  onReload: () => Promise<CycleView | undefined>;
}) {
  const { t } = useTranslation();
  const s = useSectionSave(
    cycle,
    (c) => c[section],
    (value) => ({ [section]: value }) as CycleChanges,
    onReload,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    s.save(s.draft);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {fields.map(([key, label, hint]) => (
        <TextArea
          key={key}
          label={label}
          hint={hint}
          rows={4}
          value={String(s.draft[key] ?? '')}
          onChange={(e) => s.setDraft({ ...s.draft, [key]: e.target.value })}
        />
      ))}
      <SaveBar
        pending={s.update.isPending}
        dirty={s.dirty}
        saved={s.saved}
        error={s.update.error}
        onReload={s.reload}
        label={section === 'do' ? t('worksheet.saveDo') : t('worksheet.saveStudy')}
      />
    </form>
  );
}

type QuestionDraft = { question: string; prediction: string; measureKey: string; expectedValue: string; expectedDirection: string };

const toDraft = (q: Prediction): QuestionDraft => ({
  question: q.question,
  prediction: q.prediction,
  measureKey: q.measureKey ?? '',
  expectedValue: q.expectedValue === undefined ? '' : String(q.expectedValue),
  expectedDirection: q.expectedDirection ?? '',
});

function fromDraft(q: QuestionDraft): Prediction {
  const value = Number(q.expectedValue.replace(',', '.'));
  return {
    question: q.question.trim(),
    prediction: q.prediction,
    ...(q.measureKey ? { measureKey: q.measureKey } : {}),
    ...(q.expectedValue.trim() !== '' && Number.isFinite(value) ? { expectedValue: value } : {}),
    ...(q.expectedDirection ? { expectedDirection: q.expectedDirection as NonNullable<Prediction['expectedDirection']> } : {}),
  };
}

function QuestionsForm({ cycle, onReload }: { cycle: CycleView; onReload: () => Promise<CycleView | undefined> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const measures = useMeasures();
  const s = useSectionSave(cycle, (c) => c.questions.map(toDraft), (rows) => ({ questions: rows.map(fromDraft) }), onReload);
  const [errors, setErrors] = useState<Record<number, { question?: string; expectedValue?: string }>>({});
  const rows = s.draft;
  const setRow = (index: number, patch: Partial<QuestionDraft>) => s.setDraft(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    rows.forEach((row, i) => {
      const problem: { question?: string; expectedValue?: string } = {};
      if (!row.question.trim()) problem.question = t('form.requiredError');
      if (row.expectedValue.trim() && !Number.isFinite(Number(row.expectedValue.replace(',', '.')))) problem.expectedValue = t('worksheet.numberError');
      if (problem.question || problem.expectedValue) problems[i] = problem;
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    s.save(rows);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="field__hint">{t('worksheet.questionsHint')}</p>
      {rows.length === 0 && <p className="muted">{t('worksheet.noQuestions')}</p>}
      <ol className="question-forms">
        {rows.map((row, i) => (
          <li key={i}>
            <fieldset className="form__group">
              <legend>{t('worksheet.questionNumber', { number: i + 1 })}</legend>
              <TextArea label={t('worksheet.question')} required rows={2} value={row.question} error={errors[i]?.question} onChange={(e) => setRow(i, { question: e.target.value })} />
              <TextArea label={t('worksheet.prediction')} hint={t('worksheet.predictionHint')} rows={2} value={row.prediction} onChange={(e) => setRow(i, { prediction: e.target.value })} />
              <div className="form__row form__row--three">
                <SelectField label={t('worksheet.measure')} value={row.measureKey} onChange={(e) => setRow(i, { measureKey: e.target.value })}>
                  <option value="">{t('newCycle.none')}</option>
                  {measures.data?.map((m) => (
                    <option key={m.key} value={m.key}>
                      {m.name[locale]}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t('worksheet.expectedDirection')} value={row.expectedDirection} onChange={(e) => setRow(i, { expectedDirection: e.target.value })}>
                  <option value="">{t('newCycle.none')}</option>
                  {(['increase', 'decrease', 'noChange'] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(`directions.${d}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t('worksheet.expectedValue')}
                  inputMode="decimal"
                  value={row.expectedValue}
                  error={errors[i]?.expectedValue}
                  onChange={(e) => setRow(i, { expectedValue: e.target.value })}
                />
              </div>
              <button type="button" className="button button--quiet button--small" onClick={() => s.setDraft(rows.filter((_, j) => j !== i))}>
                {t('worksheet.removeQuestion', { number: i + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => s.setDraft([...rows, { question: '', prediction: '', measureKey: '', expectedValue: '', expectedDirection: '' }])}
      >
        <span aria-hidden="true" className="button__glyph">+</span>
        {t('worksheet.addQuestion')}
      </button>
      <SaveBar pending={s.update.isPending} dirty={s.dirty} saved={s.saved} error={s.update.error} onReload={s.reload} label={t('worksheet.saveQuestions')} />
    </form>
  );
}
