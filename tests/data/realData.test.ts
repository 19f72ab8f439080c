import {describe, expect, it} from "vitest";
import {loadChecks} from "../../data-loaders/checks.ts";
import {loadEvents} from "../../data-loaders/events.ts";
import {loadObservations} from "../../data-loaders/observations.ts";
import {loadSources} from "../../data-loaders/sources.ts";
import type {Observation} from "../../data-loaders/schema/observation.ts";

// The real source records in data-loaders/sources, not fixtures.
const rows = loadObservations();
const one = (where: Partial<Observation>): Observation => {
  const found = rows.filter((row) => Object.entries(where).every(([k, v]) => row[k as keyof Observation] === v));
  if (found.length !== 1) throw new Error(`expected one row for ${JSON.stringify(where)}, found ${found.length}`);
  return found[0];
};

describe("the real fact base", () => {
  it("holds every figure of the forum report and every row of the public list", () => {
    expect(rows.filter((r) => r.source_id === "smm-forum-2025")).toHaveLength(60);
    expect(rows.filter((r) => r.row_id.startsWith("pf-"))).toHaveLength(584);
  });

  it("stores the forum's Jan-Apr 2025 exports as 18,962.3 t, up 5.1% year on year", () => {
    expect(one({row_id: "smm25-exports-2025-jan-apr"})).toMatchObject({
      value: 18962.3, unit: "t", change_pct: 5.1, change_basis: "yoy", period_start: "2025-01-01", period_end: "2025-04-30", basis: "actual"
    });
  });

  it("stores the forum's 2025 mining quota and its parts as SMM forecasts", () => {
    expect(one({row_id: "smm25-mining-quota-2025"})).toMatchObject({value: 270000, basis: "forecast", change_pct: 0});
    expect(one({row_id: "smm25-mining-quota-rock-2025"})).toMatchObject({value: 266000, part_of: "smm25-mining-quota-2025"});
    expect(one({row_id: "smm25-mining-quota-ion-2025"})).toMatchObject({value: 19000, part_of: "smm25-mining-quota-2025"});
  });

  it("stores NdFeB per vehicle as the 2-5 kg range with no invented midpoint", () => {
    expect(one({row_id: "smm25-ndfeb-per-vehicle"})).toMatchObject({value: null, value_low: 2, value_high: 5, unit: "kg/vehicle"});
  });

  it("stores the speaker's 2030 and 2060 wind outlooks (\"will reach at least\") as forecasts with lower bounds", () => {
    expect(one({row_id: "smm25-wind-cumulative-2030"})).toMatchObject({value: 800, bound: "lower", unit: "million kW", basis: "forecast"});
    expect(one({row_id: "smm25-wind-cumulative-2060"})).toMatchObject({value: 3, bound: "lower", unit: "billion kW", basis: "forecast"});
  });

  it("stores both of the forum's 2025 air conditioner forecasts", () => {
    const ac = rows.filter((r) => r.series_id === "smm.ac_production" && r.period === "2025").map((r) => [r.value, r.change_pct]);
    expect(ac).toEqual([[320, 18], [330, 25]]);
  });

  it("takes China's 2024 mine production from the latest USGS edition and keeps the older one", () => {
    const china2024 = rows.filter((r) => r.series_id === "usgs_mine_production.china" && r.period === "2024");
    expect(china2024.map((r) => [r.vintage, r.value, r.is_latest_vintage])).toEqual([
      ["2025-MCS2025", 270000, false],
      ["2026-MCS2026", 270000, true]
    ]);
  });

  it("uses MCS 2026 for Australia's 2024 mine production (29,000 t, revised from 13,000 t)", () => {
    expect(one({series_id: "usgs_mine_production.australia", period: "2024", is_latest_vintage: true})).toMatchObject({value: 29000, unit: "t REO"});
    expect(one({series_id: "usgs_mine_production.australia", period: "2024", is_latest_vintage: false}).value).toBe(13000);
  });

  it("uses the MCS 2026 v1.3 revision for world reserves, a lower bound of 75 million t", () => {
    expect(one({series_id: "usgs_reserves.world", period: "2025", is_latest_vintage: true})).toMatchObject({value: 75000000, bound: "lower", vintage: "2026-MCS2026-v1.3"});
  });

  it("stores China's 2024 rare earth exports (GAC, via Reuters) as 55,431 t", () => {
    expect(one({dataset: "china_exports_rare_earths", period: "2024", row_id: "pf-407"})).toMatchObject({value: 55431, unit: "t", theme: "trade"});
  });

  it("stores China's 2024 HS 2846 imports from Myanmar as 44,365.5 t", () => {
    expect(one({dataset: "china_imports_hs2846_by_partner", partner: "Myanmar", period: "2024"})).toMatchObject({value: 44365.5, geography: "China"});
  });

  it("stores January-September 2025 magnet exports as 39,817 t", () => {
    expect(one({series_id: "china_magnet_exports.total", period: "2025 (Jan-Sep)", row_id: "pf-419"})).toMatchObject({value: 39817, period_end: "2025-09-30"});
  });

  it("keeps NEA and GWEC wind additions for China apart", () => {
    expect(one({series_id: "wind_new_installations_china.nea", period: "2020"}).value).toBe(71.7);
    expect(one({series_id: "wind_new_installations_china.gwec", period: "2020"}).value).toBe(52);
  });

  it("stores the 2022 IFR robot installations for China with the WR2024 revision as latest", () => {
    expect(one({series_id: "robots_installations.china", period: "2022", is_latest_vintage: true}).value).toBe(290144);
  });

  it("stores humanoid NdFeB per robot as a 2-4 kg range and the Argus 2026 shipments as a range", () => {
    expect(one({row_id: "pf-570"})).toMatchObject({value: null, value_low: 2, value_high: 4, unit: "kg/robot", period: null});
    expect(one({row_id: "pf-562"})).toMatchObject({value_low: 50000, value_high: 100000, basis: "forecast"});
  });

  it("flags figures from the README's low-confidence sources", () => {
    expect(one({row_id: "pf-577"}).confidence).toBe("low");
    expect(one({row_id: "pf-422"})).toMatchObject({value: 5473, confidence: "low"});
    expect(rows.filter((r) => r.row_id.startsWith("pf-") && r.confidence === "low").length).toBe(27);
  });

  it("gives every figure a page and a source that exists", () => {
    const ids = new Set(loadSources().map((s) => s.source_id));
    expect(rows.every((r) => ids.has(r.source_id))).toBe(true);
    expect(new Set(rows.map((r) => r.page))).toEqual(new Set(["supply", "trade", "magnets", "wind", "robotics", "prices"]));
  });

  it("has one sources row per source document and the events of April-May 2025", () => {
    expect(loadSources()).toHaveLength(372);
    expect(loadEvents().map((e) => e.event_id)).toContain("us-china-tariff-agreement-2025-05-12");
  });
});

describe("checks over the real data", () => {
  const checks = loadChecks();
  const ids = checks.map((c) => c.check_id);

  it("writes every finding for readers: no message names a column such as is_latest_vintage", () => {
    const internal = /\b(is_latest_vintage|is_preferred|value_canonical|series_id|row_id)\b/;
    expect(checks.filter((c) => internal.test(c.message)).map((c) => c.check_id)).toEqual([]);
    expect(checks.some((c) => c.kind === "vintage_revision" && c.message.endsWith("charts draw the latest edition."))).toBe(true);
  });

  it("finds that the forum's 2025 quota parts (266,000 + 19,000) do not make 270,000", () => {
    expect(checks.find((c) => c.check_id === "sum_mismatch:smm25-mining-quota-2025")?.message).toContain("add up to 285,000 t, not the stated total of 270,000 t");
  });

  it("finds the forum's two 2025 air conditioner forecasts and two wind growth rates", () => {
    expect(ids).toContain("within_source_disagreement:smm25-ac-production-2025-heading:smm25-ac-production-2025-text");
    expect(ids).toContain("within_source_disagreement:smm25-wind-new-2025-heading:smm25-wind-new-2025-text");
  });

  it("finds that 17.89 million NEVs is not 29% more than 12.888 million", () => {
    expect(ids).toContain("change_mismatch:smm25-nev-production-2025");
  });

  it("reports the USGS revision of Australia's 2024 mine production", () => {
    expect(ids).toContain("vintage_revision:pf-010:pf-011");
  });
});
