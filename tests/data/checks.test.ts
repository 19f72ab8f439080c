import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadChecks, runChecks} from "../../data-loaders/checks.ts";
import {halfStep} from "../../data-loaders/checks/numbers.ts";
import {loadObservations} from "../../data-loaders/observations.ts";

const good = fileURLToPath(new URL("./fixtures/good", import.meta.url));
const checks = () => loadChecks(good);
const find = (id: string) => checks().find((c) => c.check_id === id);

describe("checks on the fixture's planted contradictions", () => {
  it("finds parts that do not add up to their stated total", () => {
    const check = find("sum_mismatch:quota-total");
    expect(check).toMatchObject({kind: "sum_mismatch", severity: "warning", row_ids: ["quota-total", "quota-rock", "quota-ion"]});
    expect(check?.message).toBe("Mining quota, China, 2025: the parts (rock type 60 t + ion type 50 t) add up to 110 t, not the stated total of 100 t (alpha).");
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
    expect(check?.message).toBe("Wind additions (NEA), China, 2024: alpha gives 80.454 GW but beta gives 79.8 GW. One of the sources is flagged low-confidence.");
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
      "Wind additions (NEA), China, 2025: alpha gives 87 GW as both (+8% yoy) and (+9% yoy)."
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
