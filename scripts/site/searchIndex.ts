// What Framework's search finds beyond the pages' own text (observablehq.config.ts hands
// `searchIndex` to `search.index`; Framework adds each entry to the MiniSearch index it writes
// to _observablehq/minisearch.json at build time). Everything comes from the project's own
// records and code, read the way the loaders and pages read them:
//   - every figure placed on a page (figurePlacements.ts): its query's title and subtitle, the
//     measures its SQL selects (name, unit, counting bases, who states them, HS codes), at
//     /<page>#chart-<id>;
//   - every measure of the registry that no figure draws: its rows in the SQL workbench;
//   - every source: title, short name, publisher and year, at /sources#source-<id>.
// A measure drawn by a figure is found through that figure's entry: an entry's path is its id in
// the index, so a measure cannot have an entry of its own at the same anchor.
import {resolve} from "node:path";
import {readRegistry, type LocatedSeries} from "../../data-loaders/lib/registry.ts";
import {failIfAny} from "../../data-loaders/lib/problems.ts";
import {loadSources} from "../../data-loaders/sources.ts";
import type {Measure} from "../../data-loaders/schema/registry.ts";
import {lit} from "../../src/components/query.ts";
import {workbenchHref} from "../../src/components/workbenchLink.ts";
import {figurePlacements, type Placement} from "./figurePlacements.ts";

/** One entry of Framework's search index (`search.index` in the config). */
export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

export interface SearchOptions {
  /** Framework's root (src/). */
  root?: string;
  /** The config's pages: the sidebar's name and path of each. */
  pages: readonly {name: string; path: string}[];
  /** The records folder (data-loaders/sources/), for tests. */
  records?: string;
}

const SRC = resolve(import.meta.dirname, "..", "..", "src");

/** For `search: {index}` in observablehq.config.ts. */
export async function* searchIndex(options: SearchOptions): AsyncGenerator<SearchEntry> {
  yield* await searchEntries(options);
}

/** Every figure, undrawn measure and source as a search entry, figures in page order. */
export async function searchEntries({root = SRC, pages, records}: SearchOptions): Promise<SearchEntry[]> {
  const {registry, problems} = readRegistry(records);
  failIfAny(problems);
  const seriesOf = new Map<string, LocatedSeries[]>();
  for (const series of registry.series.values()) seriesOf.set(series.measure, [...(seriesOf.get(series.measure) ?? []), series]);
  const pageName = new Map(pages.map((page) => [page.path, page.name]));

  const entries: SearchEntry[] = [];
  const drawn = new Set<string>();
  for (const placement of await figurePlacements(root, pages.map((page) => page.path))) {
    const sql = sqlTexts(placement);
    const literals = new Set([...sql.join("\n").matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]));
    const measures = [...registry.measures.values()].filter((measure) => literals.has(measure.measure));
    for (const measure of measures) drawn.add(measure.measure);
    const state = placement.defaults;
    entries.push({
      path: `${placement.page}#chart-${placement.id}`,
      title: text(placement.query?.title, state) ?? placement.id,
      text: words([text((placement.query as {subtitle?: unknown} | undefined)?.subtitle, state), pageName.get(placement.page), ...measures.flatMap((m) => measureWords(m, seriesOf.get(m.measure)))]),
      keywords: words([...hsCodes([...sql, ...measures.map((m) => m.name)]), ...measures.map((m) => m.measure)])
    });
  }

  for (const measure of registry.measures.values()) {
    if (drawn.has(measure.measure)) continue;
    const series = seriesOf.get(measure.measure) ?? [];
    const query = `SELECT series_id, geography, part, period, value, unit, basis, source_id
FROM observations
WHERE measure = ${lit(measure.measure)}
ORDER BY series_id, period_start, row_id`;
    entries.push({
      path: workbenchHref(query, "/sql"),
      title: `${measure.name} (${measure.canonical_unit}): its figures in the SQL workbench`,
      text: words(measureWords(measure, series)),
      keywords: words([...hsCodes(measureWords(measure, series)), measure.measure])
    });
  }

  for (const source of loadSources(records)) {
    entries.push({
      path: `/sources#source-${source.source_id}`,
      title: `${source.short_name}: ${source.title}`,
      text: words([String(source.year), source.source_id, ...hsCodes([source.title, source.notes ?? ""])]),
      keywords: words([source.publisher, source.short_name])
    });
  }
  return entries;
}

/** The figure's SQL at the page's first state and with each input set, one at a time, to each value it allows. */
function sqlTexts({query, defaults, allowed}: Placement): string[] {
  if (!query) return [];
  const states = [defaults, ...Object.entries(allowed).flatMap(([key, values]) => values.map((value) => ({...defaults, [key]: value})))];
  const texts = new Set<string>();
  for (const state of states) {
    try {
      texts.add(query.sql(state));
    } catch {
      // A figure whose state the page computes (the scenarios) has no first state to run here.
    }
  }
  return [...texts];
}

/** A title or subtitle, written as text or as a function of the page's state. */
function text(value: unknown, state: Record<string, unknown>): string | undefined {
  let result = value;
  if (typeof value === "function") {
    try {
      result = value(state);
    } catch {
      return undefined;
    }
  }
  return typeof result === "string" && result.trim() ? result.trim() : undefined;
}

/** What a measure is called, counted in and counted as, and by whom. */
function measureWords(measure: Measure, series: readonly LocatedSeries[] = []): string[] {
  return [
    measure.name,
    measure.canonical_unit,
    measure.measure.replace(/[._]/g, " "),
    ...series.flatMap((s) => [s.part === "total" ? null : s.part, s.geography, s.partner, s.counting_basis, s.stated_by])
  ].filter((word): word is string => Boolean(word));
}

/**
 * The HS codes named in the texts, each also as its heading and subheading ("HS 85051110" gives
 * "HS 8505" and "HS 850511"): Framework's index drops terms of more than six digits, and a
 * reader types the heading.
 */
function hsCodes(texts: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const t of texts) {
    for (const [, code] of t.matchAll(/\bHS\s?(\d{4,10})\b/g)) {
      for (const length of [4, 6, 8, 10]) if (code.length >= length) codes.add(`HS ${code.slice(0, length)}`);
    }
  }
  return [...codes];
}

function words(parts: readonly (string | null | undefined)[]): string {
  return [...new Set(parts.filter(Boolean))].join(" · ");
}
