// What the figure-quality harness checks in every figure on a page, as it is drawn: a
// function that runs inside the page (playwright serialises it, so it uses nothing from
// outside its own body) and returns each figure's problems as sentences.
//
// A figure is any <figure data-chart> on the page, so figures added later are covered
// without a list to keep up to date.

export interface FigureReport {
  id: string;
  /** Rows the figure says it draws (its data-rows attribute). */
  rows: number;
  /** The SQL the figure shows (empty when it shows none). */
  sql: string;
  /** Whether the figure cites sources (its caption lists any). */
  cites: boolean;
  problems: string[];
}

/** Runs in the page; open tables ("Show table") are checked too: no year, period or edition reads like "2,010". */
export function inspectFigures(): FigureReport[] {
  const viewport = document.documentElement.clientWidth;
  const dataMarks = new Set(["bar", "line", "dot", "area", "tick", "rect", "cell", "link", "arrow", "image", "vector", "rule"]);
  const groupedYear = /(?<![\d.,])(1[89]|20),\d{2}(?![\d,])/; // "2,010", "1,998": a year printed as a quantity
  const reports: FigureReport[] = [];
  for (const figure of document.querySelectorAll<HTMLElement>("figure[data-chart]")) {
    const id = figure.getAttribute("data-chart") ?? "";
    const problems: string[] = [];
    const plots = [...figure.querySelectorAll<SVGSVGElement>(".chart-plot svg")].filter((svg) => svg.querySelector("g[aria-label]"));
    if (!plots.length) problems.push("draws no chart");
    const box = figure.getBoundingClientRect();
    if (box.right > viewport + 1 || box.left < -1) problems.push(`is wider than the screen (${Math.round(box.left)}–${Math.round(box.right)} px of ${viewport})`);
    let marks = 0;
    for (const svg of plots) {
      const frame = svg.getBoundingClientRect();
      if (frame.right > viewport + 1) problems.push(`its SVG runs past the screen (${Math.round(frame.right)} px of ${viewport})`);
      for (const group of svg.querySelectorAll("g[aria-label]")) {
        const label = group.getAttribute("aria-label") ?? "";
        // A rule at zero is a baseline, not data: count rules only when the mark draws several.
        const shapes = group.querySelectorAll("rect, path, circle, line, polyline, image").length;
        if (dataMarks.has(label) && (label !== "rule" || shapes > 1)) marks += shapes;
      }
      const tickGroups = new Map<Element, string[]>();
      for (const text of svg.querySelectorAll('g[aria-label$="tick label"] text')) {
        const parent = text.parentElement!;
        const value = (text.textContent ?? "").trim();
        if (value) tickGroups.set(parent, [...(tickGroups.get(parent) ?? []), value]);
      }
      for (const [group, values] of tickGroups) {
        const repeated = values.filter((value, i) => values.indexOf(value) !== i);
        if (repeated.length) problems.push(`repeats the tick label${repeated.length > 1 ? "s" : ""} ${[...new Set(repeated)].map((v) => `"${v}"`).join(", ")} on its ${group.closest("g[aria-label]")?.getAttribute("aria-label")?.split(" ")[0] ?? "?"}`);
        for (const value of values) if (groupedYear.test(value)) problems.push(`prints the year "${value}" with a thousands separator`);
      }
      for (const text of svg.querySelectorAll("text")) {
        if (!(text.textContent ?? "").trim() || text.closest('g[aria-label="tip"]')) continue;
        const r = text.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) {
          problems.push(`cuts the label "${(text.textContent ?? "").trim().slice(0, 40)}" at the edge of its SVG`);
        }
      }
    }
    if (plots.length && marks === 0) problems.push("draws no data mark (no bar, line, dot, area, tick or rule)");
    const table = figure.querySelector(".chart-table table");
    if (table) {
      const headers = [...table.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim());
      for (const row of table.querySelectorAll("tbody tr")) {
        [...row.querySelectorAll("td")].forEach((td, i) => {
          const header = headers[headers.length - row.querySelectorAll("td").length + i] ?? "";
          const value = (td.textContent ?? "").trim();
          if (/year|period|vintage|edition/i.test(header) && /\d,\d{3}/.test(value)) problems.push(`its table prints the ${header} column with thousands separators ("${value}")`);
        });
      }
    }
    const once = problems.filter((problem, i) => problems.findIndex((p) => p.replace(/\("[^"]*"\)$/, "") === problem.replace(/\("[^"]*"\)$/, "")) === i);
    reports.push({id, rows: Number(figure.getAttribute("data-rows")), cites: !!figure.querySelector(".chart-sources a, .chart-source-list a"), sql: figure.querySelector(".chart-sql code")?.textContent?.trim() ?? "", problems: once});
  }
  return reports;
}
