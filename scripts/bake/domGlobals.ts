// A built page's document as Node's globals, so the page's own module script (Framework's
// client, the runtime, our components, Plot, Inputs) runs in Node as it does in a browser:
// jsdom for the DOM, the site folder for fetch, and the few things a layout engine would
// answer fixed — the main column is `width` pixels wide, and so is every observed element.
import {readFile} from "node:fs/promises";
import {extname, join, normalize} from "node:path";
import {JSDOM} from "jsdom";

/** The origin the page believes it is served from; fetches to it read the site folder. */
export const BAKE_ORIGIN = "http://bake.invalid";

const TYPES: Record<string, string> = {".json": "application/json", ".csv": "text/csv", ".js": "text/javascript", ".html": "text/html"};

export function installDomGlobals(html: string, {site, pagePath, width}: {site: string; pagePath: string; width: number}): JSDOM {
  const dom = new JSDOM(html, {url: BAKE_ORIGIN + pagePath, pretendToBeVisual: true});
  const window = dom.window as unknown as Record<string, any>;
  // No layout: the main column has the width a 1280-pixel window gives it, and no padding.
  const main = window.document.querySelector("main");
  if (main) main.style.padding = "0px";
  Object.defineProperty(window.HTMLElement.prototype, "clientWidth", {
    configurable: true,
    get(this: Element) {
      return this === main ? width : 0;
    }
  });
  // An observed element is the main column's width, once (Framework's `width` and `resize`,
  // chartFigure's fitWidth); nothing is ever in view (IntersectionObserver never calls back).
  class ResizeObserver {
    constructor(private callback: (entries: unknown[], observer: unknown) => void) {}
    observe(target: Element) {
      setTimeout(() => this.callback([{target, contentRect: {width, height: 0, top: 0, left: 0, right: width, bottom: 0, x: 0, y: 0}}], this), 0);
    }
    unobserve() {}
    disconnect() {}
  }
  class IntersectionObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  window.ResizeObserver = ResizeObserver;
  window.IntersectionObserver = IntersectionObserver;
  window.matchMedia = (query: string) => ({matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}});
  window.fetch = async (input: string | URL | {url: string}) => {
    const url = new URL(typeof input === "object" && "url" in input ? input.url : String(input), window.location.href);
    if (url.origin !== BAKE_ORIGIN) throw new Error(`bake: no network (${url.href})`);
    const file = normalize(join(site, decodeURIComponent(url.pathname)));
    if (!file.startsWith(normalize(site))) throw new Error(`bake: ${url.pathname} is outside the site`);
    const body = await readFile(file);
    return new Response(body, {headers: {"content-type": TYPES[extname(file)] ?? "application/octet-stream"}});
  };
  // Node's own Event, fetch, navigator… would not be the document's: the document's win.
  const keep = new Set(["performance", "console", "crypto", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "structuredClone", "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "Blob", "AbortController", "AbortSignal", "EventTarget", "Response", "Request", "Headers", "ReadableStream", "WritableStream", "TransformStream"]);
  for (const key of Object.getOwnPropertyNames(window)) {
    if (keep.has(key) || key.startsWith("_") || key === "undefined" || key === "globalThis") continue;
    try {
      Object.defineProperty(globalThis, key, {configurable: true, writable: true, value: window[key]});
    } catch {
      // A few of Node's globals cannot be redefined; the page does not need them to be the window's.
    }
  }
  // Listening on the window itself (its prototype's, not own, properties).
  for (const key of ["addEventListener", "removeEventListener", "dispatchEvent"]) (globalThis as any)[key] = window[key].bind(window);
  Object.defineProperty(globalThis, "window", {configurable: true, value: window});
  Object.defineProperty(globalThis, "self", {configurable: true, value: window});
  return dom;
}
