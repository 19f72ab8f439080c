// Dated events drawn on a time axis: a dashed rule at each date and a short label at the top of
// the frame, each label on the first line where it does not run into an earlier one (widths
// estimated at 6 px a character). The full title is the tooltip. Returns the marks and the top
// margin they need.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

const LINE_HEIGHT = 13;
const MAX_LABEL = 34;

export function shortLabel(text: string, max = MAX_LABEL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function eventMarks(events: readonly Row[], {x = "date", label = "label", width, domain}: {x?: string; label?: string; width: number; domain: [Date, Date]}) {
  const [from, to] = domain.map(Number);
  const inside = events.filter((row) => +(row[x] as Date) >= from && +(row[x] as Date) <= to).sort((a, b) => +(a[x] as Date) - +(b[x] as Date));
  const msPerPixel = Math.max(1, to - from) / Math.max(1, width - 100);
  const lineEnds: number[] = [];
  const placed = inside.map((row) => {
    const start = +(row[x] as Date);
    const text = shortLabel(String(row[label]));
    let line = lineEnds.findIndex((end) => end < start);
    if (line < 0) line = lineEnds.length;
    lineEnds[line] = start + (text.length * 6 + 12) * msPerPixel;
    return {...row, text, line};
  });
  const marginTop = 12 + LINE_HEIGHT * Math.max(1, lineEnds.length);
  const title = (row: Row) => `${row.period ?? ""} ${row[label]}`.trim();
  return {
    marginTop,
    marks: [
      Plot.ruleX(placed, {x, stroke: "var(--theme-foreground-muted, #888)", strokeDasharray: "3,3", title}),
      // dy is a constant in Plot, so each line of labels is its own mark.
      ...lineEnds.map((_, line) =>
        Plot.text(placed.filter((row) => row.line === line), {x, text: "text", frameAnchor: "top", dy: -marginTop + 10 + LINE_HEIGHT * line, textAnchor: "start", dx: 3, fontSize: 10, fill: "var(--theme-foreground-muted, #666)", title})
      )
    ]
  };
}
