import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadEvents} from "../../data-loaders/events.ts";
import {loadObservations} from "../../data-loaders/observations.ts";
import {loadSources} from "../../data-loaders/sources.ts";

const good = fileURLToPath(new URL("./fixtures/good", import.meta.url));
const byId = (id: string) => {
  const row = loadObservations(good).find((r) => r.row_id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe("loadObservations on the fixture", () => {
  it("returns one row per record, in file order", () => {
    const rows = loadObservations(good);
    expect(rows).toHaveLength(20);
    expect(rows[0].row_id).toBe("quota-total");
    expect(rows.at(-1)?.row_id).toBe("exports-ytd");
  });

  it("parses periods into first and last days", () => {
    expect(byId("exports-ytd")).toMatchObject({period: "2025 (Jan-Sep)", period_start: "2025-01-01", period_end: "2025-09-30"});
    expect(byId("cap-total")).toMatchObject({period_start: "2025-01-01", period_end: "2025-03-31"});
  });

  it("leaves an undated figure with empty period and dates", () => {
    expect(byId("per-vehicle")).toMatchObject({period: null, period_start: null, period_end: null});
  });

  it("keeps a published range as value_low and value_high with no value", () => {
    expect(byId("per-vehicle")).toMatchObject({value: null, value_low: 2, value_high: 5, unit: "kg/vehicle"});
  });

  it("keeps a lower bound as the value with bound = lower", () => {
    expect(byId("share-floor")).toMatchObject({value: 55, bound: "lower", qualifier: "exceed"});
  });

  it("marks only the latest edition of a series-period as the latest vintage", () => {
    expect(byId("mine-old").is_latest_vintage).toBe(false);
    expect(byId("mine-new").is_latest_vintage).toBe(true);
    expect(byId("mine-2025").is_latest_vintage).toBe(true);
    expect(byId("quota-total").is_latest_vintage).toBe(true);
  });

  it("gives each figure its series' measure, part, preference and the page its theme is shown on", () => {
    expect(byId("quota-rock")).toMatchObject({measure: "fx.quota", part: "rock", is_preferred: true, theme: "supply", page: "supply"});
    expect(byId("sales-2024")).toMatchObject({measure: "fx.nev_sales", is_preferred: false, page: "magnets"});
  });

  it("converts the value into the measure's canonical unit and keeps the published value and unit", () => {
    expect(byId("cap-total")).toMatchObject({value: 1.482, unit: "billion kW", value_canonical: 1482, canonical_unit: "GW"});
    expect(byId("nev-2024")).toMatchObject({value: 12.888, unit: "million vehicles", value_canonical: 12888000, canonical_unit: "vehicles"});
    expect(byId("per-vehicle")).toMatchObject({value_canonical: null, value_low_canonical: 2, value_high_canonical: 5});
  });

  it("derives the basis from the marker: \"expects\" is a forecast, no marker an actual", () => {
    expect(byId("nev-2025")).toMatchObject({basis_marker: "expects", basis: "forecast"});
    expect(byId("nev-2024")).toMatchObject({basis_marker: "", basis: "actual"});
  });

  it("carries the source's confidence onto each figure", () => {
    expect(byId("wind-beta").confidence).toBe("low");
    expect(byId("wind-alpha").confidence).toBe("normal");
  });
});

describe("loadSources and loadEvents on the fixture", () => {
  it("orders sources by id and adds the year", () => {
    expect(loadSources(good).map((s) => [s.source_id, s.year])).toEqual([
      ["alpha", 2025],
      ["beta", 2025]
    ]);
  });

  it("orders events by date and turns a month into its first and last day", () => {
    expect(loadEvents(good).map((e) => [e.event_id, e.date_start, e.date_end])).toEqual([
      ["earlier-event", "2025-04-01", "2025-04-30"],
      ["later-event", "2025-05-12", "2025-05-12"]
    ]);
  });
});
