import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/**
 * Why a save or an action did not go through. A 409 carries the API's own sentence saying why and
 * what is allowed (shown as it is, in English); a 412 means someone else changed the thing first,
 * so the person is offered the latest version; a 400 lists the fields the API refused.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const status = apiError?.status;
  const detail = apiError?.problem?.detail;

  let message: string;
  if (status === 409) message = t('actionError.conflict');
  else if (status === 412) message = t('actionError.stale');
  else if (status === 400 || status === 422) message = t('actionError.invalid');
  else if (status === 403) message = t('error.forbidden');
  else if (status === 404) message = t('actionError.notFound');
  else if (status === 0 || !apiError) message = t('error.network');
  else message = t('error.server');

  const fieldErrors = apiError?.problem?.errors ?? [];
  return (
    <div className="notice notice--error notice--compact" role="alert">
      <p className="notice__title">
        <span className="notice__icon" aria-hidden="true">
          !
        </span>
        {message}
      </p>
      {status === 409 && detail && (
        <p className="action-error__detail" lang="en">
          {detail}
        </p>
      )}
      {fieldErrors.length > 0 && (
        <ul className="action-error__fields" lang="en">
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {status === 412 && onReload && (
        <button type="button" className="button button--quiet" onClick={onReload}>
          {t('actionError.reload')}
        </button>
      )}
      {status !== 409 && status !== 412 && detail && fieldErrors.length === 0 && (
        <details className="technical">
          <summary>{t('error.technical')}</summary>
          <p lang="en">
            {status ? `${status}: ` : ''}
            {detail}
          </p>
        </details>
      )}
    </div>
  );
}
