// The chart settings of a SQL cell: "quick" (the workbench picks), none, or a mark with x, y,
// colour and facet chosen from the result's columns. The choice is saved with the cell.
import type {ColumnInfo} from "../arrowRows.js";
import {h} from "./dom.js";
import {MARKS, type ChartEncoding, type ChartSetting} from "./notebookModel.js";
import type {QuickChartSpec} from "./quickChart.js";

/** The encoding a quick chart stands for, so it can be edited or exported as Plot code. */
export function quickEncoding(spec: QuickChartSpec | null): ChartEncoding | null {
  if (!spec) return null;
  if (spec.mark === "bar") return {mark: "bar", x: spec.category, y: spec.value};
  return {mark: spec.mark, x: spec.x, y: spec.y, color: spec.series};
}

export function chartEditor(setting: ChartSetting, columns: readonly ColumnInfo[], quick: ChartEncoding | null, onChange: (next: ChartSetting) => void): HTMLElement {
  const names = columns.map((c) => c.name);
  const current = setting === "quick" ? quick : setting;
  const mark = h("select", {class: "nb-chart-mark", "aria-label": "Chart"}, h("option", {value: "quick"}, "quick chart"), h("option", {value: "none"}, "no chart"), ...MARKS.map((m) => h("option", {value: m}, m)));
  mark.value = setting === "quick" ? "quick" : setting === null ? "none" : setting.mark;
  const pick = (channel: "x" | "y" | "color" | "facet", optional: boolean) => {
    const select = h("select", {class: `nb-chart-${channel}`, "aria-label": channel}, ...(optional ? [h("option", {value: ""}, "—")] : []), ...names.map((n) => h("option", {value: n}, n)));
    select.value = (current?.[channel] as string | null | undefined) ?? (optional ? "" : names[0] ?? "");
    select.disabled = setting === "quick" || setting === null;
    select.addEventListener("change", emit);
    return h("label", {}, ` ${channel === "color" ? "colour" : channel} `, select);
  };
  const fields = {x: pick("x", false), y: pick("y", false), color: pick("color", true), facet: pick("facet", true)};
  const value = (label: HTMLElement) => (label.querySelector("select") as HTMLSelectElement).value || null;
  function emit() {
    if (mark.value === "quick") return onChange("quick");
    if (mark.value === "none") return onChange(null);
    onChange({mark: mark.value as ChartEncoding["mark"], x: value(fields.x) ?? names[0], y: value(fields.y) ?? names[1] ?? names[0], color: value(fields.color), facet: value(fields.facet)});
  }
  mark.addEventListener("change", () => {
    // Switching from the quick chart to a mark starts from what the quick chart drew.
    if (setting === "quick" || setting === null) {
      const start = quick ?? {x: names[0], y: names[1] ?? names[0]};
      for (const [channel, label] of Object.entries(fields)) {
        const select = label.querySelector("select") as HTMLSelectElement;
        select.value = ((start as Record<string, unknown>)[channel] as string | null | undefined) ?? (channel === "x" || channel === "y" ? select.value : "");
      }
    }
    emit();
  });
  return h("div", {class: "nb-chart-editor"}, h("label", {}, "Chart ", mark), fields.x, fields.y, fields.color, fields.facet);
}
