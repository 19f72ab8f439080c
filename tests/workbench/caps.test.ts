import {describe, expect, it} from "vitest";
import {CUT_MACRO, CUT_MARK, MAX_CELL_CHARS, MAX_COLUMNS, MAX_STATEMENT_BYTES, capNotes, cappedQuery, isCut, tooLong} from "../../src/components/workbench/caps.ts";

describe("cappedQuery", () => {
  it("leaves a query with no text column and few columns as written", () => {
    expect(cappedQuery("SELECT 1", [{name: "1", type: "INTEGER"}])).toBeNull();
  });

  it("cuts text columns inside DuckDB and gives every column its own name back", () => {
    const sql = cappedQuery("SELECT repeat('x', 100000000) AS s, 1 AS n -- a trailing comment", [
      {name: "s", type: "VARCHAR"},
      {name: "n", type: "INTEGER"}
    ])!;
    expect(sql).toContain("observatory_cut(__c1) AS s");
    expect(CUT_MACRO).toContain(`left(c, ${MAX_CELL_CHARS})`);
    expect(sql).toContain("__c2 AS n");
    // The reader's statement sits on lines of its own, so a trailing comment cannot swallow the wrapper.
    expect(sql).toMatch(/\(\nSELECT repeat[^\n]*comment\n\) AS __result\(__c1, __c2\)$/);
  });

  it("keeps only the first MAX_COLUMNS columns, named by position so duplicate names are fine", () => {
    const columns = Array.from({length: 6000}, () => ({name: "1", type: "INTEGER"}));
    const sql = cappedQuery("SELECT 1", columns)!;
    expect(sql.match(/ AS "1"/g)).toHaveLength(MAX_COLUMNS);
    expect(sql).toContain(`__c${MAX_COLUMNS})`);
    expect(sql).not.toContain(`__c${MAX_COLUMNS + 1}`);
  });
});

describe("tooLong", () => {
  it("refuses a statement past the safe length, counting UTF-8 bytes rather than characters", () => {
    expect(tooLong("SELECT 1")).toBeNull();
    expect(tooLong(`SELECT '${"é".repeat(MAX_STATEMENT_BYTES / 2)}'`)).toMatch(/bytes long/);
    expect(tooLong(`SELECT '${"e".repeat(MAX_STATEMENT_BYTES / 2)}'`)).toBeNull();
  });

  it("makes cappedQuery fall back to the statement as written when the wrapper itself would be too long", () => {
    const columns = Array.from({length: MAX_COLUMNS}, (_, i) => ({name: `column_${i}_${"x".repeat(120)}`, type: "VARCHAR"}));
    expect(cappedQuery("SELECT 1", columns)).toBeNull();
  });
});

describe("capNotes and isCut", () => {
  it("say what was left out, and nothing when nothing was", () => {
    expect(capNotes(3, 0)).toEqual([]);
    expect(capNotes(6000, 2).join(" ")).toMatch(/6,000 columns.*first 500.*2 cells are longer than 10,000 characters/);
  });

  it("recognise a cut cell by its mark after exactly MAX_CELL_CHARS characters", () => {
    const cut = "x".repeat(MAX_CELL_CHARS) + CUT_MARK + "100000000 characters in all]";
    expect(isCut(cut)).toBe(true);
    expect(isCut("x".repeat(MAX_CELL_CHARS))).toBe(false);
    expect(isCut(`short${CUT_MARK}`)).toBe(false);
  });
});
