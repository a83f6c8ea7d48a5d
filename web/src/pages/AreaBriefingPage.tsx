import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { useAreaBriefing, useMarkBriefingPresented, type AreaBriefing, type BriefingCycle, type BriefingUnit } from '../api/briefing.js';
import { ActionError } from '../components/ActionError.js';
import { useAreas, type Area } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { Sparkline } from '../components/chart/Sparkline.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextField } from '../components/Fields.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { helsinkiDate } from '../../../functions/domain/helsinki-calendar.js';
import { formatIn, useFormat } from '../i18n/format.js';
import { currentLocale, type Locale } from '../i18n/index.js';
import '../styles/learning.css';

/** The language one part of the briefing is written in: its texts, dates and numbers. */
type Voice = { lang: Locale; t: TFunction; format: ReturnType<typeof formatIn> };

/**
 * The status-meeting briefing (tilannekatsaus): what happened in the area's units between two dates
 * in the light of the measures. One page, printed on A4 for the meeting.
 */
export function AreaBriefingPage({ areaId }: { areaId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const [span, setSpan] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const briefing = useAreaBriefing(areaId, span);
  const areas = useAreas();
  const area = areas.data?.find((a) => a.id === areaId);
  const areaName = area?.name[locale];
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
  // A bilingual area's briefing is given in Finnish and then Swedish, so that one print serves both; otherwise in the reader's language.
  const bilingual = data.languages.length > 1;
  const ui: Voice = { lang: locale, t, format };
  const voices: Voice[] = data.languages.map((lang) => ({ lang, t: i18n.getFixedT(lang), format: formatIn(lang) }));
  const languageNames = format.list(data.languages.map((lang) => t(`areaLanguages.names.${lang}`)));
  return (
    <div className="briefing">
      {back}
      <PageHeading title={title} />
      <p className="muted no-print">{t(bilingual ? 'areaLanguages.briefingBilingual' : 'areaLanguages.briefingMonolingual', { languages: languageNames })}</p>
      {!bilingual && <BriefingIntro voice={ui} areaName={areaName} briefing={data} />}
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
      {bilingual
        ? voices.map((voice) => <LanguageSection key={voice.lang} voice={voice} area={area} briefing={data} />)
        : data.units.map((unit) => <UnitBriefing key={unit.unitId} voice={ui} unit={unit} level={2} />)}
    </div>
  );
}

/** One language's whole briefing, which starts a printed page of its own. */
function LanguageSection({ voice, area, briefing }: { voice: Voice; area: Area | undefined; briefing: AreaBriefing }) {
  const headingId = `briefing-${voice.lang}`;
  return (
    <section className="briefing-language" lang={voice.lang} aria-labelledby={headingId}>
      <h2 id={headingId}>{area ? voice.t('areaLanguages.sectionTitle', { area: area.name[voice.lang] }) : voice.t('learning.briefing.titleShort')}</h2>
      <BriefingIntro voice={voice} areaName={area?.name[voice.lang]} briefing={briefing} />
      {briefing.units.map((unit) => (
        <UnitBriefing key={unit.unitId} voice={voice} unit={unit} level={3} />
      ))}
    </section>
  );
}

/** The window, the area and day of printing, and when the briefing was last presented. */
function BriefingIntro({ voice: { t, format }, areaName, briefing }: { voice: Voice; areaName: string | undefined; briefing: AreaBriefing }) {
  return (
    <>
      <p className="lede">{t('learning.briefing.period', { range: format.isoDateRange(briefing.from, briefing.to) })}</p>
      <p className="print-only">{t('overview.printedOn', { area: areaName ?? '', date: format.date(helsinkiDate(new Date())) })}</p>
      <p className="muted">
        {briefing.lastPresented
          ? t('briefingMarker.lastPresented', { date: format.date(helsinkiDate(new Date(briefing.lastPresented.presentedAt))), name: briefing.lastPresented.by.name })
          : t('briefingMarker.never')}
      </p>
    </>
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

/** A unit's part of the briefing; under a language's own heading (level 3) when the briefing is bilingual. */
function UnitBriefing({ voice, unit, level }: { voice: Voice; unit: BriefingUnit; level: 2 | 3 }) {
  const { lang: locale, t, format } = voice;
  const periodName = format.period;
  const Heading = level === 2 ? 'h2' : 'h3';
  const Subheading = level === 2 ? 'h3' : 'h4';
  const headingId = `briefing-${locale}-${unit.unitId}`;
  const events: { kind: 'started' | 'studied' | 'decided'; cycle: BriefingCycle }[] = [
    ...unit.cyclesStarted.map((cycle) => ({ kind: 'started' as const, cycle })),
    ...unit.cyclesStudied.map((cycle) => ({ kind: 'studied' as const, cycle })),
    ...unit.cyclesDecided.map((cycle) => ({ kind: 'decided' as const, cycle })),
  ];
  const confirmed = unit.progress?.confirmed;
  const quiet = unit.newSignals.length === 0 && events.length === 0 && unit.missingData.length === 0 && !confirmed;
  return (
    <section className="briefing-unit" aria-labelledby={headingId}>
      <Heading id={headingId}>{unit.unitName[locale]}</Heading>
      {quiet && <p className="muted">{t('learning.briefing.quiet')}</p>}
      {unit.newSignals.length > 0 && (
        <>
          <Subheading>{t('learning.briefing.signals')}</Subheading>
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
                  language={locale}
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
          <Subheading>{t('learning.briefing.missing')}</Subheading>
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
