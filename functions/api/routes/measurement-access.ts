import type { Context } from 'hono';
import { can, type Principal } from '../../domain/access-policy.js';
import type { Actor } from '../../domain/audit.js';
import { LOCALES, type Locale } from '../../domain/localized-text.js';
import {
  localizeErrors,
  sameValues,
  validateMeasurement,
  type FieldError,
  type Measurement,
  type MeasurementInput,
} from '../../domain/measurement.js';
import { versionAt, type UnitMeasure } from '../../domain/unit-measure.js';
import type { Unit } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError } from '../problem.js';
import type { ApiEnv } from '../router.js';

type Need = 'measurement:write' | 'measure:manage';

const REFUSALS: Record<Need, string> = {
  'measurement:write': "Only the unit's supervisors and coaches log its figures and chart phases.",
  'measure:manage': "Only the unit's supervisors and coaches (and admins) choose its measures, targets and definitions.",
};

/** 404 for a unit the person may not see (as for one that does not exist); 403 when seen but not theirs to change. */
export function measurementUnit(deps: Pick<ApiDeps, 'units'>) {
  return async (principal: Principal, unitId: string, need?: Need): Promise<Unit> => {
    const unit = await deps.units.get(unitId);
    if (!unit || !can(principal, { type: 'measurement:read', unit })) throw new ProblemError(404, `No unit ${unitId} that you can see.`);
    if (need && !can(principal, { type: need, unit })) throw new ProblemError(403, REFUSALS[need]);
    return unit;
  };
}

export async function trackedMeasure(deps: Pick<ApiDeps, 'measurements'>, unitId: string, key: string): Promise<UnitMeasure> {
  const measure = await deps.measurements.getUnitMeasure(unitId, key);
  if (!measure) throw new ProblemError(404, `Unit ${unitId} does not track a measure ${key}.`);
  return measure;
}

/**
 * The language of messages people read: the first of fi/sv/en in Accept-Language (the web app
 * sends its chosen language), else the person's own locale.
 */
export function userLocale(c: Context<ApiEnv>): Locale {
  const header = c.req.header('accept-language') ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang ?? ''));
  return (found?.lang as Locale | undefined) ?? c.get('person').locale;
}


export type FigureOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; measurement: Measurement }
  | { status: 'invalid'; errors: FieldError[] };

/**
 * What writing a figure would do: invalid, unchanged (the same figure again is a no-op), or the
 * measurement it becomes. Nothing is written here.
 */
export function planFigure(
  measure: UnitMeasure,
  period: string,
  input: MeasurementInput,
  existing: Measurement | undefined,
  actor: Actor,
  now: Date,
): FigureOutcome {
  const version = versionAt(measure, period);
  const checked = validateMeasurement({ ...version.fields, frequency: measure.frequency }, period, input, now);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  if (existing && sameValues(existing, checked.values)) return { status: 'unchanged', measurement: existing };
  return {
    status: existing ? 'updated' : 'created',
    measurement: {
      unitId: measure.unitId,
      measureKey: measure.key,
      period,
      ...checked.values,
      definitionVersion: version.definitionVersion,
      enteredBy: actor,
      enteredAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    },
  };
}

/** A 400 naming each failing field, in the person's language. */
export function figureProblem(errors: FieldError[], locale: Locale, prefix = 'body'): ProblemError {
  const localized = localizeErrors(errors, locale).map((e) => ({ field: `${prefix}.${e.field}`, message: e.message }));
  return new ProblemError(400, localized.map((e) => e.message).join(' '), { type: 'urn:sykli:problem:validation', errors: localized });
}
