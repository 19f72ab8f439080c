// Dated events drawn on a time axis: a dashed rule at each date, numbered just above the frame,
// and under the x axis a key that gives each number's event in full (wrapped onto a second line
// where the chart is narrow, never cut short). Events whose numbers would run into each other
// share one label ("2–4"). Returns the marks, the margins they need and the height the key
// adds (a chart adds it to its own, so the key never squeezes the plot).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";

const LINE_HEIGHT = 13;
const CHAR_PX = 5.6; // 10 px text
const MAX_LABEL = 34;
/** The x axis's own bottom margin, under which the key starts. */
const AXIS_MARGIN = 30;

export function shortLabel(text: string, max = MAX_LABEL): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** `text` in lines of at most `chars` characters broken at spaces (a longer word stands alone); past `maxLines` the last line is cut with an ellipsis. */
export function wrapText(text: string, chars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= chars) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), shortLabel(lines.slice(maxLines - 1).join(" "), chars)];
}

export interface EventMarkOptions {
  x?: string;
  label?: string;
  width: number;
  domain: [Date, Date];
  marginLeft: number;
  marginRight: number;
}

export function eventMarks(events: readonly Row[], {x = "date", label = "label", width, domain, marginLeft, marginRight}: EventMarkOptions) {
  const [from, to] = domain.map(Number);
  const inner = Math.max(1, width - marginLeft - marginRight);
  const px = (time: number) => ((time - from) / Math.max(1, to - from)) * inner;
  const inside = events.filter((row) => +(row[x] as Date) >= from && +(row[x] as Date) <= to).sort((a, b) => +(a[x] as Date) - +(b[x] as Date));
  const numbered: (Row & {number: number; at: number})[] = inside.map((row, i) => ({...row, number: i + 1, at: px(+(row[x] as Date))}));
  // Number labels, on up to two lines above the frame: each at its own rule where it fits on
  // either line, otherwise joined to the label placed last (then "2–4" stands at 2's rule).
  const widthOf = (text: string) => text.length * CHAR_PX + 4;
  type Tag = {rows: typeof numbered; text: string; span: [number, number]; anchorEnd: boolean; line: number};
  const tagOf = (rows: typeof numbered, line: number): Tag => {
    const text = rows.length === 1 ? String(rows[0].number) : `${rows[0].number}–${rows[rows.length - 1].number}`;
    const at = rows[0].at;
    const anchorEnd = at + widthOf(text) > inner;
    return {rows, text, anchorEnd, line, span: anchorEnd ? [at - widthOf(text), at] : [at, at + widthOf(text)]};
  };
  const overlaps = (a: Tag, b: Tag) => a.span[0] < b.span[1] + 2 && b.span[0] < a.span[1] + 2;
  const tags: Tag[] = [];
  for (const row of numbered) {
    const line = [0, 1].find((line) => !tags.some((tag) => tag.line === line && overlaps(tag, tagOf([row], line))));
    if (line !== undefined || !tags.length) tags.push(tagOf([row], line ?? 0));
    else {
      const last = tags.pop()!;
      tags.push(tagOf([...last.rows, row], last.line));
    }
  }
  const tagLines = Math.max(1, ...tags.map((tag) => tag.line + 1));
  const tagRows = tags.map((tag) => ({...tag.rows[0], text: tag.text, anchorEnd: tag.anchorEnd, line: tag.line}));
  // The key: each event's number and full title, from the chart's left edge to its right edge.
  const chars = Math.max(16, Math.floor((width - 8) / CHAR_PX));
  let keyLine = 0;
  const key = numbered.map((row) => {
    const lines = wrapText(`${row.number}. ${row[label]}`, chars);
    const entry = {...row, text: lines.join("\n"), line: keyLine};
    keyLine += lines.length;
    return entry;
  });
  const keyHeight = numbered.length ? LINE_HEIGHT * keyLine + 6 : 0;
  const marginTop = 12 + LINE_HEIGHT * tagLines;
  const title = (row: Row) => `${row.period ?? ""} ${row[label]}`.trim();
  const muted = "var(--theme-foreground-muted, #666)";
  return {
    marginTop,
    marginBottom: AXIS_MARGIN + keyHeight,
    addedHeight: keyHeight,
    marks: [
      Plot.ruleX(numbered, {x, stroke: "var(--theme-foreground-muted, #888)", strokeDasharray: "3,3", title}),
      ...[0, 1].flatMap((line) => [false, true].map((anchorEnd) => [line, anchorEnd] as const)).map(([line, anchorEnd]) =>
        Plot.text(tagRows.filter((t) => t.anchorEnd === anchorEnd && t.line === line), {x, text: "text", frameAnchor: "top", lineAnchor: "bottom", dy: -3 - LINE_HEIGHT * line, textAnchor: anchorEnd ? "end" : "start", dx: anchorEnd ? -3 : 3, fontSize: 10, fontWeight: "bold", fill: muted, title})
      ),
      // dy is a constant in Plot, so each entry of the key is its own mark.
      ...key.map((entry) =>
        Plot.text([entry], {frameAnchor: "bottom-left", text: "text", dx: -marginLeft + 4, dy: AXIS_MARGIN + 4 + LINE_HEIGHT * entry.line, lineAnchor: "top", lineHeight: LINE_HEIGHT / 10, textAnchor: "start", fontSize: 10, fill: muted, title})
      )
    ]
  };
}
