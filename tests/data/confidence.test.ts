import {describe, expect, it} from "vitest";
import {rowConfidence} from "../../data-loaders/lib/confidence.ts";
import {loadObservations} from "../../data-loaders/observations.ts";

describe("rowConfidence(sourceConfidence, notes)", () => {
  it("is low when the source is flagged low, whatever the notes say", () => {
    expect(rowConfidence("low", null)).toBe("low");
  });
  it("is low when the notes say the year of the date was assigned", () => {
    expect(rowConfidence("normal", "[year assigned]; [price type: quotation or assessment range]")).toBe("low");
  });
  it("is low for rows marked weak, conflicting or ambiguous", () => {
    for (const marker of ["[weak source]", "[conflict]", "[ambiguous]"]) expect(rowConfidence("normal", marker)).toBe("low");
  });
  it("is normal for a normal source whose notes carry no marker", () => {
    expect(rowConfidence("normal", "published unit \"yuan/mt\"")).toBe("normal");
    expect(rowConfidence(undefined, null)).toBe("normal");
  });
});

describe("the imported reference prices", () => {
  const rows = loadObservations();
  it("mark every row whose year was assigned as low confidence", () => {
    const assigned = rows.filter((row) => row.notes?.includes("[year assigned]"));
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.every((row) => row.confidence === "low")).toBe(true);
  });
  it("keep the published value and unit next to the converted ones", () => {
    const range = rows.find((row) => row.row_id.startsWith("pr-") && row.value_low !== null && row.unit === "million CNY/t");
    expect(range).toBeDefined();
  });
});
