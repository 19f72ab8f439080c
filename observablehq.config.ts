// Must be the first import: it answers Framework's CDN and registry requests from node_modules.
import "./scripts/offline/install.ts";

export default {
  root: "src",
  title: "Rare Earth Observatory",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Supply", path: "/supply"},
    {name: "Trade", path: "/trade"},
    {name: "Magnets", path: "/magnets"},
    {name: "Wind", path: "/wind"},
    {name: "Robotics", path: "/robotics"},
    {name: "Sources", path: "/sources"},
    {name: "SQL workbench", path: "/sql"}
  ],
  pager: false,
  // No web fonts: the default stylesheet would load Google Fonts.
  globalStylesheets: [],
  theme: ["air", "near-midnight"],
  // DuckDB-WASM 1.29 would download its json and parquet extensions; we never need them
  // (snapshots are decoded to Arrow before they reach DuckDB).
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  footer: "Rare Earth Observatory — every figure carries its source."
};
