import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** Form fields with their label, an optional hint and an error tied to the control (aria-describedby). */

type Common = {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Says "(required)" after the label in words, not by a star or colour. */
  required?: boolean;
};

function useFieldIds(hint: ReactNode, error: string | undefined, explicitId?: string) {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {label}
      {required && <span className="field__required"> ({t('form.required')})</span>}
    </label>
  );
}

function HintAndError({ hint, error, hintId, errorId }: { hint?: ReactNode; error?: string; hintId: string; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  label,
  hint,
  error,
  required,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>) {
  const ids = useFieldIds(hint, error, input.id);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <HintAndError hint={hint} error={error} hintId={ids.hintId} errorId={ids.errorId} />
      <input
        {...input}
        id={ids.id}
        className="field__control"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  error,
  required,
  className,
  ...textarea
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required'>) {
  const ids = useFieldIds(hint, error, textarea.id);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <HintAndError hint={hint} error={error} hintId={ids.hintId} errorId={ids.errorId} />
      <textarea
        {...textarea}
        id={ids.id}
        className="field__control"
        rows={3}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  className,
  children,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'>) {
  const ids = useFieldIds(hint, error, select.id);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <HintAndError hint={hint} error={error} hintId={ids.hintId} errorId={ids.errorId} />
      <select
        {...select}
        id={ids.id}
        className="field__control"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {children}
      </select>
    </div>
  );
}

/** A group of radio buttons or checkboxes under a legend. */
export function Choices({
  legend,
  hint,
  error,
  required,
  children,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ids = useFieldIds(hint, error);
  return (
    <fieldset className="field choices" aria-describedby={ids.describedBy}>
      <legend className="field__label">
        {legend}
        {required && <span className="field__required"> ({t('form.required')})</span>}
      </legend>
      <HintAndError hint={hint} error={error} hintId={ids.hintId} errorId={ids.errorId} />
      <div className="choices__options">{children}</div>
    </fieldset>
  );
}

export function Choice({ label, hint, ...input }: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="choice">
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span id={`${id}-hint`} className="choice__hint">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}

/** A form's submit button (saying "saving…" while pending) and its cancel button. */
export function FormActions({ label, pending, onCancel, danger = false }: { label: string; pending: boolean; onCancel: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className={danger ? 'button button--danger-solid' : 'button'} disabled={pending}>
        {pending ? t('form.saving') : label}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
