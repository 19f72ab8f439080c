import {describe, expect, it} from "vitest";
import {EXAMPLE_NOTEBOOKS} from "../../src/components/notebook/examples.ts";
import {exportPage, isPlainMarkdown, jsName, pageFileName, templateLiteral} from "../../src/components/notebook/exportPage.ts";
import {AUTO_CHART, notebookToText, type Notebook} from "../../src/components/notebook/format.ts";
import {parseSaved, SAVED_KEY, SavedNotebooks} from "../../src/components/notebook/saved.ts";

describe("the exported page", () => {
  it("keeps SQL exactly, even with backticks, backslashes and ${", () => {
    const sql = "SELECT '`x`' AS a, 'C:\\\\dir' AS b, '${not js}' AS c";
    // eslint-disable-next-line no-eval
    expect(new Function(`return ${templateLiteral(sql)};`)()).toBe(sql);
  });

  it("renames variables that JavaScript or Framework already uses", () => {
    expect(jsName("width")).toBe("width_cell");
    expect(jsName("delete")).toBe("delete_cell");
    expect(jsName("top_partners")).toBe("top_partners");
  });

  it("writes notes as Markdown only when Framework would read them as the workbench does", () => {
    expect(isPlainMarkdown("## Exports\n\n*Where* they go.")).toBe(true);
    expect(isPlainMarkdown("Costs ${1 + 1}")).toBe(false);
    expect(isPlainMarkdown("<script>alert(1)</script>")).toBe(false);
    expect(isPlainMarkdown("```js\ndisplay(1)\n```")).toBe(false);
    const page = exportPage({title: "T", cells: [{kind: "markdown", text: "a <b>tag</b> ${x}", collapsed: false}]}, {exportedAt: "2026-12-02T00:00:00Z"});
    expect(page).toContain('renderMarkdown("a <b>tag</b> ${x}")');
    expect(page).not.toMatch(/^a <b>tag/m);
  });

  it("turns cells into tables, inputs into Inputs and charts into Plot code, with each cell's dependencies", () => {
    const trade = EXAMPLE_NOTEBOOKS.find((e) => e.theme === "Trade")!.notebook;
    const page = exportPage(trade, {exportedAt: "2026-12-02T00:00:00Z"});
    expect(page.startsWith(`---\ntitle: "Where China's imports of rare-earth compounds come from"\ntoc: false\n---\n`)).toBe(true);
    expect(page).toContain('import {notebookTable, notebookChoices, rowsTable} from "./components/notebook/pageCells.js";');
    expect(page).toContain('const china_imports = await notebookTable("china_imports", `SELECT partner');
    expect(page).toContain('const partner = view(Inputs.select(await notebookChoices("china_imports", "partner", [china_imports]), {label: "partner", value: "Malaysia"}));');
    expect(page).toMatch(/const partner_share = await notebookTable\("partner_share", `[^`]+`, \{partner\}, \[china_imports\]\);/);
    expect(page).toContain('import {breakAtGaps} from "./components/gaps.js";');
    expect(page).toContain('Plot.lineY(breakAtGaps(china_imports, {x: "year", z: (row) => String(row["partner"]), step: 1}), {x: "year", y: "tonnes", z: "segment", stroke: "partner", sort: "year"})');
    expect(page).toContain("display(rowsTable(partner_share));");
    expect(pageFileName(trade.title)).toBe("where-chinas-imports-of-rare-earth-compounds-come-from.md");
  });
});

describe("saved notebooks", () => {
  const notebook: Notebook = {title: "Kept", cells: [{kind: "sql", name: "a", text: "SELECT 1", collapsed: false, chart: AUTO_CHART}]};

  it("saves, lists newest first, replaces by id and deletes", () => {
    const store = new Map<string, string>();
    const storage = {getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v)};
    const saved = new SavedNotebooks(storage);
    saved.save("nb-1", notebook, "2026-12-01T10:00:00Z");
    saved.save("nb-2", {...notebook, title: "Second"}, "2026-12-01T11:00:00Z");
    saved.save("nb-1", {...notebook, title: "Kept, renamed"}, "2026-12-01T12:00:00Z");
    expect(saved.load().entries.map((e) => [e.id, e.title])).toEqual([["nb-1", "Kept, renamed"], ["nb-2", "Second"]]);
    saved.remove("nb-2");
    expect(saved.load().entries.map((e) => e.id)).toEqual(["nb-1"]);
    expect(JSON.parse(store.get(SAVED_KEY)!)[0].text).toBe(notebookToText({...notebook, title: "Kept, renamed"}));
  });

  it("leaves out and counts what does not parse, and survives storage that is not a list", () => {
    const good = {id: "nb-1", title: "Kept", savedAt: "2026-12-01T10:00:00Z", text: notebookToText(notebook)};
    const loaded = parseSaved(JSON.stringify([good, {...good, id: "nb-2", text: "SELECT 1"}, {...good, id: "BAD ID"}, 42, {...good, id: "nb-3", savedAt: "yesterday"}]));
    expect(loaded.entries.map((e) => e.id)).toEqual(["nb-1"]);
    expect(loaded.dropped).toBe(4);
    expect(parseSaved("{not json")).toEqual({entries: [], dropped: 1});
    expect(parseSaved('{"a": 1}')).toEqual({entries: [], dropped: 1});
    const failing = new SavedNotebooks({getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }});
    expect(failing.save("nb-1", notebook)).toBe(false);
  });
});
