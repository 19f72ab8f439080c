// A figure embedded in another site: its page opened with ?embed=<figure id> shows only that
// figure — its title, the chart, the key, the source line and a link back to the page — drawn
// from the same rows by the same code, in the state the rest of the address gives. The head of
// every page (observablehq.config.ts) marks the document before anything is drawn, so nothing
// else flashes into view; the stylesheet there hides the rest of the page.

import {withoutParam} from "./urlState.js";

/** The embed parameter; the rest of the query string is the figure's state. */
export const EMBED_PARAM = "embed";

/**
 * The head's inline script and styles (observablehq.config.ts). The script only copies the
 * parameter into a data attribute (never into markup); the styles hide everything in <main>
 * but the block holding the embedded figure, and the site's sidebar, header, footer and toc.
 */
export function embedHead(): string {
  // It also marks that scripts run (data-script: a baked chart then holds the live chart's
  // height), and an address that carries a view's state (data-view-state): the first state
  // baked into the page (scripts/bake/) is then not that view, and stays hidden until the live one draws.
  const script = `<script>(function(){var p=new URLSearchParams(location.search),id=p.get(${JSON.stringify(EMBED_PARAM)}),d=document.documentElement;d.setAttribute("data-script","");if(id&&/^[a-z0-9-]+$/.test(id))d.setAttribute("data-embed",id);p.delete(${JSON.stringify(EMBED_PARAM)});if(p.toString())d.setAttribute("data-view-state","");})();</script>`;
  const hidden = [
    "#observablehq-sidebar", "#observablehq-sidebar-toggle", "#observablehq-sidebar-backdrop", "label[for=observablehq-sidebar-toggle]",
    "#observablehq-header", "#observablehq-footer", "#observablehq-toc", ".observablehq-pager"
  ].map((selector) => `html[data-embed] ${selector}`);
  const styles = [
    `${hidden.join(",")}{display:none!important}`,
    "html[data-embed] #observablehq-main>:not(:has(figure.chart-embedded)){display:none!important}",
    "html[data-embed] #observablehq-center{margin:0!important;padding:0 0.75rem!important;max-width:none!important}",
    "html[data-embed] figure.chart-embedded{margin:0.5rem 0}",
    "html[data-embed] figure.chart-embedded :is(.chart-toolbar,.chart-table,.chart-cite,.chart-sql){display:none!important}"
  ];
  return `${script}<style>${styles.join("")}</style>`;
}

/**
 * For a built page's baked figures (scripts/bake/): in embed mode, the baked copy of the
 * embedded figure shows (without its toolbar) until the live one replaces it. One rule per
 * figure, since CSS cannot match the html's data-embed value against a figure's data-chart.
 */
export function bakedEmbedStyles(ids: readonly string[]): string {
  return ids
    .filter((id) => /^[a-z0-9-]+$/.test(id))
    .map((id) => {
      const baked = `[data-baked] figure[data-chart="${id}"]`;
      return `html[data-embed="${id}"] #observablehq-main>:has(${baked}){display:block!important}` +
        `html[data-embed="${id}"] ${baked}{margin:0.5rem 0}` +
        `html[data-embed="${id}"] ${baked} :is(.chart-toolbar,.chart-table,.chart-cite,.chart-sql){display:none!important}`;
    })
    .join("");
}

/** The id of the figure this document embeds, or null on a normal visit. */
export function embeddedId(): string | null {
  return typeof document === "undefined" ? null : document.documentElement.getAttribute("data-embed");
}

/** The query string without the embed parameter: the page's state only ("" or "?a=1&b=2"). */
export function stateSearch(search: string): string {
  return withoutParam(search, EMBED_PARAM);
}

/** The path of this view on its page: the page, its inputs' state, anchored at the figure. */
export function viewPath(id: string): string {
  return `${location.pathname}${stateSearch(location.search)}#chart-${id}`;
}

/** The address of a figure's embed view: its page, this state, and ?embed=<id>. */
export function embedUrl(id: string, location: {origin: string; pathname: string; search: string}): string {
  const state = stateSearch(location.search);
  return `${location.origin}${location.pathname}${state ? `${state}&` : "?"}${EMBED_PARAM}=${encodeURIComponent(id)}`;
}

/** The <iframe> snippet a reader pastes into their page (attribute values escaped by the DOM). */
export function embedCode(src: string, title: string, height: number): string {
  const frame = document.createElement("iframe");
  frame.setAttribute("src", src);
  frame.setAttribute("title", title);
  frame.setAttribute("width", "100%");
  frame.setAttribute("height", String(Math.ceil(height)));
  frame.setAttribute("style", "border:0");
  frame.setAttribute("loading", "lazy");
  return frame.outerHTML;
}
