import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError.js';
import { useFormat } from '../../i18n/format.js';
import { useExportCsv, useImportCsv, type ImportReport } from '../../api/measurements.js';

/**
 * CSV import: choose a file, preview every row's result (nothing is written), then import it,
 * all rows or none. A new file or a bad row means another preview first.
 */
export function CsvImport({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const importCsv = useImportCsv(unitId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const onFile = (chosen: File | undefined) => {
    setPreview(null);
    setImported(null);
    importCsv.reset();
    setFileError(null);
    setFile(chosen ?? null);
  };

  const run = (dryRun: boolean) => {
    if (!file) {
      setFileError(t('csvImport.chooseFirst'));
      document.getElementById(inputId)?.focus();
      return;
    }
    importCsv.mutate(
      { file, dryRun },
      {
        onSuccess: (report) => {
          if (dryRun) setPreview(report);
          else {
            setImported(report);
            setPreview(null);
          }
          // Move to the result so that keyboard and screen reader users land on it.
          requestAnimationFrame(() => resultRef.current?.focus());
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(true);
  };

  return (
    <section className="panel csv-import" aria-labelledby="csv-import-heading">
      <h2 id="csv-import-heading">{t('csvImport.title')}</h2>
      <p>{t('csvImport.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t('csvImport.file')}
          </label>
          <p id={hintId} className="field__hint">
            {t('csvImport.fileHint')}
          </p>
          {fileError && (
            <p id={errorId} className="field__error">
              <span className="field__error-icon" aria-hidden="true">
                !
              </span>
              {fileError}
            </p>
          )}
          <input
            id={inputId}
            type="file"
            className="field__control csv-import__file"
            accept=".csv,text/csv"
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={importCsv.isPending}>
            {importCsv.isPending && importCsv.variables?.dryRun ? t('csvImport.previewing') : t('csvImport.preview')}
          </button>
        </div>
      </form>
      <ActionError error={importCsv.error} />
      <div ref={resultRef} tabIndex={-1} className="csv-import__result">
        {imported && (
          <p className="status-message" role="status">
            {imported.written ? t('csvImport.written', { count: imported.counts.create + imported.counts.update }) : t('csvImport.nothingNew')}
          </p>
        )}
        {preview && <ImportPreview report={preview} fileName={file?.name ?? ''} />}
        {preview?.valid && (
          <div className="form__actions">
            <button type="button" className="button" disabled={importCsv.isPending} onClick={() => run(false)}>
              {importCsv.isPending ? t('form.saving') : t('csvImport.import', { count: preview.counts.create + preview.counts.update })}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

const STATUS_ORDER = ['invalid', 'create', 'update', 'unchanged'] as const;

/** Every row's result; the bad ones with their line number and reason. */
function ImportPreview({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  return (
    <div className="csv-preview">
      <h3>{t('csvImport.previewTitle', { file: fileName })}</h3>
      {report.valid ? (
        <p className="notice notice--info notice--compact">{t('csvImport.allValid')}</p>
      ) : (
        <div className="notice notice--error notice--compact" role="alert">
          <p className="notice__title">
            <span className="notice__icon" aria-hidden="true">
              !
            </span>
            {t('csvImport.someInvalid', { count: report.counts.invalid })}
          </p>
          <ul className="problem-list">
            {report.rows
              .filter((row) => row.status === 'invalid')
              .map((row) => (
                <li key={row.line}>
                  {t('csvImport.line', { line: row.line })}: {row.errors.map((e) => `${e.field}: ${e.message}`).join(' ')}
                </li>
              ))}
          </ul>
        </div>
      )}
      <ul className="csv-preview__counts">
        {STATUS_ORDER.map((status) => (
          <li key={status}>{t(`csvImport.counts.${status}`, { count: report.counts[status] })}</li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId} className="chart-table__caption">
            {t('csvImport.rowsCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('csvImport.lineColumn')}</th>
              <th scope="col">{t('csvImport.measure')}</th>
              <th scope="col">{t('csvImport.period')}</th>
              <th scope="col">{t('csvImport.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.line} className={row.status === 'invalid' ? 'csv-preview__bad' : undefined}>
                <th scope="row">{row.line}</th>
                <td>{row.measureKey}</td>
                <td>{format.period(row.period)}</td>
                <td>
                  <span className={`csv-status csv-status--${row.status}`}>{t(`csvImport.status.${row.status}`)}</span>
                  {row.errors.length > 0 && (
                    <ul className="csv-preview__errors">
                      {row.errors.map((e) => (
                        <li key={`${e.field}:${e.message}`}>
                          {e.field}: {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Downloads the unit's figures in the import format (Finnish Excel: BOM, `;`, decimal comma). */
export function CsvExport({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const exportCsv = useExportCsv(unitId);
  return (
    <section className="panel" aria-labelledby="csv-export-heading">
      <h2 id="csv-export-heading">{t('csvExport.title')}</h2>
      <p>{t('csvExport.intro')}</p>
      <button type="button" className="button button--quiet" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
        {exportCsv.isPending ? t('csvExport.preparing') : t('csvExport.download')}
      </button>
      {exportCsv.isSuccess && (
        <p className="status-message" role="status">
          {t('csvExport.done', { file: exportCsv.data })}
        </p>
      )}
      <ActionError error={exportCsv.error} />
    </section>
  );
}
