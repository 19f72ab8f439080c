// A "from – to" year picker for a page's year range: two selects whose value is [from, to],
// always in order, so queries can use it as-is.
import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";

export function yearRangeInput(years: readonly number[], value: readonly [number, number], {label = "Years"} = {}): HTMLElement & {value: [number, number]} {
  const from = Inputs.select(years, {value: value[0], label: "from", format: String});
  const to = Inputs.select(years, {value: value[1], label: "to", format: String});
  const form = html`<form class="year-range" aria-label=${label}><span class="year-range-label">${label}</span>${from}${to}</form>` as unknown as HTMLFormElement & {value: [number, number]};
  // The state's name for it (namedInput.ts); its two selects say which end they set.
  form.dataset.input = "years";
  form.style.display = "flex";
  form.style.flexWrap = "wrap";
  form.style.alignItems = "center";
  form.style.gap = "0.5rem";
  from.setAttribute("data-input", "year-from");
  to.setAttribute("data-input", "year-to");
  const read = (): [number, number] => {
    const a = Number(from.value);
    const b = Number(to.value);
    return [Math.min(a, b), Math.max(a, b)];
  };
  form.value = read();
  form.addEventListener("input", () => {
    form.value = read();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}
