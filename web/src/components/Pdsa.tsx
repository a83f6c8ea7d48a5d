import { useTranslation } from 'react-i18next';
import type { Me } from '../api/queries.js';
import { useAudit, useUnitPeople, type Cycle, type CyclePhase } from '../api/pdsa.js';
import { ownUnitIds } from '../roles.js';

/** Small pieces shared by the board, the cycle page and the agenda. */

/** The cycle's phase in words; the PDSA phases carry their letter too. */
export function PhaseBadge({ phase }: { phase: CyclePhase }) {
  const { t } = useTranslation();
  return (
    <span className={`phase phase--${phase}`}>
      <span className="visually-hidden">{t('cycle.phase')}: </span>
      {t(`phases.${phase}`)}
    </span>
  );
}

/** Overdue and failed-workflow flags: an icon and words, never colour alone. */
export function CycleFlags({ cycle }: { cycle: Pick<Cycle, 'flags' | 'workflow'> }) {
  const { t } = useTranslation();
  const overdue = cycle.flags.includes('overdue');
  const failed = Boolean(cycle.workflow.lastError);
  if (!overdue && !failed) return null;
  return (
    <ul className="flags">
      {overdue && (
        <li className="flag flag--overdue">
          <WarningIcon />
          {t('flags.overdue')}
        </li>
      )}
      {failed && (
        <li className="flag flag--failed">
          <WarningIcon />
          {t('flags.workflowFailed')}
        </li>
      )}
    </ul>
  );
}

export function WarningIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 2 L19 18 H1 Z" fill="currentColor" />
      <rect x="9" y="7" width="2" height="6" fill="#fff" />
      <rect x="9" y="14.5" width="2" height="2" fill="#fff" />
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect x="2" y="4" width="16" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M2 8 H18" stroke="currentColor" strokeWidth="2" />
      <path d="M6 2 V6 M14 2 V6" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * People whose names the app can know in a unit: its coaches and supervisors, the signed-in person,
 * and everyone in the unit's audit trail (an admin who changed something there, say); anyone else
 * is shown by their id. Coaches and admins also learn whose e-mail does not arrive.
 */
export function useKnownPeople(unitId: string, me: Me) {
  const audit = useAudit(unitId);
  const unitPeople = useUnitPeople(unitId);
  const names = new Map<string, string>();
  const candidates: string[] = [];
  if (ownUnitIds(me).includes(unitId)) candidates.push(me.person.id);
  names.set(me.person.id, me.person.name);
  for (const person of unitPeople.data ?? []) {
    names.set(person.id, person.name);
    if (!candidates.includes(person.id)) candidates.push(person.id);
  }
  const undeliverable = new Set((unitPeople.data ?? []).filter((p) => p.undeliverable).map((p) => p.id));
  for (const entry of audit.data ?? []) {
    if (entry.actor.type !== 'person') continue;
    if (!names.has(entry.actor.personId)) names.set(entry.actor.personId, entry.actor.name);
    // Whoever edits in a unit is one of its supervisors or coaches (or an admin, whom the API would
    // refuse as a participant with a sentence saying so).
    if (!candidates.includes(entry.actor.personId)) candidates.push(entry.actor.personId);
  }
  return {
    names,
    candidates,
    nameOf: (id: string) => names.get(id) ?? id,
    /** True when SES reported that mail to the person does not arrive (known to coaches and admins). */
    undeliverable: (id: string) => undeliverable.has(id),
    isPending: audit.isPending || unitPeople.isPending,
  };
}
