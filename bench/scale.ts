/** How big an organisation the benchmark seeds; `full` is the size issue 5 asks for. */
export type Scale = {
  name: 'small' | 'area' | 'full';
  areas: number;
  unitsPerArea: number;
  /** Catalogue measures each unit tracks, all weekly. */
  measuresPerUnit: number;
  /** Weeks of figures per series, ending at the week due now. */
  weeks: number;
  /** Duration of each load run against the API. */
  loadSeconds: number;
};

export const SCALES: Record<Scale['name'], Scale> = {
  small: { name: 'small', areas: 2, unitsPerArea: 5, measuresPerUnit: 10, weeks: 52, loadSeconds: 5 },
  /** One area at full size: the API and browser figures as at full scale, the round over 30 units only. */
  area: { name: 'area', areas: 1, unitsPerArea: 30, measuresPerUnit: 10, weeks: 156, loadSeconds: 10 },
  full: { name: 'full', areas: 20, unitsPerArea: 30, measuresPerUnit: 10, weeks: 156, loadSeconds: 10 },
};

/** `--scale=small` for development on a shared machine, `--scale=area` for one full-size area; the default is the full benchmark. */
export function scaleFromArgs(args: readonly string[]): Scale {
  const value = args.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length) ?? 'full';
  if (!Object.hasOwn(SCALES, value)) throw new Error(`Unknown --scale=${value}: use ${Object.keys(SCALES).join(', ')}.`);
  return SCALES[value as Scale['name']];
}
