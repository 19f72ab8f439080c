// @vitest-environment jsdom
// Event labels on a time axis: each label stands at its own event's rule (starting there, or
// ending there when it would run past the right edge), inside the chart, on lines that do
// not overlap; past the last line a label is left out and its rule keeps the full title.
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {eventMarks} from "../../src/components/eventMarks.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const events = [
  {date: day("2023-12-21"), label: "China bans the export of rare-earth processing technology"},
  {date: day("2025-04-04"), label: "Announcement No. 18: export licences"},
  {date: day("2025-04-08"), label: "US tariff increases"},
  {date: day("2025-05-12"), label: "US-China tariff agreement"},
  {date: day("2025-10-09"), label: "Announcement No. 61"},
  {date: day("2025-11-07"), label: "Announcement No. 70 suspends six announcements"}
];

function draw(width: number, maxLines?: number) {
  const domain: [Date, Date] = [day("2022-01-01"), day("2026-03-01")];
  const labels = eventMarks(events, {width, domain, marginLeft: 60, marginRight: 16, maxLines});
  const svg = Plot.plot({width, height: 240, marginLeft: 60, marginRight: 16, marginTop: labels.marginTop, x: {type: "utc", domain}, marks: labels.marks}) as unknown as SVGSVGElement;
  const ruleX = new Map([...svg.querySelectorAll('g[aria-label="rule"] line')].map((line) => [line.querySelector("title")?.textContent ?? "", Number(line.getAttribute("x1"))]));
  const translate = (element: Element | null) => (element?.getAttribute("transform") ?? "translate(0,0)").match(/translate\(([^,]+),([^)]+)\)/)!.slice(1).map(Number);
  const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((text) => {
    // Plot puts dx and dy on the mark's group and the position on the text.
    const [gx, gy] = translate(text.parentElement);
    const [tx, ty] = translate(text);
    const end = text.parentElement?.getAttribute("text-anchor") === "end";
    return {x: gx + tx, y: gy + ty, end, text: text.firstChild?.textContent ?? "", title: text.querySelector("title")?.textContent ?? ""};
  });
  return {ruleX, texts};
}

describe("event labels", () => {
  for (const width of [390, 640, 1000]) {
    it(`stand at their own rule, inside a ${width} px chart, and never overlap`, () => {
      const {ruleX, texts} = draw(width);
      expect(ruleX.size).toBe(events.length);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) {
        const at = ruleX.get(t.title)!;
        expect(at, t.title).toBeDefined();
        // dx is ±3 px from the rule.
        expect(Math.abs(t.x - at)).toBeLessThanOrEqual(3.5);
        const widthPx = t.text.length * 5.6;
        const [left, right] = t.end ? [t.x - widthPx, t.x] : [t.x, t.x + widthPx];
        expect(left, t.text).toBeGreaterThanOrEqual(0);
        expect(right, t.text).toBeLessThanOrEqual(width);
      }
      for (const a of texts)
        for (const b of texts) {
          if (a === b || a.y !== b.y) continue;
          const span = (t: typeof a) => (t.end ? [t.x - t.text.length * 5.6, t.x] : [t.x, t.x + t.text.length * 5.6]);
          const [a0, a1] = span(a);
          const [b0, b1] = span(b);
          expect(a1 <= b0 || b1 <= a0, `${a.text} / ${b.text}`).toBe(true);
        }
    });
  }

  it("leaves out the labels past the last line, and keeps every rule", () => {
    const {ruleX, texts} = draw(390, 1);
    expect(ruleX.size).toBe(events.length);
    expect(texts.length).toBeLessThan(events.length);
    expect(new Set(texts.map((t) => t.y)).size).toBe(1);
  });
});
