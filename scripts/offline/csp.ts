// The Content-Security-Policy of every page: the site may fetch, connect, load scripts,
// workers, styles, images and fonts only from its own origin (and blob:/data: URLs it made
// itself), so no query, link or figure can send anything to another host. Framework's pages
// carry their code in an inline module script, hence 'unsafe-inline' for scripts;
// 'wasm-unsafe-eval' lets DuckDB-WASM and parquet-wasm compile their WebAssembly.
export const CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"],
  "worker-src": ["'self'", "blob:"],
  // blob: for the engine's inflated wasm (engine.ts), which its worker fetches.
  "connect-src": ["'self'", "blob:", "data:"],
  "img-src": ["'self'", "data:", "blob:"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "font-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "frame-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"]
};

export function cspHeader(directives = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * The policy of `npm run dev`: Framework's live preview applies an edited cell by evaluating its
 * new code as a string, which needs 'unsafe-eval'. Only the preview on 127.0.0.1 gets it; the
 * built site never does.
 */
export const PREVIEW_DIRECTIVES: Record<string, string[]> = {...CSP_DIRECTIVES, "script-src": [...CSP_DIRECTIVES["script-src"], "'unsafe-eval'"]};

/** The policy as a <meta> element, for the head of every page (a static host needs no configuration). */
export function cspMeta({preview = process.env.OBSERVATORY_PREVIEW === "1"} = {}): string {
  return `<meta http-equiv="Content-Security-Policy" content="${cspHeader(preview ? PREVIEW_DIRECTIVES : CSP_DIRECTIVES)}">`;
}
