// Dated measures on a time axis, one row each, the title next to the dot; a span (from–to) is a
// bar. Labels are placed in pixels: one that would run past the right edge runs leftwards from
// its dot instead, and each is cut to the room it has (the full title and the description are
// the tooltip).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {tipLines} from "./tips.js";
import {shortLabel} from "./eventMarks.js";
import {monthTime} from "./scales.js";

const CHAR_PX = 6.2; // 11 px text
const MARGIN = 12;
const DAY = 86_400_000;

export function timelineChart(data: readonly Row[], {x1 = "date_start", x2 = "date_end", label = "title", width}: {x1?: string; x2?: string; label?: string; width: number}) {
  const times = data.flatMap((row) => [+(row[x1] as Date), +((row[x2] as Date) ?? row[x1])]);
  const [from, to] = [Math.min(...times) - 45 * DAY, Math.max(...times) + 45 * DAY];
  const inner = Math.max(1, width - 2 * MARGIN);
  const px = (time: number) => ((time - from) / Math.max(1, to - from)) * inner;
  const rows: Row[] = data.map((row, index) => {
    const at = px(+(row[x1] as Date));
    const full = `${row.date} · ${row[label]}`;
    // The side with more room takes the label, cut to fit it.
    const leftwards = inner - at < at;
    const room = Math.floor(((leftwards ? at : inner - at) - 10) / CHAR_PX);
    return {...row, index, leftwards, text: shortLabel(full, Math.max(8, room))};
  });
  const text = (leftwards: boolean) =>
    Plot.text(rows.filter((row) => row.leftwards === leftwards), {x: x1, y: "index", text: "text", dx: leftwards ? -8 : 8, textAnchor: leftwards ? "end" : "start", fontSize: 11, fill: "currentColor"});
  return Plot.plot({
    width,
    height: 28 * rows.length + 40,
    marginLeft: MARGIN,
    marginRight: MARGIN,
    x: {...monthTime(new Date(from), new Date(to), width, {margins: 2 * MARGIN}), grid: true},
    y: {axis: null, domain: rows.map((row) => row.index), type: "band"},
    marks: [
      Plot.ruleY(rows, {y: "index", stroke: "var(--theme-foreground-faintest, #eee)"}),
      Plot.barX(rows, {x1, x2: (row: Row) => new Date(+(row[x2] as Date) + DAY), y: "index", fill: "var(--theme-foreground-focus, #3b5fc0)", insetTop: 9, insetBottom: 9}),
      Plot.dot(rows, {x: x1, y: "index", r: 4, fill: "var(--theme-foreground-focus, #3b5fc0)"}),
      text(false),
      text(true),
      Plot.tip(rows, Plot.pointerY({x: x1, y: "index", title: (row: Row) => tipLines({...row, period: row.date}, {label, notes: (row) => [row.description]})}))
    ]
  });
}
