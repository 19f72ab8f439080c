// Prices over time, each price type drawn its own way so different types never form one line:
// a published range (quotation or assessment) is a band with a tick for each quote, an average
// a line, a listing price a step over the period it was set for, any other single price a dot.
// Lines and bands break where two quotes of a series are more than `maxGapDays` apart, so they
// only cross stretches that were quoted. Low-confidence rows (year assigned, weak source) are
// hollow. Rows with kind = "event" are the dated events marked on the time axis.
//
//   priceChart(rows, {x: "date", y: "value", y1: "value_low", y2: "value_high", z: "label", width})
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {eventMarks} from "./eventMarks.js";
import {breakAtGaps} from "./gaps.js";
import type {Row} from "./rows.js";
import {tipLines} from "./tips.js";
import {compactNumber, monthTime} from "./scales.js";

export interface PriceChartOptions {
  x?: string;
  y?: string;
  y1?: string;
  y2?: string;
  z?: string;
  type?: string;
  width: number;
  height?: number;
  yLabel?: string;
  maxGapDays?: number;
}

const DAY = 86_400_000;

export function priceChart(data: readonly Row[], {x = "date", y = "value", y1 = "value_low", y2 = "value_high", z = "label", type = "price_type", width, height = 380, yLabel, maxGapDays = 31}: PriceChartOptions) {
  const prices = data.filter((row) => row.kind !== "event");
  const events = data.filter((row) => row.kind === "event");
  const of = (kind: string) => prices.filter((row) => row[type] === kind);
  const ranges = breakAtGaps(of("range"), {x, z, maxGap: maxGapDays * DAY});
  const averages = breakAtGaps(of("average"), {x, z, maxGap: maxGapDays * DAY});
  const listings = of("listing");
  const points = prices.filter((row) => !["range", "average", "listing"].includes(String(row[type])));
  const mid = (row: Row) => (row[y] != null ? Number(row[y]) : (Number(row[y1]) + Number(row[y2])) / 2);
  const hollow = (row: Row) => row.confidence === "low";
  const times = prices.map((row) => +(row[x] as Date));
  const domain: [Date, Date] = [new Date(Math.min(...times) - 15 * DAY), new Date(Math.max(...times, ...prices.map((row) => +((row.date_end as Date) ?? row[x]))) + 15 * DAY)];
  const marginLeft = 64;
  const marginRight = 16;
  const labels = eventMarks(events, {x, width, domain, marginLeft, marginRight});
  const unit = String(prices[0]?.unit ?? "");
  const tip = (row: Row) =>
    tipLines({...row, value: row[y], value_low: row[y1], value_high: row[y2]}, {
      label: z,
      detail: (row) => `${row[type]}${row.published_unit && row.published_unit !== row.unit ? `, published in ${row.published_unit}` : ""}`,
      notes: (row) => [hollow(row) && "Low confidence: the year was assigned or the copy read is weak"]
    });
  // Filled and hollow quotes are separate marks: a CSS colour among the series names would
  // become a category of the colour scale (and of its legend).
  const dots = (rows: Row[], options: Record<string, unknown> = {}) => [
    Plot.dot(rows.filter((row) => !hollow(row)), {x, y: mid, stroke: z, fill: z, r: 3, strokeWidth: 1.5, ...options}),
    Plot.dot(rows.filter(hollow), {x, y: mid, stroke: z, fill: "var(--theme-background, white)", r: 3, strokeWidth: 1.5, ...options})
  ];
  return Plot.plot({
    width,
    height: height + labels.addedHeight,
    marginLeft,
    marginRight,
    marginTop: labels.marginTop,
    marginBottom: labels.marginBottom,
    x: monthTime(domain[0], domain[1], width, {margins: marginLeft + marginRight}),
    y: {label: yLabel ?? unit, grid: true, zero: false, tickFormat: compactNumber},
    color: {legend: true},
    marks: [
      ...labels.marks,
      Plot.areaY(ranges, {x, y1, y2, z: "segment", fill: z, fillOpacity: 0.22}),
      // A dash pattern is one per mark in Plot, so low-confidence quotes get a mark of their own.
      Plot.ruleX(ranges.filter((row) => !hollow(row)), {x, y1, y2, stroke: z, strokeWidth: 2}),
      Plot.ruleX(ranges.filter(hollow), {x, y1, y2, stroke: z, strokeWidth: 2, strokeDasharray: "2,2"}),
      Plot.line(averages, {x, y, z: "segment", stroke: z, strokeWidth: 1.5}),
      Plot.ruleY(listings, {x1: x, x2: (row: Row) => row.date_end ?? new Date(+(row[x] as Date) + 27 * DAY), y, stroke: z, strokeWidth: 3}),
      ...dots(averages),
      ...dots(points, {symbol: "diamond"}),
      ...dots(ranges, {r: 2}),
      Plot.tip(prices as Row[], Plot.pointer({x, y: mid, title: tip}))
    ]
  });
}

/** One price chart per value of `by` (for prices whose scales differ: an element, a currency). */
export function priceChartsBy(data: readonly Row[], {by = "label", width, height = 260, ...options}: PriceChartOptions & {by?: string}): HTMLElement {
  const events = data.filter((row) => row.kind === "event");
  const groups = [...new Set(data.filter((row) => row.kind !== "event").map((row) => String(row[by])))];
  return html`<div class="price-charts">${groups.map((group) => html`<div data-group=${group}><h3 class="price-chart-group">${group}</h3>${priceChart([...data.filter((row) => row.kind !== "event" && String(row[by]) === group), ...events], {...options, width, height})}</div>`)}</div>`;
}
