import {describe, expect, it} from "vitest";
import {SEAL_STATEMENTS, refusal, sealedMessage} from "../../src/components/seal.ts";

describe("the seal", () => {
  it("switches external access off and locks the configuration last, so no later SET can undo it", () => {
    expect(SEAL_STATEMENTS).toContain("SET enable_external_access = false");
    expect(SEAL_STATEMENTS.at(-1)).toBe("SET lock_configuration = true");
  });

  it("refuses INSTALL and LOAD before DuckDB sees them, comments and case notwithstanding", () => {
    expect(refusal("INSTALL httpfs")).toMatch(/sealed.*Extensions cannot be installed/);
    expect(refusal("-- hi\n  force install 'x' FROM 'http://example.com'")).not.toBeNull();
    expect(refusal("/* x */ load httpfs")).not.toBeNull();
    expect(refusal("SELECT 'INSTALL httpfs'")).toBeNull();
    expect(refusal("SELECT * FROM loads")).toBeNull();
  });

  it("explains each thing the seal stops and passes other errors through unchanged", () => {
    expect(sealedMessage("Permission Error: Scanning read_csv_auto files is disabled through configuration")).toMatch(/sealed.*Reading files or addresses/);
    expect(sealedMessage("Permission Error: COPY TO is disabled by configuration")).toMatch(/COPY is switched off/);
    expect(sealedMessage('Invalid Input Error: Cannot change configuration option "custom_extension_repository" - the configuration has been locked')).toMatch(/settings are locked/);
    expect(sealedMessage("Missing Extension Error: Attaching path 'http://x/y.db' requires extension 'httpfs' to be loaded")).toMatch(/cannot be attached/);
    expect(sealedMessage("Parser Error: syntax error at or near \"SELEC\"")).toBe("Parser Error: syntax error at or near \"SELEC\"");
  });
});
