// @vitest-environment jsdom
// The year-totals panels once cut their names at 390 px ("Permanent-magnet exports, perma… (t)"),
// so two measures could not be told apart. A long name now wraps and stays whole.
import {describe, expect, it} from "vitest";
import {yearTotalsChart} from "../../src/components/yearTotalsChart.ts";

const LONG = "Permanent-magnet exports, permanent magnets and magnet alloys (Adamas)";
const OTHER = "Permanent-magnet exports, all permanent magnets";
const rows = [LONG, OTHER, "Rare-earth exports"].flatMap((measure, i) => [2023, 2024].map((year) => ({measure, year, value: 1000 * (i + 1), stated_change_pct: null})));

/** The panel names as drawn: each bold text's lines joined. */
function names(svg: Element): string[] {
  return [...svg.querySelectorAll('g[aria-label="text"] text')].filter((t) => t.closest("g")?.getAttribute("font-weight") === "bold").map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || (t.textContent ?? ""));
}

describe("the year-totals chart's panel names", () => {
  it("keeps every name whole at 358 px, wrapping the long one onto two lines and making the panel taller", () => {
    const narrow = yearTotalsChart(rows, {width: 358});
    expect(names(narrow)).toEqual([`${LONG} (t)`, `${OTHER} (t)`, "Rare-earth exports (t)"]);
    const wide = yearTotalsChart(rows, {width: 912});
    expect(names(wide)).toEqual([`${LONG} (t)`, `${OTHER} (t)`, "Rare-earth exports (t)"]);
    expect(Number(narrow.getAttribute("height"))).toBeGreaterThan(Number(wide.getAttribute("height")));
    const lines = [...narrow.querySelectorAll('g[aria-label="text"] text')].filter((t) => t.textContent?.startsWith("Permanent-magnet exports, permanent")).map((t) => t.querySelectorAll("tspan").length);
    expect(lines).toEqual([2]);
  });
});
