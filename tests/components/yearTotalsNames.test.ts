// @vitest-environment jsdom
// The year-totals panels once cut their names at 390 px ("Permanent-magnet exports, perma… (t)"),
// so two measures could not be told apart. A long name now wraps and stays whole.
import {describe, expect, it} from "vitest";
import {wrapText} from "../../src/components/eventMarks.ts";
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

  it("breaks a name at spaces, and past two lines cuts the second with an ellipsis", () => {
    expect(wrapText("Rare-earth exports (t)", 30)).toEqual(["Rare-earth exports (t)"]);
    expect(wrapText("Permanent-magnet exports, all permanent magnets (t)", 30)).toEqual(["Permanent-magnet exports, all", "permanent magnets (t)"]);
    const cut = wrapText("one two three four five six seven eight nine ten eleven", 12);
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith("…")).toBe(true);
    expect(cut.every((line) => line.length <= 12)).toBe(true);
  });
});
