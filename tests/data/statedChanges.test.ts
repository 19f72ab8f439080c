// The checks that compare what a source states with what its figures imply: stated changes, t
// against t REO, and forecasts against their outcomes.
import {describe, expect, it} from "vitest";
import {changeChecks} from "../../data-loaders/checks/changes.ts";
import {comparisonChecks} from "../../data-loaders/checks/comparisons.ts";
import {errorPct, forecastOutcomeChecks} from "../../data-loaders/checks/forecasts.ts";
import {loadChecks} from "../../data-loaders/checks.ts";
import type {Observation} from "../../data-loaders/schema/observation.ts";

const YEAR = (y: number) => ({period: String(y), period_start: `${y}-01-01`, period_end: `${y}-12-31`});

/** An observation with plain defaults; each test states only what it is about. */
function obs(row_id: string, fields: Partial<Observation> & {year?: number}): Observation {
  const {year = 2025, ...rest} = fields;
  return {
    row_id, series_id: `s.${row_id}`, dataset: "fx", theme: "demand", page: "magnets", indicator: "Air conditioner production",
    geography: "China", partner: null, ...YEAR(year), value: null, value_low: null, value_high: null, bound: null, qualifier: null,
    unit: "million units", basis: "actual", change_pct: null, change_basis: null, source_id: "alpha", source_locator: "p. 1",
    vintage: null, part_of: null, notes: null, is_latest_vintage: true, confidence: "normal", ...rest
  } as Observation;
}

describe("changeChecks(rows)", () => {
  it("reports 330 M 'up 25%' on 270 M (+22.2%) as a warning, although the levels' rounding would allow 25%", () => {
    const [check] = changeChecks([obs("ac-2024", {year: 2024, value: 270}), obs("ac-2025", {value: 330, change_pct: 25, change_basis: "yoy", basis: "forecast"})]);
    expect(check).toMatchObject({check_id: "change_mismatch:ac-2025", severity: "warning", row_ids: ["ac-2025", "ac-2024"]});
    expect(JSON.parse(check.details).comparisons[0]).toMatchObject({computed_change_pct: 22.2, miss_points: 2.28});
  });

  it("reports 7.06 M 'up 96.9%' on 3.545 M (+99.2%) across units of one base", () => {
    const rows = [
      obs("nev-2021", {year: 2021, indicator: "NEV production", value: 3545000, unit: "vehicles"}),
      obs("nev-2022", {year: 2022, indicator: "NEV production", value: 7.06, unit: "million vehicles", change_pct: 96.9, change_basis: "yoy"})
    ];
    expect(changeChecks(rows)).toMatchObject([{check_id: "change_mismatch:nev-2022", severity: "warning"}]);
  });

  it("accepts a stated change that matches to its own precision (93,800 t '5.16 percent higher' than 89,200 t)", () => {
    const rows = [obs("q-2010", {year: 2010, value: 89200, unit: "t REO"}), obs("q-2011", {year: 2011, value: 93800, unit: "t REO", change_pct: 5.16, change_basis: "yoy"})];
    expect(changeChecks(rows)).toEqual([]);
  });

  it("reports a miss of at most one point beyond the stated precision for information", () => {
    const rows = [obs("w-2021", {year: 2021, value: 837, unit: "GW"}), obs("w-2022", {year: 2022, value: 906, unit: "GW", change_pct: 9, change_basis: "yoy"})];
    expect(changeChecks(rows)).toMatchObject([{check_id: "change_mismatch:w-2022", severity: "info"}]);
  });

  it("never compares a change in t with an earlier figure in t REO, and says they are not comparable", () => {
    const rows = [
      obs("quota-2024", {year: 2024, indicator: "Mining quota", value: 254000, unit: "t REO"}),
      obs("quota-2025", {indicator: "Mining quota", value: 340000, unit: "t", change_pct: 34, change_basis: "yoy"})
    ];
    const [check] = changeChecks(rows);
    expect(check).toMatchObject({kind: "not_comparable", severity: "info", row_ids: ["quota-2025", "quota-2024"]});
    expect(check.message).toContain("no factor converts one to the other");
  });
});

describe("comparisonChecks(rows)", () => {
  it("reports two sources' figures in t and t REO for the same quantity as not comparable instead of skipping them", () => {
    const rows = [
      obs("a", {indicator: "Mining quota", value: 270000, unit: "t", basis: "forecast"}),
      obs("b", {indicator: "Mining quota", value: 270000, unit: "t REO", source_id: "beta"})
    ];
    expect(comparisonChecks(rows)).toMatchObject([{kind: "not_comparable", severity: "info", row_ids: ["a", "b"]}]);
  });
});

describe("forecastOutcomeChecks(rows)", () => {
  const forecast = obs("wind-2025-forecast", {indicator: "Wind power new installations (NEA)", value: 87, unit: "GW", basis: "forecast", page: "wind"});

  it("checks a forecast against the outcome once it lands, with machine-readable row ids and error", () => {
    expect(forecastOutcomeChecks([forecast])).toEqual([]);
    const outcome = obs("nea-2025", {indicator: "Wind power new installations (NEA)", value: 119, unit: "million kW", source_id: "nea", page: "wind"});
    const [check] = forecastOutcomeChecks([forecast, outcome]);
    expect(check).toMatchObject({kind: "forecast_outcome", severity: "info", forecast_row_id: "wind-2025-forecast", outcome_row_id: "nea-2025", error_pct: -26.9});
    expect(check.message).toBe("Wind power new installations (NEA), China, 2025: alpha expected 87 GW (forecast); nea reports 119 million kW (actual): the forecast was 26.9% too low.");
  });

  it("matches by the registry's measure when rows carry one, whatever their indicators say", () => {
    const withMeasure = (row: Observation, measure: string) => ({...row, measure}) as Observation;
    const rows = [
      withMeasure({...forecast, indicator: "Wind power new installations (NEA)"}, "wind.additions.grid"),
      withMeasure(obs("nea", {indicator: "Newly grid-connected wind capacity", value: 119, unit: "GW"}), "wind.additions.grid"),
      withMeasure(obs("gwec", {indicator: "Wind power new installations (NEA)", value: 100, unit: "GW"}), "wind.additions.installed")
    ];
    expect(forecastOutcomeChecks(rows).map((c) => c.outcome_row_id)).toEqual(["nea"]);
  });

  it("prefers an actual outcome to an estimate, and a normal-confidence source to a low one", () => {
    const rows = [
      forecast,
      obs("est", {indicator: forecast.indicator, value: 100, unit: "GW", basis: "estimate"}),
      obs("low", {indicator: forecast.indicator, value: 110, unit: "GW", confidence: "low"}),
      obs("act", {indicator: forecast.indicator, value: 119, unit: "GW"})
    ];
    expect(forecastOutcomeChecks(rows).map((c) => c.outcome_row_id)).toEqual(["act"]);
  });

  it("measures a bound or a range from its nearest end, so a forecast that held has an error of 0", () => {
    const outcome = obs("share", {indicator: "NEV share", value: 47.9, unit: "%"});
    expect(errorPct(obs("f", {indicator: "NEV share", value: 55, bound: "lower", unit: "%", basis: "forecast"}), outcome)).toBe(14.8);
    expect(errorPct(obs("g", {indicator: "NEV share", value: 40, bound: "lower", unit: "%", basis: "forecast"}), outcome)).toBe(0);
    expect(errorPct(obs("h", {indicator: "NEV share", value_low: 50, value_high: 60, unit: "%", basis: "forecast"}), outcome)).toBe(4.4);
  });
});

describe("the checks table over the project's records", () => {
  const checks = loadChecks();
  const byId = new Map(checks.map((c) => [c.check_id, c]));

  it("reports the air-conditioner and 2022 NEV growth contradictions as warnings", () => {
    expect(byId.get("change_mismatch:smm25-ac-production-2025-text")?.severity).toBe("warning");
    expect(byId.get("change_mismatch:pf-458")?.message).toContain("96.9%");
    expect(byId.get("change_mismatch:pf-458")?.message).toContain("99.2%");
  });

  it("checks the forum's 2025 NEV forecast against CAAM's 2025 outcome", () => {
    const nev = checks.find((c) => c.kind === "forecast_outcome" && c.forecast_row_id === "smm25-nev-production-2025");
    expect(nev).toMatchObject({outcome_row_id: "pf-461", error_pct: 7.6});
  });

  it("gives every finding a severity and only forecast findings the forecast columns", () => {
    for (const check of checks) {
      expect(["warning", "info"]).toContain(check.severity);
      expect(check.forecast_row_id !== null, check.check_id).toBe(check.kind === "forecast_outcome");
    }
  });
});
