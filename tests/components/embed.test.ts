// The embed view's addresses: the state stays as the page wrote it, the embed parameter is
// added or dropped, and the head's marker script accepts only a figure id.
import {describe, expect, it} from "vitest";
import {embedHead, embedUrl, stateSearch} from "../../src/components/embed.ts";

describe("embed addresses", () => {
  it("drops only the embed parameter, keeping the page's own encoding of ranges and lists", () => {
    expect(stateSearch("?years=2010-2025&embed=mine-production&country=C%C3%B4te%20d'Ivoire")).toBe("?years=2010-2025&country=C%C3%B4te%20d'Ivoire");
    expect(stateSearch("?embed=x")).toBe("");
    expect(stateSearch("")).toBe("");
  });

  it("adds the figure to the state, or starts the query string when there is none", () => {
    const at = {origin: "https://example.org", pathname: "/obs/supply"};
    expect(embedUrl("mine-production", {...at, search: "?country=Australia"})).toBe("https://example.org/obs/supply?country=Australia&embed=mine-production");
    expect(embedUrl("mine-production", {...at, search: ""})).toBe("https://example.org/obs/supply?embed=mine-production");
    // An embed's own address gives the same embed code, not a second parameter.
    expect(embedUrl("quotas", {...at, search: "?embed=quotas&years=2018-2024"})).toBe("https://example.org/obs/supply?years=2018-2024&embed=quotas");
  });

  it("marks the document only for an id of lower-case letters, digits and dashes", () => {
    const script = /<script>(.*?)<\/script>/.exec(embedHead())![1];
    const run = (search: string) => {
      const attributes: Record<string, string> = {};
      new Function("location", "document", "URLSearchParams", script)({search}, {documentElement: {setAttribute: (k: string, v: string) => (attributes[k] = v)}}, URLSearchParams);
      return attributes["data-embed"] ?? null;
    };
    expect(run("?embed=mine-production")).toBe("mine-production");
    expect(run('?embed="><img src=x onerror=alert(1)>')).toBeNull();
    expect(run("?country=China")).toBeNull();
  });
});
