// The pure parts of baking: a cell's displayed nodes as markup (built and serialized by the
// DOM, so text from the data is escaped, never parsed as markup), and that markup put into
// Framework's built HTML at the cell's root.
//
// Framework 1.13's client (dist/client/main.js, `findLoading`, `clear`) treats an
// <observablehq-loading> element just before a cell's root comment <!--:id:--> as the cell's
// placeholder and removes it the first time the cell displays: the baked figure is that
// placeholder, and the live one takes its place in the same step — no duplicate, no gap.

import {join} from "node:path";

/** A page's built HTML file in the site folder: "/" is index.html, "/supply" supply.html. */
export function pageFile(site: string, pagePath: string): string {
  return join(site, pagePath === "/" ? "index.html" : `${pagePath.slice(1)}.html`);
}

/** The element Framework removes when the cell displays; `data-baked` tells tests and styles it is ours. */
export const BAKED_TAG = "observablehq-loading";

/**
 * The cell's nodes, copied into <observablehq-loading data-baked>, as markup. Copies carry no
 * scripts and no event-handler attributes; form controls are disabled, since without the page's
 * code they do nothing (the live ones replace them). Throws if the markup would not parse back
 * into the same tree (the page would then lay out differently before and after its code runs).
 */
export function bakedFragment(document: Document, nodes: readonly Node[]): string {
  const holder = document.createElement(BAKED_TAG);
  holder.setAttribute("data-baked", "");
  for (const node of nodes) holder.append(copyWithState(node));
  for (const element of holder.querySelectorAll("script, iframe, object, embed")) element.remove();
  for (const element of [holder, ...holder.querySelectorAll("*")]) {
    for (const name of element.getAttributeNames()) if (/^on/i.test(name)) element.removeAttribute(name);
    if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(element.tagName)) element.setAttribute("disabled", "");
  }
  // A script may nest forms (a year range of two Inputs.select); the HTML parser drops an inner
  // <form> tag. The outer one becomes a <div>: Inputs' styles are for their own, inner forms.
  for (const form of [...holder.querySelectorAll("form")].reverse()) if (form.querySelector("form")) rename(form, "div");
  // With scripts on, a chart keeps its height when the column is narrower than the width it
  // baked at (a phone): Plot's SVG then shrinks inside a box as tall as the live chart, so
  // nothing below it moves when the live chart redraws (the rule is BAKED_CSS's, bake.ts).
  // Without scripts it simply scales down.
  for (const svg of holder.querySelectorAll(".chart-plot svg[viewBox][height]")) (svg as SVGElement).style.setProperty("--baked-height", `${svg.getAttribute("height")}px`);
  const markup = holder.outerHTML;
  const parsed = document.createElement("template");
  parsed.innerHTML = markup;
  if (parsed.innerHTML !== markup) throw new Error(`baked markup does not parse back into the same tree: ${firstDifference(markup, parsed.innerHTML)}`);
  return markup;
}

/** A deep copy whose controls carry, as attributes, the state a script set as properties (a toggle's `checked`). */
function copyWithState(node: Node): Node {
  const copy = node.cloneNode(true);
  if (node.nodeType !== 1) return copy;
  const controls = (root: Node) => [...((root as Element).matches("input, select, textarea") ? [root as Element] : []), ...(root as Element).querySelectorAll("input, select, textarea")];
  const originals = controls(node);
  controls(copy).forEach((control, i) => {
    const original = originals[i] as HTMLInputElement;
    if (control.tagName === "SELECT") {
      const options = (originals[i] as HTMLSelectElement).options;
      [...(control as HTMLSelectElement).options].forEach((option, k) => option.toggleAttribute("selected", options[k].selected));
    } else if (control.tagName === "TEXTAREA") {
      control.textContent = original.value;
    } else if (original.type === "checkbox" || original.type === "radio") {
      control.toggleAttribute("checked", original.checked);
    } else {
      control.setAttribute("value", original.value);
    }
  });
  return copy;
}

function rename(element: Element, tag: string): void {
  const renamed = element.ownerDocument.createElement(tag);
  for (const name of element.getAttributeNames()) renamed.setAttribute(name, element.getAttribute(name)!);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 60), i + 40)}… became …${b.slice(Math.max(0, i - 60), i + 40)}…`;
}

/** Framework's marker of a cell's root in built HTML. */
const rootMarker = (id: string) => `<!--:${id}:-->`;
const EMPTY_LOADING = `<${BAKED_TAG}></${BAKED_TAG}>`;

/**
 * The page with each baked cell's markup just before its root (replacing the empty
 * <observablehq-loading> Framework writes before inline expressions), and `head` before </head>.
 * Throws if a cell's root is not in the page, or not exactly once.
 */
export function insertBaked(html: string, cells: Readonly<Record<string, string>>, head = ""): string {
  let out = html;
  for (const [id, markup] of Object.entries(cells)) {
    if (!/^[0-9a-f]{8}(?:-\d+)?$/.test(id)) throw new Error(`not a Framework cell id: ${id}`);
    if (!markup.startsWith(`<${BAKED_TAG} data-baked`)) throw new Error(`cell ${id}: baked markup must be a bakedFragment`);
    const marker = rootMarker(id);
    const at = out.indexOf(marker);
    if (at < 0 || out.indexOf(marker, at + 1) >= 0) throw new Error(`cell ${id}: its root ${marker} is not in the page exactly once`);
    const start = out.endsWith(EMPTY_LOADING, at) ? at - EMPTY_LOADING.length : at;
    out = out.slice(0, start) + markup + out.slice(at);
  }
  if (head) {
    const end = out.indexOf("</head>");
    if (end < 0) throw new Error("the page has no </head>");
    out = out.slice(0, end) + head + out.slice(end);
  }
  return out;
}

/** A <style> element's markup for CSS the page's code wrote; refuses text that would close the element. */
export function styleElement(document: Document, css: string): string {
  if (/<\/style/i.test(css)) throw new Error("a baked style must not contain </style");
  const style = document.createElement("style");
  style.setAttribute("data-baked", "");
  style.textContent = css;
  return style.outerHTML;
}

const MODULE_PRELOAD = /<link rel="modulepreload" href="([^"<>]+)">\n?/g;
const PAGE_MODULE_OPEN = '<script type="module">';

/**
 * The page with its code moved from <head> to the end of <body>: Framework's
 * `<link rel="modulepreload">` tags and the page's module script (its cells). On a baked page the
 * first view is already in the HTML, and with the code in the head the browser fetched and
 * compiled some seventy modules while it parsed, so the parser reached the first baked chart
 * later (on 127.0.0.1, about 350 ms from navigation instead of about 110 ms; docs/performance.md).
 * A module script runs after parsing wherever it stands, so the page behaves the same; the
 * preloads are written by a classic script at the end, so the browser's preload scanner does
 * not start them before the content is parsed, and the module graph still loads in parallel.
 * Throws if the head does not hold exactly one module script.
 */
export function deferPageCode(html: string): string {
  const headEnd = html.indexOf("</head>");
  if (headEnd < 0) throw new Error("the page has no </head>");
  const head = html.slice(0, headEnd);
  const start = head.indexOf(PAGE_MODULE_OPEN);
  if (start < 0 || head.indexOf(PAGE_MODULE_OPEN, start + 1) >= 0) throw new Error("the page's head does not hold exactly one module script");
  const end = head.indexOf("</script>", start);
  if (end < 0) throw new Error("the page's module script is not closed in its head");
  const pageModule = head.slice(start, end + "</script>".length);
  const hrefs = [...head.matchAll(MODULE_PRELOAD)].map((match) => match[1]);
  const newHead = (head.slice(0, start) + head.slice(end + "</script>".length)).replace(MODULE_PRELOAD, "");
  const rest = html.slice(headEnd);
  const bodyEnd = rest.lastIndexOf("</body>");
  if (bodyEnd < 0) throw new Error("the page has no </body>");
  // JSON of hrefs Framework wrote (no "<" in them, checked by the pattern) is safe in a script.
  const preload = hrefs.length
    ? `<script>for(const href of ${JSON.stringify(hrefs)}){const link=document.createElement("link");link.rel="modulepreload";link.href=href;document.head.append(link)}</script>\n`
    : "";
  return newHead + rest.slice(0, bodyEnd) + preload + pageModule + "\n" + rest.slice(bodyEnd);
}
