// Must be the first import: it answers Framework's CDN and registry requests from node_modules.
import "./scripts/offline/install.ts";
import {cspMeta} from "./scripts/offline/csp.ts";
import {dataRelease} from "./data-loaders/release.ts";
import {searchIndex} from "./scripts/site/searchIndex.ts";
import {embedHead} from "./src/components/embed.ts";

// The data release every snapshot is stamped with (data-loaders/release.ts), read when the config is.
const {release_id: release, as_of: releaseAsOf} = dataRelease();

const pages = [
  {name: "Overview", path: "/"},
  {name: "Supply", path: "/supply"},
  {name: "Trade", path: "/trade"},
  {name: "Prices", path: "/prices"},
  {name: "Magnets", path: "/magnets"},
  {name: "Wind", path: "/wind"},
  {name: "Robotics", path: "/robotics"},
  {name: "Sources", path: "/sources"},
  {name: "SQL workbench", path: "/sql"}
];

export default {
  root: "src",
  // scripts/build.ts builds into a fresh folder and swaps it in only when the build succeeded.
  output: process.env.OBSERVATORY_OUTPUT ?? "dist",
  title: "Rare Earth Observatory",
  pages,
  pager: false,
  // No web fonts: the default stylesheet would load Google Fonts.
  globalStylesheets: [],
  theme: ["air", "near-midnight"],
  // DuckDB-WASM 1.29 would download its json and parquet extensions; we never need them
  // (snapshots are decoded to Arrow before they reach DuckDB).
  duckdb: {extensions: {json: null, parquet: null}},
  // Framework's own search (an index built into _observablehq/minisearch.json, no service):
  // the pages' text, plus every figure, measure and source (scripts/site/searchIndex.ts).
  search: {index: () => searchIndex({pages})},
  // The Content-Security-Policy first (csp.ts: every page may talk only to this origin), then the
  // release the citations and take-away files of a figure name (src/components/figureTools.ts),
  // the embed mode's marker script and styles (src/components/embed.ts), and an inline icon:
  // no /favicon.ico request that a static host would answer with 404.
  head: cspMeta() + `<meta name="observatory-release" content="${release}" data-as-of="${releaseAsOf}">` + embedHead() + '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%227%22 fill=%22%23b5651d%22/%3E%3C/svg%3E">',
  footer: `Rare Earth Observatory — every figure carries its source. Data release <a href="./sources#release"><code>${release}</code></a>.`
};
