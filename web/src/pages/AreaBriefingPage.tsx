import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useAreaBriefing, useMarkBriefingPresented, type AreaBriefing, type BriefingCycle, type BriefingUnit } from '../api/briefing.js';
import { ActionError } from '../components/ActionError.js';
import { useAreas } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { Sparkline } from '../components/chart/Sparkline.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextField } from '../components/Fields.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { helsinkiDate } from '../../../functions/domain/helsinki-calendar.js';
import { useFormat } from '../i18n/format.js';
import { currentLocale } from '../i18n/index.js';
import { usePeriodName } from './measures/shared.js';
import '../styles/learning.css';

/**
 * The status-meeting briefing (tilannekatsaus): what happened in the area's units between two dates
 * in the light of the measures. One page, printed on A4 for the meeting.
 */
export function AreaBriefingPage({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const [span, setSpan] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const briefing = useAreaBriefing(areaId, span);
  const areas = useAreas();
  const areaName = areas.data?.find((a) => a.id === areaId)?.name[locale];
  const title = areaName ? t('learning.briefing.title', { area: areaName }) : t('learning.briefing.titleShort');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSpan({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };

  const back = (
    <p className="back no-print">
      <Link href={`/areas/${areaId}`}>
        <span aria-hidden="true">← </span>
        {t('learning.briefing.back')}
      </Link>
    </p>
  );

  if (briefing.isPending) {
    return (
      <>
        {back}
        <PageHeading title={title} />
        <Loading />
      </>
    );
  }
  if (briefing.isError) {
    const notFound = briefing.error instanceof ApiError && briefing.error.status === 404;
    return (
      <>
        {back}
        <PageHeading title={notFound ? t('overview.notFoundTitle') : t('error.title')} />
        {notFound ? <p>{t('overview.notFoundBody')}</p> : <ErrorState error={briefing.error} onRetry={() => void briefing.refetch()} />}
      </>
    );
  }
  const data = briefing.data;
  return (
    <div className="briefing">
      {back}
      <PageHeading title={title} />
      <p className="lede">{t('learning.briefing.period', { range: format.isoDateRange(data.from, data.to) })}</p>
      <p className="print-only">{t('overview.printedOn', { date: format.date(helsinkiDate(new Date())) })}</p>
      <p className="muted">
        {data.lastPresented
          ? t('briefingMarker.lastPresented', { date: format.date(helsinkiDate(new Date(data.lastPresented.presentedAt))), name: data.lastPresented.by.name })
          : t('briefingMarker.never')}
      </p>
      <form className="briefing__window no-print" onSubmit={onSubmit} aria-label={t('learning.briefing.windowForm')}>
        <TextField type="date" label={t('learning.briefing.from')} value={draft.from || data.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField type="date" label={t('learning.briefing.to')} value={draft.to || data.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="button">
          {t('learning.briefing.show')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          {t('overview.print')}
        </button>
      </form>
      {data.can.markPresented && <MarkPresented areaId={areaId} briefing={data} />}
      {data.units.map((unit) => (
        <UnitBriefing key={unit.unitId} unit={unit} />
      ))}
    </div>
  );
}

/** "Merkitse esitetyksi": after the meeting, the next briefing starts from today. */
function MarkPresented({ areaId, briefing }: { areaId: string; briefing: AreaBriefing }) {
  const { t } = useTranslation();
  const mark = useMarkBriefingPresented(areaId);
  return (
    <div className="briefing__presented no-print">
      {mark.isSuccess ? (
        <p className="notice notice--info notice--compact" role="status">
          {t('briefingMarker.marked')}
        </p>
      ) : (
        <button type="button" className="button button--quiet" disabled={mark.isPending} onClick={() => mark.mutate({ from: briefing.from, to: briefing.to })}>
          {mark.isPending ? t('form.saving') : t('briefingMarker.markPresented')}
        </button>
      )}
      <ActionError error={mark.error} />
    </div>
  );
}

function UnitBriefing({ unit }: { unit: BriefingUnit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const periodName = usePeriodName();
  const headingId = `briefing-${unit.unitId}`;
  const events: { kind: 'started' | 'studied' | 'decided'; cycle: BriefingCycle }[] = [
    ...unit.cyclesStarted.map((cycle) => ({ kind: 'started' as const, cycle })),
    ...unit.cyclesStudied.map((cycle) => ({ kind: 'studied' as const, cycle })),
    ...unit.cyclesDecided.map((cycle) => ({ kind: 'decided' as const, cycle })),
  ];
  const confirmed = unit.progress?.confirmed;
  const quiet = unit.newSignals.length === 0 && events.length === 0 && unit.missingData.length === 0 && !confirmed;
  return (
    <section className="briefing-unit" aria-labelledby={headingId}>
      <h2 id={headingId}>{unit.unitName[locale]}</h2>
      {quiet && <p className="muted">{t('learning.briefing.quiet')}</p>}
      {unit.newSignals.length > 0 && (
        <>
          <h3>{t('learning.briefing.signals')}</h3>
          <ul className="briefing-unit__list">
            {unit.newSignals.map((s) => (
              <li key={`${s.measureKey}:${s.kind}:${s.firstPeriod}`} className="briefing-unit__signal">
                <Sparkline
                  className="briefing-unit__thumbnail"
                  trend={s.trend}
                  variation={s.variation}
                  target={s.target}
                  name={s.measureName[locale]}
                  unitLabel={s.unitLabel[locale]}
                  width={96}
                  height={28}
                />
                <span>
                  <span className={`briefing-signal briefing-signal--${s.variation}`}>{t(`learning.briefing.variation.${s.variation}`)}</span>{' '}
                  <strong>{s.measureName[locale].split(' – ')[0]}</strong>: {s.text[locale]}
                  {s.lastPeriod !== s.firstPeriod && ` ${t('learning.briefing.until', { period: periodName(s.lastPeriod) })}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {events.length > 0 && (
        <table className="briefing-unit__cycles">
          <caption>{t('learning.briefing.cycles')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.briefing.cycle')}</th>
              <th scope="col">{t('learning.briefing.event')}</th>
              <th scope="col">{t('learning.briefing.verdicts')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map(({ kind, cycle }) => (
              <tr key={`${kind}:${cycle.cycleId}`}>
                <th scope="row">
                  <Link href={`/units/${unit.unitId}/cycles/${cycle.cycleId}`}>{cycle.title}</Link>
                </th>
                <td>
                  {kind === 'started' && cycle.doStart && t('learning.briefing.started', { date: format.date(cycle.doStart) })}
                  {kind === 'studied' && cycle.doEnd && t('learning.briefing.studied', { date: format.date(cycle.doEnd) })}
                  {kind === 'decided' && cycle.decision && t('learning.briefing.decided', { decision: t(`decisions.${cycle.decision}`) })}
                </td>
                <td>
                  {cycle.verdicts.length === 0 ? (
                    <span className="muted">{t('learning.briefing.noVerdicts')}</span>
                  ) : (
                    <ul className="briefing-unit__verdicts">
                      {cycle.verdicts.map((v) => (
                        <li key={v.measureKey}>{v.text[locale]}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unit.missingData.length > 0 && (
        <>
          <h3>{t('learning.briefing.missing')}</h3>
          <ul className="briefing-unit__list">
            {unit.missingData.map((m) => (
              <li key={m.measureKey}>
                <strong>{m.measureName[locale].split(' – ')[0]}</strong>: {m.periods.map(periodName).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {confirmed && (
        <p>
          {t('learning.briefing.progress', {
            score: format.number(confirmed.score, { minimumFractionDigits: 1 }),
            date: format.date(helsinkiDate(new Date(confirmed.at))),
          })}
        </p>
      )}
    </section>
  );
}
