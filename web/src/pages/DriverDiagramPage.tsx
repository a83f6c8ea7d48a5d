import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import {
  useAddDriver,
  useDriverDiagram,
  usePlaceIdea,
  useRemoveDriver,
  useRenameDriver,
  type DiagramIdea,
  type Driver,
  type DriverDiagram,
} from '../api/drivers.js';
import { useUnit } from '../api/queries.js';
import { ActionError } from '../components/ActionError.js';
import { FormActions, SelectField, TextField } from '../components/Fields.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { PhaseBadge } from '../components/Pdsa.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { currentLocale } from '../i18n/index.js';
import { DriverFigure } from './drivers/DriverFigure.js';
import '../styles/drivers.css';

/**
 * An aim's driver diagram: the figure, printable on one A4 landscape page, and the same tree as a
 * text outline, beside which the unit's supervisors and coaches edit it.
 */
export function DriverDiagramPage({ unitId, aimId }: { unitId: string; aimId: string }) {
  const { t } = useTranslation();
  const diagram = useDriverDiagram(unitId, aimId);
  const unit = useUnit(unitId);
  const locale = currentLocale();

  const back = (
    <p className="back no-print">
      <Link href={`/units/${unitId}`}>
        <span aria-hidden="true">← </span>
        {unit.data ? `${t('drivers.back')}: ${unit.data.name[locale]}` : t('drivers.back')}
      </Link>
    </p>
  );

  if (diagram.isPending) {
    return (
      <>
        {back}
        <PageHeading title={t('drivers.title')} />
        <Loading />
      </>
    );
  }
  if (diagram.isError) {
    const notFound = diagram.error instanceof ApiError && diagram.error.status === 404;
    return (
      <>
        {back}
        <PageHeading title={notFound ? t('drivers.notFoundTitle') : t('error.title')} />
        {notFound ? <p>{t('drivers.notFoundBody')}</p> : <ErrorState error={diagram.error} onRetry={() => void diagram.refetch()} />}
      </>
    );
  }

  const data = diagram.data;
  return (
    <div className="drivers-page">
      {back}
      <PageHeading title={`${t('drivers.title')}: ${data.aim.statement}`} />
      <p className="drivers-page__intro">{t('drivers.intro')}</p>
      <p className="no-print">
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          {t('drivers.print')}
        </button>
      </p>
      {data.primaries.length === 0 && <p className="muted">{t('drivers.empty')}</p>}
      <DriverFigure unitId={unitId} diagram={data} />
      <Outline unitId={unitId} diagram={data} />
    </div>
  );
}

/** The diagram as nested lists, with the editing controls beside each part for those who may edit. */
function Outline({ unitId, diagram }: { unitId: string; diagram: DriverDiagram }) {
  const { t } = useTranslation();
  const drivers = diagram.primaries.flatMap((p) => [p.driver, ...p.secondaries.map((s) => s.driver)]);
  const edit = diagram.can.edit;
  const ideaList = (ideas: DiagramIdea[]) =>
    ideas.length > 0 && (
      <ul className="drivers-outline__ideas">
        {ideas.map((idea) => (
          <IdeaItem key={idea.idea.id} unitId={unitId} aimId={diagram.aim.id} idea={idea} drivers={drivers} edit={edit} />
        ))}
      </ul>
    );

  return (
    <section id="drivers-outline" className="drivers-outline" aria-labelledby="drivers-outline-heading">
      <h2 id="drivers-outline-heading">{t('drivers.outline')}</h2>
      <p className="drivers-outline__aim">
        <span className="drivers-outline__kind">{t('drivers.kind.aim')}: </span>
        {diagram.aim.statement}
      </p>
      {diagram.primaries.length > 0 && (
        <ul className="drivers-outline__primaries">
          {diagram.primaries.map((primary) => (
            <li key={primary.driver.id} id={`driver-${primary.driver.id}`} tabIndex={-1}>
              <DriverLine unitId={unitId} aimId={diagram.aim.id} driver={primary.driver} kind="primary" edit={edit} />
              {primary.secondaries.length > 0 && (
                <ul className="drivers-outline__secondaries">
                  {primary.secondaries.map((secondary) => (
                    <li key={secondary.driver.id} id={`driver-${secondary.driver.id}`} tabIndex={-1}>
                      <DriverLine unitId={unitId} aimId={diagram.aim.id} driver={secondary.driver} kind="secondary" edit={edit} />
                      {ideaList(secondary.ideas)}
                    </li>
                  ))}
                </ul>
              )}
              {ideaList(primary.ideas)}
              {edit && <AddDriver unitId={unitId} aimId={diagram.aim.id} parent={primary.driver} />}
            </li>
          ))}
        </ul>
      )}
      {edit && <AddDriver unitId={unitId} aimId={diagram.aim.id} parent={null} />}
      {diagram.unplacedIdeas.length > 0 && (
        <section className="drivers-outline__unplaced" aria-labelledby="drivers-unplaced-heading">
          <h3 id="drivers-unplaced-heading">{t('drivers.unplaced')}</h3>
          <p className="muted">{t('drivers.unplacedHelp')}</p>
          {ideaList(diagram.unplacedIdeas)}
        </section>
      )}
    </section>
  );
}

function DriverLine({ unitId, aimId, driver, kind, edit }: { unitId: string; aimId: string; driver: Driver; kind: 'primary' | 'secondary'; edit: boolean }) {
  const { t } = useTranslation();
  const rename = useRenameDriver(unitId, aimId);
  const remove = useRemoveDriver(unitId, aimId);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text?.trim()) {
      setError(t('form.requiredError'));
      return;
    }
    setError(undefined);
    rename.mutate({ driver, text: text.trim() }, { onSuccess: () => setText(null) });
  };

  return (
    <div className={`drivers-outline__driver drivers-outline__driver--${kind}`}>
      <p className="drivers-outline__text">
        <span className="drivers-outline__kind">{t(`drivers.kind.${kind}`)}: </span>
        {driver.text}
      </p>
      {edit && text === null && (
        <div className="drivers-outline__controls no-print">
          <button type="button" className="button button--quiet button--small" aria-label={t('drivers.renameNamed', { driver: driver.text })} onClick={() => setText(driver.text)}>
            {t('drivers.rename')}
          </button>
          <button type="button" className="button button--quiet button--small button--danger" aria-label={t('drivers.removeNamed', { driver: driver.text })} disabled={remove.isPending} onClick={() => remove.mutate(driver)}>
            {t('drivers.remove')}
          </button>
        </div>
      )}
      {edit && text !== null && (
        <form className="form form--inset no-print" onSubmit={onSubmit} noValidate aria-label={t('drivers.renameNamed', { driver: driver.text })}>
          <TextField label={t('drivers.text')} required value={text} onChange={(e) => setText(e.target.value)} error={error} maxLength={300} />
          <ActionError error={rename.error} />
          <FormActions label={t('drivers.save')} pending={rename.isPending} onCancel={() => setText(null)} />
        </form>
      )}
      <ActionError error={remove.error} />
    </div>
  );
}

function AddDriver({ unitId, aimId, parent }: { unitId: string; aimId: string; parent: Driver | null }) {
  const { t } = useTranslation();
  const add = useAddDriver(unitId, aimId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const label = parent ? t('drivers.addSecondaryTo', { driver: parent.text }) : t('drivers.addPrimary');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('form.requiredError'));
      return;
    }
    setError(undefined);
    add.mutate(
      { text: text.trim(), parentId: parent?.id ?? null },
      {
        onSuccess: () => {
          setText('');
          setOpen(false);
        },
      },
    );
  };

  if (!open) {
    return (
      <p className="drivers-outline__add no-print">
        <button type="button" className="button button--quiet button--small" aria-label={label} onClick={() => setOpen(true)}>
          <span aria-hidden="true" className="button__glyph">+</span>
          {parent ? t('drivers.addSecondary') : t('drivers.addPrimary')}
        </button>
      </p>
    );
  }
  return (
    <form className="form form--inset no-print" onSubmit={onSubmit} noValidate aria-label={label}>
      <TextField label={t('drivers.text')} hint={t('drivers.textHint')} required value={text} onChange={(e) => setText(e.target.value)} error={error} maxLength={300} />
      <ActionError error={add.error} />
      <FormActions label={t('drivers.save')} pending={add.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

function IdeaItem({ unitId, aimId, idea, drivers, edit }: { unitId: string; aimId: string; idea: DiagramIdea; drivers: Driver[]; edit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const place = usePlaceIdea(unitId, aimId);
  const [driverId, setDriverId] = useState(idea.idea.driverId ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    place.mutate({ idea: idea.idea, driverId: driverId || null });
  };

  return (
    <li className="drivers-outline__idea">
      <p className="drivers-outline__text">
        <span className="drivers-outline__kind">{t('drivers.kind.idea')}: </span>
        <Link href={`/units/${unitId}#ideas-heading`}>{idea.idea.title}</Link>
      </p>
      {idea.cycles.length > 0 ? (
        <ul className="drivers-outline__cycles">
          {idea.cycles.map((cycle) => (
            <li key={cycle.id}>
              <span className="drivers-outline__kind">{t('drivers.kind.cycle')}: </span>
              <Link href={`/units/${unitId}/cycles/${cycle.id}`}>{cycle.title}</Link> <PhaseBadge phase={cycle.phase} />
              {cycle.verdicts.length > 0 && (
                <ul className="drivers-outline__verdicts">
                  {cycle.verdicts.map((verdict) => (
                    <li key={verdict.questionIndex}>
                      <strong>{t(`learning.outcome.${verdict.outcome}`)}</strong>: {verdict.text[locale]}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted drivers-outline__none">{t('drivers.noCycles')}</p>
      )}
      {edit && drivers.length > 0 && (
        <form className="drivers-outline__place no-print" onSubmit={onSubmit} aria-label={t('drivers.moveNamed', { idea: idea.idea.title })}>
          <SelectField label={t('drivers.placeIdea', { idea: idea.idea.title })} value={driverId} onChange={(e) => setDriverId(e.target.value)}>
            <option value="">{t('drivers.noDriver')}</option>
            {drivers.map((driver) => (
              <option key={driver.id} value={driver.id}>
                {driver.parentId ? `– ${driver.text}` : driver.text}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--small" disabled={place.isPending || driverId === (idea.idea.driverId ?? '')}>
            {t('drivers.move')}
          </button>
          <ActionError error={place.error} />
        </form>
      )}
    </li>
  );
}
