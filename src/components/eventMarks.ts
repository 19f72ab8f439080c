// Dated events drawn on a time axis: a dashed rule at each date and a short label at the top of
// the frame. Labels are placed in pixels: each goes on the first line where it does not run
// into another, anchored at its end when it would run past the right edge, and cut to what fits
// (the full title is the tooltip). Past `maxLines` a label is left out; its rule and tooltip stay.
// Returns the marks and the top margin they need.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";

const LINE_HEIGHT = 13;
const CHAR_PX = 5.6; // 10 px text
const MAX_LABEL = 34;

export function shortLabel(text: string, max = MAX_LABEL): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export interface EventMarkOptions {
  x?: string;
  label?: string;
  width: number;
  domain: [Date, Date];
  marginLeft: number;
  marginRight: number;
  maxLines?: number;
}

export function eventMarks(events: readonly Row[], {x = "date", label = "label", width, domain, marginLeft, marginRight, maxLines = width < 500 ? 3 : 5}: EventMarkOptions) {
  const [from, to] = domain.map(Number);
  const inner = Math.max(1, width - marginLeft - marginRight);
  const px = (time: number) => ((time - from) / Math.max(1, to - from)) * inner;
  const maxChars = Math.max(8, Math.min(MAX_LABEL, Math.floor((inner * 0.45) / CHAR_PX)));
  const inside = events.filter((row) => +(row[x] as Date) >= from && +(row[x] as Date) <= to).sort((a, b) => +(a[x] as Date) - +(b[x] as Date));
  const lines: [number, number][][] = [];
  const placed = inside.map((row) => {
    const text = shortLabel(String(row[label]), maxChars);
    const at = px(+(row[x] as Date));
    const textWidth = text.length * CHAR_PX + 6;
    const anchorEnd = at + textWidth > inner;
    const span: [number, number] = anchorEnd ? [at - textWidth, at] : [at, at + textWidth];
    let line = 0;
    while (line < maxLines && (lines[line] ?? []).some(([a, b]) => span[0] < b + 4 && a < span[1] + 4)) line++;
    if (line < maxLines) (lines[line] ??= []).push(span);
    return {...row, text, line, anchorEnd};
  });
  const shown = placed.filter((row) => row.line < maxLines);
  const marginTop = 12 + LINE_HEIGHT * Math.max(1, lines.length);
  const title = (row: Row) => `${row.period ?? ""} ${row[label]}`.trim();
  const text = (line: number, anchorEnd: boolean) =>
    Plot.text(
      shown.filter((row) => row.line === line && row.anchorEnd === anchorEnd),
      {x, text: "text", frameAnchor: "top", dy: -marginTop + 10 + LINE_HEIGHT * line, textAnchor: anchorEnd ? "end" : "start", dx: anchorEnd ? -3 : 3, fontSize: 10, fill: "var(--theme-foreground-muted, #666)", title}
    );
  return {
    marginTop,
    marks: [
      Plot.ruleX(placed, {x, stroke: "var(--theme-foreground-muted, #888)", strokeDasharray: "3,3", title}),
      // dy is a constant in Plot, so each line of labels is its own mark.
      ...lines.flatMap((_, line) => [text(line, false), text(line, true)])
    ]
  };
}
