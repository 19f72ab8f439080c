// Framework's client modules, resolved by Framework at build time (not by TypeScript).
declare module "observablehq:stdlib" {
  export interface FileAttachment {
    name: string;
    href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<any>;
    parquet(): Promise<import("apache-arrow").Table>;
  }
  export function FileAttachment(path: string): FileAttachment;
}

// DuckDB-WASM's browser build, as Framework serves it (src/components/engine.ts starts it).
declare module "npm:@duckdb/duckdb-wasm" {
  export * from "@duckdb/duckdb-wasm";
}

declare module "observablehq:stdlib" {
  /** Calls render(width) now and whenever the returned element's width changes. */
  export function resize<T extends Element | null>(render: (width: number, height: number) => T | Promise<T>, invalidation?: Promise<unknown>): HTMLDivElement;
}

// parquet-wasm as Framework serves it in the browser (the ESM build, initialised with its .wasm URL).
declare module "npm:parquet-wasm" {
  export * from "parquet-wasm/esm";
  export {default} from "parquet-wasm/esm";
}

// htl and Observable Inputs, imported as npm: (the copies Framework's own Inputs and html use; a bare
// "htl" would resolve in node_modules, where htl 1.0's exports map trips Framework 1.13's resolver).
// They ship no type declarations Framework can see; these cover what components use.
declare module "npm:htl" {
  /** Tagged template for HTML: interpolated values are inserted as text or attribute values, never parsed as markup. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement & DocumentFragment;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement & DocumentFragment;
}

declare module "npm:@observablehq/inputs" {
  type Options = Record<string, unknown>;
  export function table(data: readonly object[], options?: Options): HTMLElement & {value: unknown};
  export function select(data: readonly unknown[], options?: Options): HTMLElement & {value: unknown};
  export function radio(data: readonly unknown[], options?: Options): HTMLElement & {value: unknown};
  export function checkbox(data: readonly unknown[], options?: Options): HTMLElement & {value: unknown};
  export function toggle(options?: Options): HTMLElement & {value: boolean};
  export function range(extent?: [number, number], options?: Options): HTMLElement & {value: number};
  export function number(extent?: [number, number], options?: Options): HTMLElement & {value: number};
  export function form(inputs: object, options?: Options): HTMLElement & {value: unknown};
}

// Plot, d3 and Arrow as Framework serves them (`npm:`), so a page loads one copy of each:
// a bare import would bundle a second copy from node_modules under /_node.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:d3" {
  export * from "d3";
}
declare module "npm:apache-arrow" {
  export * from "apache-arrow";
}

// fflate as Framework serves it: writes a figure's data package (zip) in the browser.
declare module "npm:fflate" {
  export * from "fflate";
}

// zod validates what a notebook link, file or the browser's storage holds (notebook/format.ts).
declare module "npm:zod" {
  export * from "zod";
}
// markdown-it renders a notebook's markdown cells, with raw HTML off (notebook/markdown.ts).
declare module "npm:markdown-it" {
  import MarkdownIt from "markdown-it";
  export default MarkdownIt;
}
