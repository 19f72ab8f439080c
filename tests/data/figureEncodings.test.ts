// Every figure's query says how the figure draws its rows (`chart`: a mark and the columns for
// x, y, colour and facet), so "Open this query in the SQL workbench" opens a notebook cell drawn
// the same way. Here each figure a page places (scripts/site/figurePlacements.ts) is run for the
// page's first state on the real snapshots, in DuckDB for Node, and its chart is checked against
// the columns the SQL really returns. Queries no figure shows (headlines, lookups) have no chart.
import {readdirSync} from "node:fs";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import config from "../../observablehq.config.ts";
import {figurePlacements, type Placement} from "../../scripts/site/figurePlacements.ts";
import {openSnapshotDatabase, runPacked} from "../../scripts/snapshot-set/precompute.ts";
import {MAX_FACETS} from "../../src/components/notebook/chart.ts";
import {notebookFromHash} from "../../src/components/notebook/format.ts";
import {forState, isQueryDef, unpack, type QueryDef} from "../../src/components/query.ts";
import type {ScenarioState} from "../../src/queries/scenario.ts";
import {cellNameFor, workbenchHref, type FigureEncoding} from "../../src/components/workbenchLink.ts";

const SRC = resolve(import.meta.dirname, "..", "..", "src");
const MARKS = ["line", "bar", "dot", "area"];
const pages = (config.pages as {path: string}[]).map((page) => page.path);
const placements = await figurePlacements(SRC, pages);

let connection: DuckDBConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  ({connection, close} = await openSnapshotDatabase());
}, 120_000);

afterAll(async () => {
  await close?.();
});

/**
 * The state a figure is drawn for: the page's first state, or for a figure whose state the page
 * computes from its sliders (precompute: false) a state of the same shape made from the records.
 */
const COMPUTED_STATES: Record<string, () => Promise<Record<string, unknown>>> = {
  "magnets-scenario": scenarioState,
  "robotics-scenario": scenarioState,
  "robotics-implied-demand": async () => ({kg: 3})
};

async function scenarioState(): Promise<ScenarioState & Record<string, unknown>> {
  const [row] = unpack(await runPacked(connection, `SELECT row_id, value, basis, period, source_id, bound FROM observations
WHERE measure = 'ndfeb.demand' AND basis <> 'actual' AND value IS NOT NULL ORDER BY row_id LIMIT 1`));
  return {
    assumptions: [
      {id: "nev", label: "NEVs", count: 17.89, countUnit: "million", unitsPerCount: 1e6, kgPerUnit: 2.37, intensityUnit: "kg/vehicle"},
      {id: "ac", label: "Air conditioners", count: 270, countUnit: "million", unitsPerCount: 1e6, kgPerUnit: 0.08, intensityUnit: "kg/unit"}
    ],
    published: [{id: "nev", label: "NEVs", tonnes: Number(row.value), basis: String(row.basis), period: String(row.period), source_id: String(row.source_id), bound: (row.bound as string | null) ?? null, row_id: String(row.row_id)}]
  };
}

async function stateFor(placement: Placement): Promise<Record<string, unknown>> {
  if (placement.query?.precompute !== false) return placement.defaults;
  const computed = COMPUTED_STATES[placement.id];
  if (!computed) throw new Error(`${placement.id} is computed in the page (precompute: false): give it a state in COMPUTED_STATES`);
  return computed();
}

describe("the figures the pages place", () => {
  it("are found, with the query each draws", () => {
    expect(placements.length).toBeGreaterThanOrEqual(40);
    expect(placements.filter((p) => !p.query).map((p) => p.id)).toEqual([]);
  });

  it("each declare how they draw their rows (chart)", () => {
    expect(placements.filter((p) => p.query?.chart === undefined).map((p) => `${p.page} ${p.id}`)).toEqual([]);
  });
});

describe.each(placements.map((p) => [`${p.page} ${p.id}`, p] as const))("%s: its chart", (_, placement) => {
  it("names a mark and columns of the figure's rows for the page's first state, with numbers for y", async () => {
    const query = placement.query as QueryDef<Record<string, unknown>>;
    const state = await stateFor(placement);
    expect(query.chart).toBeDefined();
    const chart: FigureEncoding = forState(query.chart!, state);
    expect(MARKS).toContain(chart.mark);

    const result = await runPacked(connection, query.sql(state));
    const kinds = new Map(result.columns.map((c) => [c.name, c.kind]));
    const columns = [...kinds.keys()];
    expect(columns, "x").toContain(chart.x);
    expect(columns, "y").toContain(chart.y);
    expect(kinds.get(chart.y), `y (${chart.y}) holds numbers`).toBe("number");
    if (chart.color != null) expect(columns, "color").toContain(chart.color);
    if (chart.facet != null) expect(columns, "facet").toContain(chart.facet);

    // The workbench draws the rows with an x and a number for y; a facet has at most MAX_FACETS panels.
    const rows = unpack(result);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row[chart.x] != null && typeof row[chart.y] === "number").length, "rows the workbench draws").toBeGreaterThan(0);
    if (chart.facet != null) expect(new Set(rows.map((row) => row[chart.facet!])).size).toBeLessThanOrEqual(MAX_FACETS);
  });

  it("travels in the figure's workbench link and opens as that cell's chart", async () => {
    const query = placement.query as QueryDef<Record<string, unknown>>;
    const state = await stateFor(placement);
    const chart = forState(query.chart!, state);
    const href = workbenchHref(query.sql(state), "./sql", {title: forState(query.title, state), name: cellNameFor(query.id), chart});
    const notebook = notebookFromHash(href.slice(href.indexOf("#")));
    expect(notebook?.cells[0]).toMatchObject({kind: "sql", chart: {color: null, facet: null, ...chart}});
  });
});

describe("queries no figure shows", () => {
  it("have no chart", async () => {
    const placed = new Set(placements.map((p) => p.id));
    const files = readdirSync(resolve(SRC, "queries")).filter((file) => file.endsWith(".ts"));
    const unplacedWithChart: string[] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(resolve(SRC, "queries", file)).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (isQueryDef(value) && !placed.has(value.id) && value.chart !== undefined) unplacedWithChart.push(`${file}: ${value.id}`);
      }
    }
    expect(unplacedWithChart).toEqual([]);
  });
});
