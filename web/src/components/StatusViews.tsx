import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

/** A failed load, said plainly, with the server's details tucked away and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : undefined;
  const message =
    !apiError || apiError.status === 0
      ? t('error.network')
      : apiError.status === 403
        ? t('error.forbidden')
        : t('error.server');
  // The API says its refusals in the UI language: its sentence is the message.
  const detail = apiError?.problem?.detail;
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">
        <span className="notice__icon" aria-hidden="true">!</span>
        {t('error.title')}
      </h2>
      <p>{detail ?? message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="notice notice--empty">
      <h2 className="notice__title">{title}</h2>
      {children}
    </div>
  );
}
