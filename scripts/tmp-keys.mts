import {isQueryDef, forState} from "../src/components/query.ts";
for (const page of ["trade", "prices", "supply", "wind", "magnets", "robotics", "index"]) {
  const mod = await import(`../src/queries/${page}.ts`);
  const defaults = mod.defaults ?? {};
  for (const [name, def] of Object.entries(mod)) {
    if (!isQueryDef(def)) continue;
    const read = new Set<string>();
    const proxy = new Proxy(defaults, {get(t, k, r) { if (typeof k === "string") read.add(k); return Reflect.get(t, k, r); }});
    try { def.sql(proxy); forState(def.title, proxy); if (def.subtitle) forState(def.subtitle, proxy); if (def.chart) forState(def.chart, proxy); } catch (e) { read.add("ERR " + (e as Error).message.slice(0, 40)); }
    console.log(page.padEnd(9), name.padEnd(28), [...read].join(","));
  }
}
