// @vitest-environment jsdom
// The Sources listing must never run data as markup, and must link only web addresses.
import {describe, expect, it} from "vitest";
// jsdom comes with @observablehq/framework (a dependency of it), so the environment is always installed.

import {hashTarget} from "../../src/components/fragment.ts";
import {checkTable, isWebAddress, sourceTable} from "../../src/components/sourceList.ts";

describe("the Sources listing", () => {
  it("shows a title with markup in it as text, not as elements", () => {
    const table = sourceTable([{source_id: "x-1", title: '<img src=x onerror="alert(1)">Report', url: "https://example.org/a?b=1&c=2", figures: 3}]);
    expect(table.querySelector("img")).toBeNull();
    expect(table.querySelector("strong")!.textContent).toBe('<img src=x onerror="alert(1)">Report');
    const link = table.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://example.org/a?b=1&c=2");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(table.querySelector("tr#source-x-1")).not.toBeNull();
  });

  it("links only http(s) addresses", () => {
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("https://pubs.usgs.gov/x.pdf")).toBe(true);
    const table = sourceTable([{source_id: "y", title: "Y", url: "javascript:alert(1)"}]);
    expect(table.querySelector("a")).toBeNull();
  });

  it("gives each finding an anchor and lists the rows it involves", () => {
    const table = checkTable([{check_id: "sum_mismatch:q", kind: "sum_mismatch", severity: "warning", page: "supply", message: "<b>parts</b> exceed total", row_ids: "a,b"}]);
    const row = table.querySelector('[id="check-sum_mismatch:q"]')!;
    expect(row.querySelector("b")).toBeNull();
    expect([...row.querySelectorAll("code")].map((c) => c.textContent)).toEqual(["a", "b"]);
  });
});

describe("sourceTable(sources)", () => {
  it("shows the original's address apart from the copy that was read, with the note saying what the copy is", () => {
    const table = sourceTable([{
      source_id: "usgs", short_name: "USGS MCS 2026 data release", title: "Data release", publisher: "U.S. Geological Survey",
      url: "https://doi.org/10.5066/P1WKQ63T", read_at: "https://github.com/o/r/blob/c/f.csv", read_note: "Frozen copy in a GitHub repository."
    }]);
    const links = [...table.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://doi.org/10.5066/P1WKQ63T", "https://github.com/o/r/blob/c/f.csv"]);
    expect(table.querySelector(".read-at")!.textContent).toBe("Read at: https://github.com/o/r/blob/c/f.csv — Frozen copy in a GitHub repository.");
    expect(table.textContent).toContain("Cited as “USGS MCS 2026 data release”");
  });

  it("says a copy with no address has none, and an original read at its own address was read there", () => {
    const table = sourceTable([
      {source_id: "smm", title: "Forum report", url: "https://news.example.org/a", read_at: null, read_note: "Text supplied to the project."},
      {source_id: "web", title: "Web page", url: "https://example.org/p", read_at: "https://example.org/p"}
    ]);
    const [smm, web] = [...table.querySelectorAll(".read-at")].map((node) => node.textContent);
    expect(smm).toBe("Read at: no web address — Text supplied to the project.");
    expect(web).toBe("Read at the original.");
  });
});

describe("hashTarget(hash)", () => {
  it("decodes a percent-encoded fragment", () => {
    expect(hashTarget("#check-%C3%A9")).toBe("check-é");
  });

  it("takes a fragment cut mid-character as written instead of throwing", () => {
    expect(hashTarget("#check-%E0%A4%A")).toBe("check-%E0%A4%A");
  });
});
