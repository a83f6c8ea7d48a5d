import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureCatalogueByKey } from '../../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../../functions/domain/measurement.js';
import { periodRange } from '../../../functions/domain/period.js';
import { analyseSeries } from '../../../functions/domain/series-analysis.js';
import { trendOf } from '../../../functions/domain/trend.js';
import { fieldsOf, type UnitMeasure } from '../../../functions/domain/unit-measure.js';
import type { SeriesView } from '../../../web/src/api/measurements.js';

// The web modules read `window` and `document` when they load (the router, the API client, i18n).
// The stubs go once they are loaded: unit test files share one module graph and one global scope,
// and other libraries take a global `document` for a browser's.
type Chart = typeof import('../../../web/src/components/chart/index.js');
let chart: Chart;

beforeAll(async () => {
  Object.assign(globalThis, {
    window: { addEventListener: () => {}, location: { origin: 'http://localhost', pathname: '/' } },
    document: { documentElement: {} },
  });
  try {
    chart = await import('../../../web/src/components/chart/index.js');
  } finally {
    delete (globalThis as { window?: unknown }).window;
    delete (globalThis as { document?: unknown }).document;
  }
});

const at = '2026-11-30T08:00:00.000Z';
const t3: UnitMeasure = {
  unitId: 'sampoharju', key: 't3', source: 'catalogue', frequency: 'weekly', target: { value: 7, by: null },
  versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey('t3')!), reason: '' }],
  createdAt: at, updatedAt: at, version: 1,
};

/** 30 weeks around 14 days, one far-off week, one missing week, then a change to about 5 days. */
function view(): SeriesView {
  const periods = periodRange('2026-W01', '2026-W40');
  const values = periods.map((_, i) => (i < 30 ? 14 + ((i * 7) % 5) - 2 : 5 + (i % 2)));
  values[12] = 40;
  const measurements: Measurement[] = periods.flatMap((period, i) =>
    i === 20 ? [] : [{ unitId: 'sampoharju', measureKey: 't3', period, value: values[i]!, numerator: null, denominator: null, note: '', definitionVersion: 1, enteredBy: { type: 'system', name: 'test' }, enteredAt: at, version: 1 }],
  );
  const phases = [{ unitId: 'sampoharju', measureKey: 't3', startPeriod: '2026-W31', reason: 'Takaisinsoitto samana päivänä otettiin käyttöön', cycleId: 'callback-1', createdBy: { type: 'system' as const, name: 'test' }, createdAt: at, version: 1 }];
  return {
    measure: t3,
    analysis: analyseSeries({ measure: t3, measurements, phases }),
    phases,
    cycleMarkers: [
      {
        cycleId: 'callback-1', title: 'Takaisinsoitto samana päivänä', phase: 'adopted', doStart: '2026-07-20', doEnd: '2026-08-16', doStartPeriod: '2026-W30', doEndPeriod: '2026-W33',
        decision: 'adopt', prediction: { questionIndex: 0, direction: 'decrease', value: 7 },
        verdict: { outcome: 'met', reason: 'signalAndLevel', text: { fi: 'Ennuste toteutui: T3 laski 14 → 5,5 vrk', sv: 'x', en: 'x' }, decided: true },
      },
    ],
    can: { writeFigures: true, addPhase: true, changeChart: true },
  };
}

describe('SeriesChart', () => {
  it('is one image with an accessible name, marks signals by shape and labels phases and cycles', () => {
    const html = renderToStaticMarkup(createElement(chart.SeriesChart, { view: view(), name: 'T3', unitLabel: 'vrk', cycleHref: (id) => `/units/sampoharju/cycles/${id}` }));
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="I-säätökortti: T3, 40 jaksoa, vk 1–vk 40\./);
    // The week far off is beyond the upper limit: a diamond, and said so in the table.
    expect(html).toContain('series-chart__point series-chart__point--sigma');
    expect(html).toContain('Yli ylärajan');
    // The phase's reason and the cycle's title are on the chart, in full in the summary.
    expect(html).toContain('Takaisinsoitto samana päivänä otettiin käyttöön');
    expect(html).toContain('<a href="/units/sampoharju/cycles/callback-1">Takaisinsoitto samana päivänä</a>');
    expect(html).toContain('Alkaen vk 31/2026:');
    // The year under the first week label; the missing week is a gap in the table, not a zero.
    expect(html).toMatch(/<tspan[^>]*class="series-chart__year"[^>]*>2026<\/tspan>/);
    expect(html).toContain('<th scope="row">vk 21/2026</th><td>puuttuu</td>');
    expect(html).toContain('<details class="chart-table">');
    expect(html).toContain('Tavoitetaso 7');
  });

  it('numbers the cycles on the chart as in the list under it and draws a Do start after the last figure at the edge', () => {
    const v = view();
    v.cycleMarkers.push({
      cycleId: 'next', title: 'Soitto jo aamupäivällä', phase: 'doing', doStart: '2026-10-12', doEnd: null, doStartPeriod: '2026-W42', doEndPeriod: null,
      decision: null, prediction: null, verdict: null,
    });
    const html = renderToStaticMarkup(createElement(chart.SeriesChart, { view: v, name: 'T3', unitLabel: 'vrk' }));
    const numbers = [...html.matchAll(/<g class="series-chart__marker">.*?<\/title>(\d+)<\/text>/g)].map((m) => m[1]);
    expect(numbers).toEqual(['1', '2']);
    expect(html).toMatch(/<ol class="chart-summary__list"><li>Takaisinsoitto samana päivänä.*?<\/li><li>Soitto jo aamupäivällä/);
  });

  it("draws a figure left out hollow with its reason, the cycle's prediction with its verdict, and the MR chart with its table", () => {
    const v = view();
    const left = v.analysis.points[12]!;
    v.analysis = { ...v.analysis, points: v.analysis.points.map((p, i) => (i === 12 ? { ...p, excluded: 'Kirjausvirhe' } : p)) };
    const html = renderToStaticMarkup(createElement(chart.SeriesChart, { view: v, name: 'T3', unitLabel: 'vrk' }));
    expect(html).toMatch(/class="series-chart__point series-chart__point--excluded"[^>]*><title>vk 13: 40 vrk – jätetty pois laskuista: Kirjausvirhe<\/title>/);
    expect(html).toContain(`<td>Jätetty pois laskuista: Kirjausvirhe</td>`);
    expect(left.period).toBe('2026-W13');
    // The prediction of 7 days over the Do weeks, with its verdict on the chart and in the list of cycles.
    expect(html).toMatch(/<g class="series-chart__prediction"><line class="series-chart__prediction-line"[^>]*><\/line><text[^>]*>1: Ennuste: 7 vrk – Toteutui<\/text>/);
    expect(html).toContain('<strong>Toteutui</strong>: Ennuste toteutui: T3 laski 14 → 5,5 vrk');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="MR-kortti: T3, peräkkäisten lukujen erotukset vk 2–vk 40\. Keskiviiva [\d,]+ vrk, yläraja [\d,]+ vrk\./);
    expect(html).toContain('Peräkkäisten lukujen erotukset (vrk)');
  });

  it('reads a count chart from zero', () => {
    const v = view();
    const high = v.analysis.points.map((p) => ({ ...p, y: p.y === null ? null : p.y + 100, cl: null, lcl: null, ucl: null }));
    const counts = { ...v, cycleMarkers: [], analysis: { ...v.analysis, chart: 'c' as const, target: null, points: high } };
    const ticks = [...renderToStaticMarkup(createElement(chart.SeriesChart, { view: counts, name: 'Käynnit', unitLabel: 'kpl' })).matchAll(/text-anchor="end">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.min(...ticks)).toBe(0);
  });
});

describe('Sparkline', () => {
  it('names its latest value, period and variation', () => {
    const { analysis } = view();
    const trend = trendOf(analysis.points, 12);
    const html = renderToStaticMarkup(createElement(chart.Sparkline, { trend, variation: analysis.classification.variation, target: analysis.target, name: 'T3', unitLabel: 'vrk' }));
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="T3: viimeisin 6 vrk \(vk 40\/\d{4}\), (Tavanomaista vaihtelua|Erityissyy: parannusta|Erityissyy: huolestuttavaa)"/);
  });
});

describe('variation and assurance icons', () => {
  it('say what they are in words, beside the icon or as its name', () => {
    expect(renderToStaticMarkup(createElement(chart.VariationIcon, { variation: 'improving', better: 'lower' }))).toContain('Erityissyy: parannusta');
    expect(renderToStaticMarkup(createElement(chart.AssuranceIcon, { assurance: 'missed', labelled: false }))).toMatch(
      /role="img" aria-label="Tavoitetaso jää johdonmukaisesti saavuttamatta"/,
    );
  });
});
