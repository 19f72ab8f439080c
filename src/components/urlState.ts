// The state of a page's inputs lives in the query string (?years=2015-2024&country=China), so
// a copied link shows the reader exactly what the sender saw. Values are typed by the page's
// `defaults`: numbers, booleans, strings, a two-number range ("2015-2024"), lists ("a,b").
// The workbench alone uses the hash (#q=…); these helpers leave the hash as it is.
export type UrlValue = string | number | boolean | readonly string[] | readonly number[];
export type UrlState = Record<string, UrlValue>;

/** Allowed values per key; a value from the URL outside them falls back to the default. */
export type Allowed<S> = {[K in keyof S]?: readonly unknown[]};

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** The query string's raw values, without URLSearchParams' decoding of list separators. */
function rawParams(search: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (!part) continue;
    const at = part.indexOf("=");
    const key = decode(at < 0 ? part : part.slice(0, at));
    params.set(key, at < 0 ? "" : part.slice(at + 1));
  }
  return params;
}

/**
 * The query string without one parameter, every other part exactly as it was written (the
 * page's own encoding of ranges "2010-2025" and lists "a,b"); "" when nothing is left.
 */
export function withoutParam(search: string, name: string): string {
  const parts = search.replace(/^\?/, "").split("&").filter((part) => part && decode(part.split("=")[0]) !== name);
  return parts.length ? `?${parts.join("&")}` : "";
}

function parseValue(raw: string, fallback: UrlValue): UrlValue | undefined {
  if (typeof fallback === "number") {
    const n = Number(decode(raw));
    return raw !== "" && Number.isFinite(n) ? n : undefined;
  }
  if (typeof fallback === "boolean") {
    const text = decode(raw).toLowerCase();
    if (["1", "true", "yes", "on"].includes(text)) return true;
    if (["0", "false", "no", "off"].includes(text)) return false;
    return undefined;
  }
  if (Array.isArray(fallback)) {
    const numeric = fallback.length > 0 && fallback.every((v) => typeof v === "number");
    if (numeric) {
      const parts = decode(raw).split(fallback.length === 2 ? /[-,~]/ : ",").map(Number);
      if (!parts.every(Number.isFinite) || (fallback.length === 2 && parts.length !== 2)) return undefined;
      return fallback.length === 2 ? ([Math.min(parts[0], parts[1]), Math.max(parts[0], parts[1])] as number[]) : parts;
    }
    return raw === "" ? [] : raw.split(",").map(decode);
  }
  return decode(raw);
}

/** The state a query string asks for, key by key, falling back to `defaults`. Unknown keys are ignored. */
export function parseState<S extends UrlState>(defaults: S, search: string, allowed: Allowed<S> = {}): S {
  const params = rawParams(search);
  const state: UrlState = {...defaults};
  for (const key of Object.keys(defaults)) {
    if (!params.has(key)) continue;
    const value = parseValue(params.get(key)!, defaults[key]);
    if (value === undefined) continue;
    const options = allowed[key as keyof S];
    const ok = !options || (Array.isArray(value) ? value.every((v) => options.includes(v)) : options.includes(value));
    if (ok) state[key] = value;
  }
  return state as S;
}

function formatValue(value: UrlValue): string {
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((v) => typeof v === "number")) return `${value[0]}-${value[1]}`;
    return value.map((v) => encodeURIComponent(String(v))).join(",");
  }
  if (typeof value === "boolean") return value ? "1" : "0";
  return encodeURIComponent(String(value));
}

function same(a: UrlValue, b: UrlValue): boolean {
  return formatValue(a) === formatValue(b);
}

/**
 * The query string for a state ("" when every value is its default, so a page's plain
 * address stays plain), keys in the order of `defaults`.
 */
export function formatState<S extends UrlState>(state: S, defaults: S): string {
  const keys = Object.keys(defaults);
  if (isDefaultState(state, defaults)) return "";
  return "?" + keys.filter((key) => state[key] !== undefined).map((key) => `${encodeURIComponent(key)}=${formatValue(state[key])}`).join("&");
}

/** Whether every input is at its first state (the one whose results shipped with the page). */
export function isDefaultState<S extends UrlState>(state: S, defaults: S): boolean {
  return Object.keys(defaults).every((key) => same(state[key], defaults[key]));
}

/** The page's initial state: the URL's values where valid, else the defaults. */
export function readUrlState<S extends UrlState>(defaults: S, allowed: Allowed<S> = {}): S {
  return parseState(defaults, typeof location === "undefined" ? "" : location.search, allowed);
}

/** Writes the state to the address bar without adding a history entry (call it when inputs change). */
export function writeUrlState<S extends UrlState>(state: S, defaults: S): void {
  // An embedded figure (?embed=…, marked data-embed by the page's head: embed.ts) takes its
  // state from its address and never rewrites it.
  if (typeof location === "undefined" || document.documentElement.hasAttribute("data-embed")) return;
  const search = formatState(state, defaults);
  if (search === location.search || (search === "" && location.search === "")) return;
  history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
}
