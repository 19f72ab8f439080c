import {readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {basisFor} from "../../data-loaders/lib/basis.ts";
import {observationFiles} from "../../data-loaders/lib/observationRecords.ts";
import {loadObservations} from "../../data-loaders/observations.ts";

const base = {statedByType: "analyst" as const, periodEnd: "2024-12-31", sourceDateEnd: "2025-12-31"};

describe("basisFor(marker, stated by, period, source date)", () => {
  it("reads a plain statement and USGS's \"Reported.\" as actual", () => {
    expect(basisFor({...base, marker: ""})).toEqual({basis: "actual"});
    expect(basisFor({...base, marker: "Reported."})).toEqual({basis: "actual"});
  });

  it("reads USGS's \"e\" and \"Estimated.\" and \"official estimates\" as estimate", () => {
    for (const marker of ["e", "Estimated.", "official estimates"]) expect(basisFor({...base, marker})).toEqual({basis: "estimate"});
  });

  it("reads a speaker's or analyst's \"will reach\" and \"expects\" as forecast", () => {
    expect(basisFor({...base, marker: "will reach", statedByType: "speaker"})).toEqual({basis: "forecast"});
    expect(basisFor({...base, marker: "expects"})).toEqual({basis: "forecast"});
  });

  it("reads a body's \"will be at least\" about its own plan as target", () => {
    expect(basisFor({...base, marker: "will be at least", statedByType: "body"})).toEqual({basis: "target"});
  });

  it("makes a plain figure or an estimate for a period after the source's date a forecast", () => {
    const future = {...base, periodEnd: "2030-12-31"};
    expect(basisFor({...future, marker: ""})).toEqual({basis: "forecast"});
    expect(basisFor({...future, marker: "estimate"})).toEqual({basis: "forecast"});
  });

  it("cannot decide an unknown marker or a \"Reported.\" future", () => {
    expect(basisFor({...base, marker: "probably"})).toHaveProperty("error");
    expect(basisFor({...base, marker: "Reported.", periodEnd: "2030-12-31"})).toHaveProperty("error");
  });
});

/** Every observation record as written, with its file's marker column. */
function records(): Record<string, string>[] {
  return observationFiles().flatMap((file) => parse(readFileSync(file, "utf8"), {columns: true, bom: true}) as Record<string, string>[]);
}

describe("the basis of every real figure follows its source's marker", () => {
  const rows = new Map(loadObservations().map((r) => [r.row_id, r]));
  const raw = records();
  const basisOf = (id: string) => rows.get(id)?.basis;

  it("labels every row USGS marks e or Estimated. an estimate, and Reported. an actual", () => {
    const marked = raw.filter((r) => ["e", "Estimated.", "Reported."].includes(r.basis_marker));
    expect(marked.length).toBeGreaterThan(100);
    for (const r of marked) expect([r.row_id, basisOf(r.row_id)]).toEqual([r.row_id, r.basis_marker === "Reported." ? "actual" : "estimate"]);
  });

  it("labels every figure with a forecasting word a forecast unless a body states its own goal", () => {
    const future = raw.filter((r) => /^(will|expect|is expected|are expected|forecast|is forecast|is projected|predicts|could|may)/.test(r.basis_marker));
    expect(future.length).toBeGreaterThan(30);
    for (const r of future) expect([r.row_id, basisOf(r.row_id)]).toEqual([r.row_id, r.row_id === "pf-510" ? "target" : "forecast"]);
  });

  it("records the markers the reference README's corrections name", () => {
    const marker = (id: string) => raw.find((r) => r.row_id === id)?.basis_marker;
    const where = (f: (r: Record<string, string>) => boolean) => raw.filter(f);
    const myb = where((r) => r.vintage === "2024-MYB2022" && r.dataset === "usgs_mine_production");
    const eCountries = ["Australia", "Brazil", "Burma", "India", "Madagascar", "Malaysia", "Thailand", "Vietnam"];
    for (const r of myb) expect([r.row_id, r.basis_marker]).toEqual([r.row_id, eCountries.includes(r.geography) ? "e" : ""]);
    for (const r of where((r) => r.vintage === "2025-MCS2025" && r.dataset === "usgs_mine_production")) expect(r.basis_marker).toBe("e");
    for (const r of where((r) => r.vintage === "2026-MCS2026" && ["usgs_mine_production", "usgs_price"].includes(r.dataset) && ["2024", "2025"].includes(r.period))) {
      const reported = r.geography === "United States" && r.period === "2024" && r.dataset === "usgs_mine_production";
      expect([r.row_id, r.basis_marker]).toEqual([r.row_id, reported ? "Reported." : "Estimated."]);
    }
    expect(marker("smm25-mining-quota-2025")).toBe("expects");
    expect(marker("smm25-smelting-quota-2025")).toBe("will reach");
    expect(marker("smm25-wind-cumulative-2030")).toBe("will reach");
  });

  it("makes China's 2025 mine production an estimate and the forum's 2025 quotas and 2030/2060 wind figures forecasts", () => {
    const china2025 = [...rows.values()].find((r) => r.series_id === "usgs_mine_production.china" && r.period === "2025" && r.is_latest_vintage);
    expect(china2025).toMatchObject({value: 270000, basis: "estimate", basis_marker: "Estimated."});
    for (const id of ["smm25-mining-quota-2025", "smm25-mining-quota-rock-2025", "smm25-mining-quota-ion-2025", "smm25-smelting-quota-2025", "smm25-wind-cumulative-2030", "smm25-wind-cumulative-2060"]) {
      expect([id, basisOf(id)]).toEqual([id, "forecast"]);
    }
    expect(basisOf("pf-440")).toBe("forecast"); // "will exceed"
    expect(basisOf("pf-462")).toBe("estimate"); // "official estimates"
  });
});
