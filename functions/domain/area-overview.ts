import { periodName } from './display-format.js';
import * as z from 'zod';
import { AreaStatusSchema, MeasureStatusSchema, type AreaStatus } from './area-status.js';
import { unparseForSpreadsheet } from './csv.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema, type Locale } from './localized-text.js';
import { FrequencySchema, MeasureKeySchema } from './measure.js';
import { isProgressStale } from './progress-score.js';

/**
 * Why a unit is listed first under "needs attention": only what is true now and asks for action —
 * a measure whose latest point is part of a concerning signal (the variation icon's convention, so
 * a signal that has ended no longer counts), a due figure missing past its deadline, and reviews
 * overdue. An old score or a quiet spell in cycles shows in its own column instead.
 */
export const ATTENTION_REASONS = ['lateData', 'concerning', 'overdueReviews'] as const;
export const AttentionReasonSchema = z.enum(ATTENTION_REASONS);
export type AttentionReason = z.infer<typeof AttentionReasonSchema>;

/** One reason with what it is about: the measures concerned, or how many reviews are overdue. */
export const AttentionItemSchema = z.object({
  reason: AttentionReasonSchema,
  measures: z.array(z.object({ measureKey: MeasureKeySchema, name: LocalizedTextSchema })),
  count: z.number().int().min(0),
});
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

/** A unit's cell for one measure: the measure's name and unit are its column's, sent once. */
export const OverviewCellSchema = MeasureStatusSchema.omit({ name: true, unitLabel: true });

export const OverviewUnitSchema = AreaStatusSchema.extend({
  measures: z.array(OverviewCellSchema),
  attention: z.array(AttentionReasonSchema),
  /** The same reasons, each naming what it is about, for the words beside the warning sign. */
  attentionItems: z.array(AttentionItemSchema),
  /** The confirmed score is older than 60 days (or there is none): show it as such. */
  progressStale: z.boolean(),
});
export type OverviewUnit = z.infer<typeof OverviewUnitSchema>;

/** One column of the matrix: a measure some unit tracks, and whether its figures compare across units. */
export const OverviewMeasureSchema = z.object({
  measureKey: MeasureKeySchema,
  name: LocalizedTextSchema,
  /** The unit of its figures ("vrk", "%"), as the unit's current definition says. */
  unitLabel: LocalizedTextSchema,
  frequency: FrequencySchema,
  unitCount: z.number().int().min(0),
  definitionVersions: z.array(z.number().int().min(1)),
  /** Every unit follows the same catalogue definition (key and catalogue version); a unit's own measure never compares. */
  comparable: z.boolean(),
});
export type OverviewMeasure = z.infer<typeof OverviewMeasureSchema>;

export const AreaOverviewSchema = z
  .object({ areaId: IdSchema, units: z.array(OverviewUnitSchema), measures: z.array(OverviewMeasureSchema) })
  .meta({ id: 'AreaOverview' });
export type AreaOverview = z.infer<typeof AreaOverviewSchema>;

/** What needs attention in a unit now, each reason with the measures or reviews it is about. */
export function attentionItemsOf(status: AreaStatus): AttentionItem[] {
  const named = (measures: AreaStatus['measures']) => measures.map((m) => ({ measureKey: m.measureKey, name: m.name }));
  const late = status.measures.filter((m) => m.late);
  const concerning = status.measures.filter((m) => m.classification.variation === 'concerning');
  const items: AttentionItem[] = [];
  if (late.length > 0) items.push({ reason: 'lateData', measures: named(late), count: late.length });
  if (concerning.length > 0) items.push({ reason: 'concerning', measures: named(concerning), count: concerning.length });
  if (status.pdsa.overdueReviews > 0) items.push({ reason: 'overdueReviews', measures: [], count: status.pdsa.overdueReviews });
  return items;
}

export function attentionOf(status: AreaStatus): AttentionReason[] {
  return attentionItemsOf(status).map((item) => item.reason);
}

type DefinitionOfCell = { measureKey: string; catalogueVersion?: number | null; definitionVersion: number };

/**
 * A cell's definition identity: the catalogue measure and its version, or null for a unit's own
 * measure. A status item from before catalogue versions were recorded has only the unit's version
 * number, which stands in until the item is built again (the next figure or round).
 */
export function definitionIdentity(cell: DefinitionOfCell): string | null {
  if (cell.catalogueVersion === null) return null;
  if (cell.catalogueVersion === undefined) return `${cell.measureKey}#unit-v${cell.definitionVersion}`;
  return `${cell.measureKey}@${cell.catalogueVersion}`;
}

/**
 * Whether the units' figures of one column compare: only when every unit follows one catalogue
 * definition. Two units' own measures may share a key and still count different things.
 */
export function comparableAcrossUnits(cells: readonly DefinitionOfCell[]): boolean {
  const identities = cells.map(definitionIdentity);
  return identities.length > 0 && identities.every((id) => id !== null && id === identities[0]);
}

/** The matrix of an area from its status items alone (the one Query), columns in catalogue order of first appearance. */
export function buildAreaOverview(areaId: string, items: readonly AreaStatus[], now: Date): AreaOverview {
  const sorted = [...items].sort((a, b) => a.unitName.fi.localeCompare(b.unitName.fi, 'fi'));
  const units = sorted.map((status) => ({
    ...status,
    measures: status.measures.map(({ name: _name, unitLabel: _unitLabel, ...cell }) => cell),
    attention: attentionOf(status),
    attentionItems: attentionItemsOf(status),
    progressStale: !status.progress.confirmed || isProgressStale(status.progress.confirmed.at, now),
  }));
  const columns = new Map<string, OverviewMeasure>();
  const cellsOf = new Map<string, AreaStatus['measures']>();
  for (const unit of sorted) {
    for (const m of unit.measures) {
      const column = columns.get(m.measureKey) ?? { measureKey: m.measureKey, name: m.name, unitLabel: m.unitLabel, frequency: m.frequency, unitCount: 0, definitionVersions: [], comparable: true };
      column.unitCount += 1;
      if (!column.definitionVersions.includes(m.definitionVersion)) column.definitionVersions.push(m.definitionVersion);
      columns.set(m.measureKey, column);
      cellsOf.set(m.measureKey, [...(cellsOf.get(m.measureKey) ?? []), m]);
    }
  }
  const measures = [...columns.values()].map((c) => ({
    ...c,
    definitionVersions: c.definitionVersions.sort((a, b) => a - b),
    comparable: comparableAcrossUnits(cellsOf.get(c.measureKey) ?? []),
  }));
  return { areaId, units, measures };
}

const WORDS = {
  fi: {
    unit: 'Yksikkö', score: 'Edistymisarvio', scoreSuggested: 'Ehdotettu arvio', inProgress: 'Syklejä käynnissä',
    completed: 'Valmistuneet syklit (90 pv)', completeness: 'Tietojen kattavuus (12 jaksoa)', overdue: 'Myöhässä olevat katselmoinnit',
    attention: 'Huomioitavaa', latest: 'viimeisin', period: 'jakso', target: 'tavoitetaso', variation: 'vaihtelu', assurance: 'tavoitetason saavuttaminen',
    notComparable: 'määritelmät eroavat yksiköiden välillä',
  },
  sv: {
    unit: 'Enhet', score: 'Framstegsbedömning', scoreSuggested: 'Föreslagen bedömning', inProgress: 'Pågående cykler',
    completed: 'Avslutade cykler (90 d)', completeness: 'Datatäckning (12 perioder)', overdue: 'Försenade genomgångar',
    attention: 'Att uppmärksamma', latest: 'senaste', period: 'period', target: 'målnivå', variation: 'variation', assurance: 'uppnående av målnivån',
    notComparable: 'definitionerna skiljer sig mellan enheterna',
  },
  en: {
    unit: 'Unit', score: 'Progress score', scoreSuggested: 'Suggested score', inProgress: 'Cycles in progress',
    completed: 'Cycles completed (90 days)', completeness: 'Data completeness (12 periods)', overdue: 'Overdue reviews',
    attention: 'Needs attention', latest: 'latest', period: 'period', target: 'target', variation: 'variation', assurance: 'target assurance',
    notComparable: 'definitions differ between units',
  },
} as const;

export const VARIATION_WORDS: Record<Locale, Record<'improving' | 'concerning' | 'common', string>> = {
  fi: { improving: 'Parannusta (erityissyy)', concerning: 'Huolestuttava muutos (erityissyy)', common: 'Tavallista vaihtelua' },
  sv: { improving: 'Förbättring (särskild orsak)', concerning: 'Oroande förändring (särskild orsak)', common: 'Normal variation' },
  en: { improving: 'Improvement (special cause)', concerning: 'Concerning change (special cause)', common: 'Common cause variation' },
};

export const ASSURANCE_WORDS: Record<Locale, Record<'met' | 'missed' | 'notAssured' | 'none', string>> = {
  fi: { met: 'Tavoitetaso saavutetaan johdonmukaisesti', missed: 'Tavoitetaso jää johdonmukaisesti saavuttamatta', notAssured: 'Tavoitetason saavuttaminen epävarmaa', none: 'Ei tavoitetasoa' },
  sv: { met: 'Målnivån nås konsekvent', missed: 'Målnivån nås konsekvent inte', notAssured: 'Osäkert om målnivån nås', none: 'Ingen målnivå' },
  en: { met: 'Target consistently met', missed: 'Target consistently missed', notAssured: 'Target not assured', none: 'No target' },
};

export const ATTENTION_WORDS: Record<Locale, Record<AttentionReason, string>> = {
  fi: { lateData: 'luvut myöhässä', concerning: 'huolestuttava muutos', overdueReviews: 'katselmointi myöhässä' },
  sv: { lateData: 'värden försenade', concerning: 'oroande förändring', overdueReviews: 'genomgång försenad' },
  en: { lateData: 'figures late', concerning: 'concerning change', overdueReviews: 'review overdue' },
};

/** "huolestuttava muutos (T3)", "katselmointi myöhässä (2)": a reason with what it is about. */
export function attentionInWords(item: AttentionItem, locale: Locale): string {
  const about = item.measures.length > 0 ? item.measures.map((m) => m.name[locale]).join(', ') : String(item.count);
  return `${ATTENTION_WORDS[locale][item.reason]} (${about})`;
}

const number = (value: number | null, locale: Locale) =>
  value === null ? '' : new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[locale], { maximumFractionDigits: 2, useGrouping: false }).format(value);

/**
 * The matrix as CSV for Excel in the chosen language: one row per unit, and for each measure its
 * latest value, target, variation and assurance in words. Finnish and Swedish use `;` and a
 * decimal comma as their Excel does; English uses `,` and a point.
 */
export function serialiseOverviewCsv(overview: AreaOverview, locale: Locale): string {
  const w = WORDS[locale];
  const header: string[] = [w.unit, w.score, w.scoreSuggested, w.inProgress, w.completed, w.completeness, w.overdue, w.attention];
  for (const m of overview.measures) {
    // A column of one unit has nothing to compare with, so it needs no warning.
    const name = `${m.name[locale]}${m.comparable || m.unitCount < 2 ? '' : ` (${w.notComparable})`}`;
    header.push(`${name}: ${w.latest}`, `${name}: ${w.period}`, `${name}: ${w.target}`, `${name}: ${w.variation}`, `${name}: ${w.assurance}`);
  }
  const rows = overview.units.map((unit) => {
    const entered = unit.measures.reduce((sum, m) => sum + m.completeness.entered, 0);
    const expected = unit.measures.reduce((sum, m) => sum + m.completeness.expected, 0);
    const row = [
      unit.unitName[locale],
      number(unit.progress.confirmed?.score ?? null, locale),
      number(unit.progress.suggested, locale),
      String(unit.pdsa.inProgress),
      String(unit.pdsa.completedRecently),
      expected === 0 ? '' : `${Math.round((entered / expected) * 100)} %`,
      String(unit.pdsa.overdueReviews),
      unit.attentionItems.map((item) => attentionInWords(item, locale)).join(', '),
    ];
    for (const column of overview.measures) {
      const m = unit.measures.find((x) => x.measureKey === column.measureKey);
      row.push(
        number(m?.latestValue ?? null, locale),
        m?.latestPeriod ? periodName(m.latestPeriod, locale) : '',
        number(m?.target ?? null, locale),
        m ? VARIATION_WORDS[locale][m.classification.variation] : '',
        m ? ASSURANCE_WORDS[locale][m.classification.assurance] : '',
      );
    }
    return row;
  });
  return unparseForSpreadsheet([header, ...rows], locale === 'en' ? ',' : ';');
}
