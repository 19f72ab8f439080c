import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadChecks, namingSources, runChecks} from "../../data-loaders/checks.ts";
import {loadSources} from "../../data-loaders/sources.ts";
import {halfStep} from "../../data-loaders/checks/numbers.ts";
import {loadObservations} from "../../data-loaders/observations.ts";

const good = fileURLToPath(new URL("./fixtures/good", import.meta.url));
const checks = () => loadChecks(good);
const find = (id: string) => checks().find((c) => c.check_id === id);

describe("checks on the fixture's planted contradictions", () => {
  it("finds parts that do not add up to their stated total", () => {
    const check = find("sum_mismatch:quota-total");
    expect(check).toMatchObject({kind: "sum_mismatch", severity: "warning", row_ids: ["quota-total", "quota-rock", "quota-ion"]});
    expect(check?.message).toBe("Mining quota, China, 2025: the parts (rock type 60 t + ion type 50 t) add up to 110 t, not the stated total of 100 t (Alpha Agency, 2025).");
  });

  it("accepts parts in another unit that add up within rounding (536 + 946 million kW = 1.482 billion kW)", () => {
    expect(find("sum_mismatch:cap-total")).toBeUndefined();
  });

  it("finds a stated year-on-year change that the two values contradict", () => {
    const check = find("change_mismatch:nev-2025");
    expect(check?.row_ids).toEqual(["nev-2025", "nev-2024"]);
    expect(JSON.parse(check?.details ?? "{}").comparisons[0].computed_change_pct).toBe(38.8);
  });

  it("accepts a stated change that another source's earlier value supports", () => {
    expect(find("change_mismatch:sales-2025")).toBeUndefined();
  });

  it("finds two sources disagreeing on the same figure and says one is low-confidence", () => {
    const check = find("source_conflict:wind-alpha:wind-beta");
    expect(check?.message).toBe("Wind additions (NEA), China, 2024: Alpha Agency, 2025 gives 80.454 GW but Beta Research, Mar 2025 gives 79.8 GW. One of the sources is flagged low-confidence.");
  });

  it("calls a conflict of less than half a percent informational and a larger one a warning", () => {
    const pair = loadObservations(good).filter((r) => ["wind-alpha", "wind-beta"].includes(r.row_id));
    expect(runChecks(pair).find((c) => c.kind === "source_conflict")?.severity).toBe("warning");
    // 27,897 against 27,890.6: 0.02 % apart, a rounding or restatement between copies.
    const close = pair.map((r, i) => ({...r, value: i === 0 ? 27_897 : 27_890.6, unit: "GW" as const}));
    const minor = runChecks(close).find((c) => c.kind === "source_conflict");
    expect(minor?.severity).toBe("info");
    expect(minor?.message).toContain("27,897 GW");
  });

  it("finds one source giving two different changes for the same forecast", () => {
    expect(find("within_source_disagreement:wind-2025-a:wind-2025-b")?.message).toBe(
      "Wind additions (NEA), China, 2025: Alpha Agency, 2025 gives 87 GW twice, once with a change of +8% yoy and once with +9% yoy."
    );
  });

  it("reports a revision between editions for information, not as a conflict", () => {
    expect(find("vintage_revision:mine-old:mine-new")?.severity).toBe("info");
    expect(checks().filter((c) => c.kind === "source_conflict")).toHaveLength(1);
  });

  it("finds nothing in figures that agree", () => {
    const consistent = loadObservations(good).filter((r) => ["cap-total", "cap-wind", "cap-solar", "sales-2024", "sales-2025"].includes(r.row_id));
    expect(runChecks(consistent)).toEqual([]);
  });
});

describe("halfStep", () => {
  it("reads decimals literally and trailing zeros as rounding to two significant digits", () => {
    expect(halfStep(18962.3)).toBeCloseTo(0.05);
    expect(halfStep(270000)).toBe(5000);
    expect(halfStep(100)).toBe(5);
    expect(halfStep(80)).toBe(0.5);
    expect(halfStep(25, true)).toBe(0.5);
  });
});

describe("check messages name sources as readers know them", () => {
  it("replaces every source id in a message by the source's short name, and leaves other words alone", () => {
    const names = new Map([["smm-forum-2025", "SMM, May 2025"], ["usgs-mcs-2025", "USGS MCS 2025"]]);
    expect(namingSources("Wind, China, 2025: smm-forum-2025 gives 87 GW but usgs-mcs-2025 gives 80 GW (smm-forum-2025-x).", names)).toBe(
      "Wind, China, 2025: SMM, May 2025 gives 87 GW but USGS MCS 2025 gives 80 GW (smm-forum-2025-x)."
    );
  });

  it("is what the shipped checks table says: no finding on the real data names a source by its id", () => {
    const ids = loadSources().map((source) => source.source_id);
    const named = loadChecks().filter((check) => ids.some((id) => new RegExp(`(^|[^a-z0-9-])${id.replace(/[.]/g, "\\.")}($|[^a-z0-9-])`).test(check.message)));
    expect(named.map((check) => check.message)).toEqual([]);
  });
});
