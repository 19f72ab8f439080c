// The scenario figures compute their rows in the page; the SQL they show must compute the same
// rows, so "open in workbench" reproduces the chart. Both are run here on the real snapshots.
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSnapshotDatabase} from "../../scripts/snapshot-set/precompute.ts";
import {compareWithPublished, demandTonnes, type EndUseAssumption, type PublishedDemand} from "../../src/components/scenario.ts";
import {scenario as magnetsScenario} from "../../src/queries/magnets.ts";
import {humanoidForecasts, impliedHumanoidDemand, scenario as roboticsScenario} from "../../src/queries/robotics.ts";

let connection: DuckDBConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  ({connection, close} = await openSnapshotDatabase());
}, 120_000);
afterAll(async () => close?.());

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

async function firstRowIdOf(where: string): Promise<{row_id: string; value: number; basis: string; period: string; source_id: string; bound: string | null}> {
  return (await rows(`SELECT row_id, value, basis, period, source_id, bound FROM observations WHERE ${where} AND value IS NOT NULL ORDER BY row_id LIMIT 1`))[0] as never;
}

describe.each([["Magnets", magnetsScenario], ["Robotics", roboticsScenario]])("%s' scenario figure: scenarioComparison(…).sql(state)", (_, scenarioComparison) => {
  it("returns the rows compareWithPublished computes, slider values included, in the same order", async () => {
    const demand = await firstRowIdOf("unit = 't' AND basis <> 'actual'");
    const assumptions: EndUseAssumption[] = [
      {id: "nev", label: "NEVs", count: 17.89, countUnit: "million", unitsPerCount: 1e6, kgPerUnit: 2.37, intensityUnit: "kg/vehicle"},
      {id: "robots", label: "Robots, it's new", count: 1234, countUnit: "units", unitsPerCount: 1, kgPerUnit: 0.3, intensityUnit: "kg/robot"}
    ];
    const published: PublishedDemand[] = [{id: "nev", label: "NEVs", tonnes: demand.value, basis: demand.basis, period: demand.period, source_id: demand.source_id, bound: demand.bound, row_id: demand.row_id}];
    const fromPage = compareWithPublished(assumptions, published).map((row) => ({bound: null, row_id: null, ...row}));
    const fromSql = await rows(scenarioComparison.sql({assumptions, published}));
    expect(fromSql).toEqual(fromPage);
  });
});

describe("impliedHumanoidDemand.sql(state): impliedDemand(humanoidForecasts, …)", () => {
  it("returns each forecast × kg per robot ÷ 1,000, as the page computes it", async () => {
    const kg = 3.25;
    const forecasts = await rows(humanoidForecasts.sql({}));
    expect(forecasts.length).toBeGreaterThan(0);
    const fromSql = await rows(impliedHumanoidDemand.sql({kg}));
    const tonnes = (value: unknown) => (value == null ? null : demandTonnes(Number(value), 1, kg));
    expect(fromSql.map((row) => [row.row_id, row.value, row.value_low, row.value_high])).toEqual(forecasts.map((row) => [row.row_id, tonnes(row.value), tonnes(row.value_low), tonnes(row.value_high)]));
  });
});
