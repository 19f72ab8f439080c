import {describe, expect, it} from "vitest";
import {isBlank, quoteIdentifier, splitStatements, tableNameForFile} from "../../src/components/workbench/statements.ts";

describe("splitStatements", () => {
  it("splits a script at semicolons and drops empty statements", () => {
    expect(splitStatements("SELECT 1; SELECT 2;\n\n;")).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("keeps semicolons inside strings, quoted names and comments", () => {
    const script = `SELECT 'a;b' AS "x;y" -- one; two\n; /* three; */ SELECT 'it''s; fine'`;
    expect(splitStatements(script)).toEqual([`SELECT 'a;b' AS "x;y" -- one; two`, `/* three; */ SELECT 'it''s; fine'`]);
  });

  it("treats a script of comments as nothing to run", () => {
    expect(splitStatements("-- just a note\n/* and another */")).toEqual([]);
    expect(isBlank("  -- note\n")).toBe(true);
    expect(isBlank("SELECT 1 -- note")).toBe(false);
  });
});

describe("quoteIdentifier", () => {
  it("leaves plain lower-case names alone and quotes the rest", () => {
    expect(quoteIdentifier("observations")).toBe("observations");
    expect(quoteIdentifier("My Column")).toBe('"My Column"');
    expect(quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdentifier("order")).toBe('"order"');
  });
});

describe("tableNameForFile", () => {
  it("names a table after the file, in lower case with underscores", () => {
    expect(tableNameForFile("My Regions.csv")).toBe("my_regions");
    expect(tableNameForFile("C:\\data\\Prix—Néodyme (2024).parquet")).toBe("prix_neodyme_2024");
  });

  it("never starts a name with a digit or leaves it empty", () => {
    expect(tableNameForFile("2024.csv")).toBe("t_2024");
    expect(tableNameForFile("???.csv")).toBe("my_file");
  });

  it("never takes the name of one of our tables or a reserved word", () => {
    expect(tableNameForFile("observations.csv", ["observations", "sources"])).toBe("observations_file");
    expect(tableNameForFile("observations.csv", ["observations", "observations_file"])).toBe("observations_file_2");
    expect(tableNameForFile("select.csv")).toBe("select_file");
  });
});
