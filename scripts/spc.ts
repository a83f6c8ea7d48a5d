/**
 * SPC engine on the command line: `npm run --silent spc < series.json`.
 *
 * stdin holds one series as a JSON object (which may span several lines) or several series
 * as JSON Lines: {"chart": "run"|"i"|"mr"|"p"|"u"|"c", "y": [number|null], "n": [number|null],
 * "part": [int], "freeze": int, "exclude": [int], "multiply": number}, indices 1-based,
 * everything but chart and y optional; other keys are ignored. stdout gets one JSON result
 * per series and line, in input order. Bad input gets one line on stderr naming the line and
 * the problem, nothing on stdout, and exit status 2.
 */
import * as z from 'zod';
import { CHART_KINDS, computeChart, type ChartInput, type ChartResult } from '../functions/domain/spc/index.js';

class InputError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const values = z.array(z.number().nullable());
const indices = z.array(z.int());

const SeriesSchema = z
  .object({
    chart: z.enum(CHART_KINDS, { error: `must be one of ${CHART_KINDS.join(', ')}` }),
    y: values.min(1, 'y needs at least one value'),
    n: values.nullish(),
    part: indices.nullish(),
    freeze: z.int().min(1).nullish(),
    exclude: indices.nullish(),
    multiply: z.number().positive().nullish(),
  })
  .superRefine((series, context) => {
    const problem = (message: string, path: PropertyKey[]) => context.addIssue({ code: 'custom', message, path });
    const { chart, y, n } = series;
    const counted = chart === 'p' || chart === 'u' || chart === 'c';
    if ((chart === 'p' || chart === 'u') && !n) problem(`required for a ${chart} chart (denominators)`, ['n']);
    if (n && n.length !== y.length) {
      problem(`${n.length} values but y has ${y.length}`, ['n']);
      return;
    }
    y.forEach((value, i) => {
      if (counted && value !== null && value < 0) problem('counts cannot be negative', ['y', i]);
      const denominator = n?.[i];
      if (denominator != null && denominator <= 0) problem('denominators must be positive', ['n', i]);
      if (chart === 'p' && value !== null && denominator != null && value > denominator) {
        problem('a numerator cannot exceed its denominator in a p chart', ['y', i]);
      }
    });
  });

/** "y value 4" for ['y', 3]: the input's own indices are 1-based. */
function describePath(path: readonly PropertyKey[]): string {
  const [key, position] = path;
  if (key === undefined) return 'series';
  return typeof position === 'number' ? `${String(key)} value ${position + 1}` : String(key);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Line (1-based) of a JSON.parse error in `text`, from the position V8 reports. */
function lineOfError(error: unknown, text: string, fallback: number): number {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return fallback;
  return text.slice(0, Number(position)).split('\n').length;
}

// V8's "(line 1 column 14)" counts within the text parsed, which for JSON Lines is one line.
const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/ \(line \d+ column \d+\)/, '');

/** The JSON documents on stdin with the line each starts on. */
function readDocuments(text: string): { line: number; document: unknown }[] {
  const lines = text
    .split('\n')
    .map((content, i) => ({ content, line: i + 1 }))
    .filter(({ content }) => content.trim() !== '');
  const first = lines[0];
  if (!first) throw new InputError(1, 'no input: expected a JSON object or JSON Lines');
  // A first line that is not JSON by itself starts one object spread over several lines.
  if (!parses(first.content)) {
    try {
      return [{ line: first.line, document: JSON.parse(text) }];
    } catch (error) {
      const lastLine = lines.at(-1)?.line ?? first.line;
      throw new InputError(lineOfError(error, text, lastLine), `invalid JSON: ${errorText(error)}`);
    }
  }
  return lines.map(({ content, line }) => {
    try {
      return { line, document: JSON.parse(content) as unknown };
    } catch (error) {
      throw new InputError(line, `invalid JSON: ${errorText(error)}`);
    }
  });
}

function toSeries(document: unknown, line: number): ChartInput {
  const parsed = SeriesSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new InputError(line, issue ? `${describePath(issue.path)}: ${issue.message}` : 'invalid series');
}

function toOutput(result: ChartResult) {
  return {
    y: result.y,
    cl: result.cl,
    lcl: result.lcl,
    ucl: result.ucl,
    sigmaSignal: result.sigmaSignal,
    runsSignal: result.runsSignal,
    partOfPoint: result.partOfPoint,
    parts: result.parts.map(({ longestRun, longestRunMax, nCrossings, nCrossingsMin, nObs, nUseful }) => ({
      longestRun,
      longestRunMax,
      nCrossings,
      nCrossingsMin,
      nObs,
      nUseful,
    })),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  // Everything is validated before anything is written, so output is all or nothing.
  const series = readDocuments(await readStdin()).map(({ document, line }) => toSeries(document, line));
  const output = series.map((input) => JSON.stringify(toOutput(computeChart(input))));
  process.stdout.write(`${output.join('\n')}\n`);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(`spc: line ${error.line}: ${error.message.replace(/\s+/g, ' ')}\n`);
  process.exitCode = 2;
}
