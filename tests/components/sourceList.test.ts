// @vitest-environment jsdom
// The Sources listing must never run data as markup, and must link only web addresses.
import {describe, expect, it} from "vitest";
// jsdom comes with @observablehq/framework (a dependency of it), so the environment is always installed.

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
