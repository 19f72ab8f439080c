// A cell's chart from its encoding (mark, x, y, colour, facet). The workbench draws it with
// `encodedChart`; a page exported from the notebook carries the same Plot call as code
// (`plotCode`), both made from one `plotSpec`, so the page draws what the cell drew.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "../arrowRows.js";
import type {ChartEncoding} from "./notebookModel.js";

const MARK_FUNCTIONS = {line: "lineY", area: "areaY", dot: "dot", bar: "barY"} as const;

export interface PlotSpec {
  mark: (typeof MARK_FUNCTIONS)[keyof typeof MARK_FUNCTIONS];
  channels: Record<string, string>;
  options: Record<string, unknown>;
}

export function plotSpec({mark, x, y, color, facet}: ChartEncoding): PlotSpec {
  const channels: Record<string, string> = {x, y};
  if (color) channels[mark === "line" || mark === "dot" ? "stroke" : "fill"] = color;
  if (mark === "line" || mark === "area") channels.sort = x;
  if (facet) channels.fy = facet;
  const options: Record<string, unknown> = {height: facet ? undefined : 300, marginLeft: 64, title: `${y} by ${x}`, y: {grid: true, label: y}, x: {label: x}};
  if (color) options.color = {legend: true};
  if (facet) options.fy = {label: facet};
  return {mark: MARK_FUNCTIONS[mark], channels, options};
}

export function encodedChart(rows: readonly Row[], encoding: ChartEncoding, {width = 640} = {}): SVGSVGElement | HTMLElement {
  const {mark, channels, options} = plotSpec(encoding);
  const draw = Plot[mark] as (data: readonly Row[], options: object) => Plot.Markish;
  return Plot.plot({width, ...options, marks: [draw(rows, channels), Plot.ruleY([0])]});
}

/** The same chart as Plot code drawing the rows in the variable `data`, with `width` in scope. */
export function plotCode(data: string, encoding: ChartEncoding): string {
  const {mark, channels, options} = plotSpec(encoding);
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return `Plot.plot({width, ...${JSON.stringify(defined)}, marks: [Plot.${mark}(${data}, ${JSON.stringify(channels)}), Plot.ruleY([0])]})`;
}
