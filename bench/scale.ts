/** How big an organisation the benchmark seeds; `full` is the size issue 5 asks for. */
export type Scale = {
  name: 'small' | 'full';
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
  full: { name: 'full', areas: 20, unitsPerArea: 30, measuresPerUnit: 10, weeks: 156, loadSeconds: 10 },
};

/** `--scale=small` for development on a shared machine; the default is the full benchmark. */
export function scaleFromArgs(args: readonly string[]): Scale {
  const value = args.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length) ?? 'full';
  if (value !== 'small' && value !== 'full') throw new Error(`Unknown --scale=${value}: use small or full.`);
  return SCALES[value];
}
