// Example queries, a few per theme. Each names the tables it needs; the workbench shows only
// the examples whose tables exist, and a browser test runs every one it shows.
export interface Example {
  theme: string;
  title: string;
  query: string;
  needs: readonly string[];
  /** A data check: an empty result is the good outcome. */
  check?: boolean;
}

const sql = (strings: TemplateStringsArray) => strings.join("").replace(/^\n/, "").replace(/\n\s*$/, "");

export const EXAMPLES: readonly Example[] = [
  {
    theme: "Supply",
    title: "Mine production of the largest producers",
    needs: ["observations"],
    query: sql`
SELECT period_start, geography, value AS tonnes_reo
FROM observations
WHERE indicator = 'Mine production' AND is_latest_vintage
  AND geography IN ('China', 'United States', 'Australia', 'Burma')
ORDER BY period_start, geography`
  },
  {
    theme: "Supply",
    title: "China's share of world mine production",
    needs: ["observations"],
    query: sql`
WITH mine AS (
  SELECT geography, period_start, value
  FROM observations
  WHERE indicator = 'Mine production' AND is_latest_vintage AND unit = 't REO'
)
SELECT china.period_start, round(100 * china.value / world.value, 1) AS china_share_pct
FROM mine china JOIN mine world USING (period_start)
WHERE china.geography = 'China' AND world.geography = 'World'
ORDER BY china.period_start`
  },
  {
    theme: "Supply",
    title: "Oxide prices in US dollars per kilogram",
    needs: ["observations"],
    query: sql`
SELECT period_start, indicator, value AS usd_per_kg
FROM observations
WHERE unit = 'USD/kg' AND is_latest_vintage
ORDER BY indicator, period_start`
  },
  {
    theme: "Trade",
    title: "China's rare earth exports",
    needs: ["observations"],
    query: sql`
SELECT period, period_start, value AS tonnes, basis, source_id
FROM observations
WHERE indicator = 'Rare earth exports'
ORDER BY period_start, period`
  },
  {
    theme: "Trade",
    title: "China's imports of rare-earth compounds by partner",
    needs: ["observations"],
    query: sql`
SELECT partner, sum(value) AS tonnes, min(period) AS first_year, max(period) AS last_year
FROM observations
WHERE indicator = 'Imports of rare-earth compounds (HS 2846), net weight'
GROUP BY partner
ORDER BY tonnes DESC`
  },
  {
    theme: "Trade",
    title: "Latest figure for each trade series",
    needs: ["observations"],
    query: sql`
SELECT series_id, indicator, geography, partner, period, value, unit
FROM observations
WHERE page = 'trade' AND is_latest_vintage
QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY period_end DESC NULLS LAST) = 1
ORDER BY series_id`
  },
  {
    theme: "Magnets",
    title: "Magnet exports by month",
    needs: ["observations"],
    query: sql`
SELECT period_start, value AS tonnes
FROM observations
WHERE indicator = 'Rare earth permanent magnet exports' AND is_latest_vintage
ORDER BY period_start`
  },
  {
    theme: "Magnets",
    title: "NdFeB magnet figures",
    needs: ["observations"],
    query: sql`
SELECT indicator, period, value, unit, basis, source_id
FROM observations
WHERE page = 'magnets' AND indicator ILIKE '%NdFeB%'
ORDER BY indicator, period`
  },
  {
    theme: "Wind",
    title: "New wind installations, by who counted them",
    needs: ["observations"],
    query: sql`
SELECT period_start, indicator, value AS gw
FROM observations
WHERE page = 'wind' AND indicator LIKE 'Wind power new installations%' AND unit = 'GW'
ORDER BY indicator, period_start`
  },
  {
    theme: "Wind",
    title: "Rare-earth magnets in wind turbines",
    needs: ["observations"],
    query: sql`
SELECT indicator, value, unit, basis, source_id
FROM observations
WHERE page = 'wind' AND unit IN ('kg/MW', 't/MW', 'kg/turbine', 't/turbine', 't')
ORDER BY unit, indicator`
  },
  {
    theme: "Robotics",
    title: "Industrial robot installations",
    needs: ["observations"],
    query: sql`
SELECT period_start, geography, value AS robots
FROM observations
WHERE indicator = 'Industrial robot installations (IFR)'
ORDER BY geography, period_start`
  },
  {
    theme: "Robotics",
    title: "Humanoid robot forecasts, by forecaster",
    needs: ["observations"],
    query: sql`
SELECT indicator, period, value, unit, basis
FROM observations
WHERE page = 'robotics' AND indicator LIKE 'Humanoid robot%'
ORDER BY indicator, period`
  },
  {
    theme: "Sources and checks",
    title: "Sources with the most figures",
    needs: ["observations", "sources"],
    query: sql`
SELECT s.publisher, s.title, s.year, count(o.row_id) AS figures
FROM sources s
LEFT JOIN observations o USING (source_id)
GROUP BY ALL
ORDER BY figures DESC
LIMIT 25`
  },
  {
    theme: "Sources and checks",
    title: "Figures whose source is not in the sources table",
    needs: ["observations", "sources"],
    check: true,
    query: sql`
SELECT o.row_id, o.source_id, o.indicator
FROM observations o
ANTI JOIN sources s USING (source_id)
ORDER BY o.source_id`
  },
  {
    theme: "Sources and checks",
    title: "Check findings by kind",
    needs: ["checks"],
    query: sql`
SELECT kind, count(*) AS findings
FROM checks
GROUP BY kind
ORDER BY findings DESC`
  },
  {
    theme: "Sources and checks",
    title: "Warnings and the figures they point at",
    needs: ["checks", "observations"],
    query: sql`
WITH flagged AS (
  SELECT kind, message, unnest(row_ids) AS row_id
  FROM checks
  WHERE severity = 'warning'
)
SELECT f.kind, o.indicator, o.geography, o.period, o.value, o.unit, o.source_id, f.message
FROM flagged f JOIN observations o USING (row_id)
ORDER BY f.kind, o.indicator`
  },
  {
    theme: "Sources and checks",
    title: "Figures published as a range",
    needs: ["observations"],
    query: sql`
SELECT page, indicator, geography, period, value_low, value, value_high, unit, source_id
FROM observations
WHERE value_low IS NOT NULL OR value_high IS NOT NULL
ORDER BY page, indicator`
  },
  {
    theme: "Sources and checks",
    title: "Dated events",
    needs: ["events"],
    query: sql`
SELECT date_start, date_end, title, theme, source_id
FROM events
ORDER BY date_start`
  }
];

export function availableExamples(tables: Iterable<string>): Example[] {
  const present = new Set(tables);
  return EXAMPLES.filter((example) => example.needs.every((table) => present.has(table)));
}
