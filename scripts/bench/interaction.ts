// A reader's change of an input on a theme page, and how long until the page has settled:
// shared by `npm run bench` (first and later change latency) and the browser test that proves
// a first change is answered without DuckDB-WASM (tests/browser/firstChange.test.ts).
//
// The page's own controls are found as a reader sees them: every <select>, radio group and
// checkbox in <main> outside the figures, except the scenario sliders (range and number
// inputs, computed in the page, no query).
import type {Page} from "playwright-core";

export interface Change {
  /** What a reader would call it: "select 2 → Japan", "radio area → China". */
  label: string;
  kind: "select" | "radio" | "checkbox";
  /** Index among the page's controls of that kind (radio: among the forms that hold radios). */
  index: number;
  /** The option value (select), the radio's index in its group, or the checkbox's new state. */
  value: string | boolean;
  /** The part of the page's state the control sets, by its data-input name (namedInput.ts), when it has one. */
  input?: string;
}

/** Records, inside the page, when <main> last changed and when the reader's last input was. */
export const SETTLE_PROBE = `
  window.__lastMutation = 0;
  window.__inputAt = 0;
  document.addEventListener("input", () => (window.__inputAt = performance.now()), true);
  new MutationObserver((records) => {
    const target = (node) => (node.nodeType === 1 ? node : node.parentElement);
    if (records.some((r) => target(r.target)?.closest("main"))) window.__lastMutation = performance.now();
  }).observe(document, {childList: true, subtree: true, characterData: true, attributes: true});
`;

/** One change per control: each to a value other than its current one (the `nth` other, wrapping). */
export async function listChanges(page: Page, nth = 0): Promise<Change[]> {
  return (await page.evaluate(`(() => {
    const nth = ${nth};
    const outside = (el) => !el.closest("figure, .chart-figure");
    // A year range's two selects both set "years".
    const input = (el) => el.closest("[data-input]")?.dataset.input?.replace(/^year-(from|to)$/, "years");
    const changes = [];
    [...document.querySelectorAll("main select")].filter(outside).forEach((select, index) => {
      const others = [...select.options].filter((o) => !o.selected && !o.disabled);
      if (!others.length) return;
      const option = others[nth % others.length];
      const label = select.closest("form, div")?.querySelector("label")?.textContent?.trim() || select.getAttribute("aria-label") || "select";
      changes.push({label: "select " + index + " (" + label + ") → " + option.textContent.trim(), kind: "select", index, value: option.value, input: input(select)});
    });
    // Observable Inputs name every radio "input": a group is the form that holds it.
    [...document.querySelectorAll("main form")].filter((form) => outside(form) && form.querySelector("input[type=radio]")).forEach((form, index) => {
      const radios = [...form.querySelectorAll("input[type=radio]")];
      const others = radios.filter((r) => !r.checked);
      if (!others.length) return;
      const radio = others[nth % others.length];
      const label = form.querySelector("label")?.textContent?.trim() || "radio";
      changes.push({label: "radio " + index + " (" + label + ") → " + (radio.parentElement?.textContent?.trim() || radio.value), kind: "radio", index, value: String(radios.indexOf(radio)), input: input(form)});
    });
    [...document.querySelectorAll("main input[type=checkbox]")].filter(outside).forEach((box, index) => {
      const label = box.closest("form")?.querySelector("label")?.textContent?.trim() || "checkbox";
      changes.push({label: "checkbox " + index + " (" + label + ") → " + (box.checked ? "off" : "on"), kind: "checkbox", index, value: !box.checked, input: input(box)});
    });
    return changes;
  })()`)) as Change[];
}

/** Makes the change as a reader would (pointer over the control first, then the change). */
export async function applyChange(page: Page, change: Change, {hover = true} = {}): Promise<void> {
  const locator =
    change.kind === "select"
      ? page.locator("main select").filter({hasNot: page.locator("xpath=ancestor::figure")}).nth(change.index)
      : change.kind === "radio"
        ? page.locator("main form:has(input[type=radio])").filter({hasNot: page.locator("xpath=ancestor::figure")}).nth(change.index).locator("input[type=radio]").nth(Number(change.value))
        : page.locator("main input[type=checkbox]").nth(change.index);
  if (hover) await locator.hover();
  if (change.kind === "select") await locator.selectOption(String(change.value));
  else if (change.kind === "radio") await locator.check();
  else await locator.setChecked(Boolean(change.value));
}

/**
 * Waits until <main> has not changed for `quietMs` and returns how long after the reader's
 * input it last changed (ms). Gives up (NaN) after `timeoutMs`.
 */
export async function settledAfterInput(page: Page, {quietMs = 600, timeoutMs = 60_000} = {}): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const {now, last, input} = (await page.evaluate("({now: performance.now(), last: window.__lastMutation, input: window.__inputAt})")) as {now: number; last: number; input: number};
    if (input > 0 && last >= input && now - last >= quietMs) return last - input;
    if (Date.now() > deadline) return Number.NaN;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the page showed the database status line (a query waited for DuckDB-WASM). */
export async function waitedForDatabase(page: Page): Promise<boolean> {
  return (await page.locator(".observatory-db-status").count()) > 0;
}
