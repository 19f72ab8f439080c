// @vitest-environment jsdom
// Events on a time axis: each rule is numbered at the top of the frame (events too close to tell
// apart share one label), and a key under the x axis gives every number's event whole — wrapped,
// never cut — inside the chart's width at 390 px as at 1000 px. (The labels were once cut to 34
// characters: "China's rare earth export control…".)
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

const WIDE = "MOFCOM/GAC Announcement No. 18: export licences for seven medium and heavy rare earths";

function draw(width: number) {
  const domain: [Date, Date] = [day("2022-01-01"), day("2026-03-01")];
  const list = [...events, {date: day("2024-06-01"), label: WIDE}];
  const labels = eventMarks(list, {width, domain, marginLeft: 60, marginRight: 16});
  const svg = Plot.plot({width, height: 240, marginLeft: 60, marginRight: 16, marginTop: labels.marginTop, x: {type: "utc", domain}, marks: labels.marks}) as unknown as SVGSVGElement;
  const rules = [...svg.querySelectorAll('g[aria-label="rule"] line')].map((line) => Number(line.getAttribute("x1")));
  const translate = (element: Element | null) => (element?.getAttribute("transform") ?? "translate(0,0)").match(/translate\(([^,]+),([^)]+)\)/)!.slice(1).map(Number);
  const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((text) => {
    // Plot puts dx and dy on the mark's group and the position on the text.
    const [gx, gy] = translate(text.parentElement);
    const [tx, ty] = translate(text);
    const tspans = [...text.querySelectorAll("tspan")].map((t) => t.textContent ?? "");
    const lines = tspans.length ? tspans : [[...text.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("")];
    return {x: gx + tx, y: gy + ty, end: text.parentElement?.getAttribute("text-anchor") === "end", bold: text.parentElement?.getAttribute("font-weight") === "bold", lines};
  });
  return {list, rules, numbers: texts.filter((t) => t.bold), key: texts.filter((t) => !t.bold)};
}

describe("event marks", () => {
  for (const width of [390, 640, 1000]) {
    it(`number every rule and give every event whole in a key inside a ${width} px chart`, () => {
      const {list, rules, numbers, key} = draw(width);
      expect(rules).toHaveLength(list.length);
      // The key, in date order: "n. title", its lines joined giving the title exactly.
      const byDate = [...list].sort((a, b) => +a.date - +b.date);
      expect(key.map((k) => k.lines.join(" "))).toEqual(byDate.map((e, i) => `${i + 1}. ${e.label}`));
      for (const k of key) for (const line of k.lines) expect(k.x + line.length * 5.6, line).toBeLessThanOrEqual(width);
      expect(key.some((k) => k.lines.length === 2)).toBe(width === 390);
      // Every number appears once, on a label at (±3 px) the rule of the first event it names.
      const range = (text: string) => {
        const [a, b = a] = text.split("–").map(Number);
        return Array.from({length: b - a + 1}, (_, i) => a + i);
      };
      const named = numbers.flatMap((n) => range(n.lines[0]));
      expect(named.sort((a, b) => a - b)).toEqual(byDate.map((_, i) => i + 1));
      for (const n of numbers) {
        const first = range(n.lines[0])[0];
        const rule = [...rules].sort((a, b) => a - b)[first - 1];
        expect(Math.abs(n.x - rule), n.lines[0]).toBeLessThanOrEqual(3.5);
      }
      // Number labels on one line never overlap.
      const spans = numbers.map((n) => ({y: n.y, span: n.end ? [n.x - n.lines[0].length * 5.6, n.x] : [n.x, n.x + n.lines[0].length * 5.6]}));
      for (const a of spans) for (const b of spans) if (a !== b && a.y === b.y) expect(a.span[1] <= b.span[0] || b.span[1] <= a.span[0], `${a.span} / ${b.span}`).toBe(true);
      expect(new Set(numbers.map((n) => n.y)).size).toBeLessThanOrEqual(2);
    });
  }

  it("gives events a few days apart one shared label at 390 px, standing at the first one's rule, and at 1000 px numbers near the right edge their own", () => {
    const {numbers} = draw(390);
    expect(numbers.some((n) => n.lines[0].includes("–"))).toBe(true);
    // The last event (2025-11-07) is not swept into a label standing years before it.
    const wide = draw(1000).numbers;
    expect(wide.some((n) => /^(7|[2-7]–\d)$/.test(n.lines[0]) && !n.lines[0].startsWith("1"))).toBe(true);
  });
});
