// Dated measures on a time axis, one row each, the title next to the dot; a span (from–to) is a
// bar. The description is the tooltip.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";
import {shortLabel} from "./eventMarks.js";

export function timelineChart(data: readonly Row[], {x1 = "date_start", x2 = "date_end", label = "title", width}: {x1?: string; x2?: string; label?: string; width: number}) {
  const rows: Row[] = data.map((row, index) => ({...row, index}));
  const max = Math.max(24, Math.floor((width - 160) / 6.2 / 1.6));
  // Labels of events in the later half of the axis run leftwards, so none runs off the edge.
  const times = rows.map((row) => +(row[x1] as Date));
  const middle = (Math.min(...times) + Math.max(...times)) / 2;
  const text = (row: Row) => `${row.date} · ${shortLabel(String(row[label]), max)}`;
  const late = (row: Row) => +(row[x1] as Date) > middle;
  return Plot.plot({
    width,
    height: 28 * rows.length + 40,
    marginLeft: 10,
    marginRight: 10,
    x: {type: "utc", label: null, grid: true, nice: true},
    y: {axis: null, domain: rows.map((row) => row.index), type: "band"},
    marks: [
      Plot.ruleY(rows, {y: "index", stroke: "var(--theme-foreground-faintest, #eee)"}),
      Plot.barX(rows, {x1, x2: (row: Row) => new Date(+(row[x2] as Date) + 86_400_000), y: "index", fill: "var(--theme-foreground-focus, #3b5fc0)", insetTop: 9, insetBottom: 9}),
      Plot.dot(rows, {x: x1, y: "index", r: 4, fill: "var(--theme-foreground-focus, #3b5fc0)", title: (row: Row) => `${row.date}: ${row[label]}\n${row.description}`}),
      Plot.text(rows.filter((row) => !late(row)), {x: x1, y: "index", text, dx: 8, textAnchor: "start", fontSize: 11, fill: "currentColor"}),
      Plot.text(rows.filter(late), {x: x1, y: "index", text, dx: -8, textAnchor: "end", fontSize: 11, fill: "currentColor"})
    ]
  });
}
