import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/**
 * Why a load, a save or an action did not go through: the one error box of the app. The API says
 * its refusals in the UI language (the web sends it as Accept-Language), so its sentence is shown
 * as it is, with each refused field named in words; a 412 means someone else changed the thing
 * first, so the person is offered the latest version.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const status = apiError?.status;
  const problem = apiError?.problem;

  let fallback: string;
  if (status === 409) fallback = t('actionError.conflict');
  else if (status === 412) fallback = t('actionError.stale');
  else if (status === 400 || status === 422) fallback = t('actionError.invalid');
  else if (status === 403) fallback = t('error.forbidden');
  else if (status === 404) fallback = t('actionError.notFound');
  else if (status === 0 || !apiError) fallback = t('error.network');
  else fallback = t('error.server');

  const fieldErrors = problem?.errors ?? [];
  return (
    <div className="notice notice--error notice--compact" role="alert">
      <p className="notice__title">
        <span className="notice__icon" aria-hidden="true">
          !
        </span>
        {problem?.detail ?? fallback}
      </p>
      {fieldErrors.length > 0 && (
        <ul className="action-error__fields">
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.label ? <strong>{e.label}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {status === 412 && onReload && (
        <button type="button" className="button button--quiet" onClick={onReload}>
          {t('actionError.reload')}
        </button>
      )}
    </div>
  );
}
