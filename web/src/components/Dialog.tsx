import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type DialogProps = {
  /** The dialog's heading, which also names it for assistive technology. */
  title: string;
  /** Closes it: the close button, Esc, or the caller after a successful action. */
  onClose: () => void;
  children: ReactNode;
  /** An optional short explanation under the heading; it also describes the dialog. */
  description?: ReactNode;
};

/**
 * A modal dialog on the native `<dialog>`: the rest of the page is inert while it is open, focus
 * moves into it and cycles within it (Tab and Shift+Tab wrap), Esc closes it, and focus returns to
 * whatever opened it. Render it only while it is open.
 */
export function Dialog({ title, onClose, children, description }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first field, or else the first control; the heading when the dialog has neither.
    const body = dialog.querySelector<HTMLElement>('.dialog__body');
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      body?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea') ??
      body?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog.querySelector<HTMLElement>('h2'))?.focus();

    const onCancel = (event: Event) => {
      // Esc: let React decide (it unmounts the dialog), rather than the browser closing it under us.
      event.preventDefault();
      onCloseRef.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
      const firstEl = focusable[0];
      const lastEl = focusable[focusable.length - 1];
      if (!firstEl || !lastEl) return;
      if (event.shiftKey && (document.activeElement === firstEl || !dialog.contains(document.activeElement))) {
        event.preventDefault();
        lastEl.focus();
      } else if (!event.shiftKey && (document.activeElement === lastEl || !dialog.contains(document.activeElement))) {
        event.preventDefault();
        firstEl.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      <div className="dialog__header">
        <h2 id={titleId} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('common.close')}</span>
        </button>
      </div>
      {description && (
        <div id={descriptionId} className="dialog__description">
          {description}
        </div>
      )}
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
