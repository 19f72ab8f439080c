// Example queries, a few per theme. Each names the tables it needs; the workbench shows only
// the examples whose tables exist, and a browser test runs every one it shows.
export interface Example {
  theme: string;
  title: string;
  query: string;
  needs: readonly string[];
}

const sql = (strings: TemplateStringsArray) => strings.join("").replace(/^\n/, "").replace(/\n\s*$/, "");

export const EXAMPLES: readonly Example[] = [
  {
    theme: "Supply",
    title: "Supply series and how many figures each has",
    needs: ["observations"],
    query: sql`
SELECT indicator, geography, unit, count(*) AS figures,
       min(period_start) AS first_period, max(period_start) AS last_period
FROM observations
WHERE page = 'supply'
GROUP BY ALL
ORDER BY figures DESC`
  },
  {
    theme: "Supply",
    title: "Actual supply figures over time",
    needs: ["observations"],
    query: sql`
SELECT period_start, geography, value, unit
FROM observations
WHERE page = 'supply' AND basis = 'actual' AND is_latest_vintage
  AND unit = (SELECT mode(unit) FROM observations WHERE page = 'supply')
ORDER BY period_start, geography`
  },
  {
    theme: "Trade",
    title: "Trade figures by partner",
    needs: ["observations"],
    query: sql`
SELECT coalesce(partner, 'all partners') AS partner, unit, sum(value) AS total, count(*) AS figures
FROM observations
WHERE page = 'trade' AND value IS NOT NULL
GROUP BY ALL
ORDER BY total DESC`
  },
  {
    theme: "Trade",
    title: "Latest trade figure for each series",
    needs: ["observations"],
    query: sql`
SELECT series_id, indicator, geography, partner, period, value, unit
FROM observations
WHERE page = 'trade' AND is_latest_vintage
QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY period_end DESC) = 1
ORDER BY series_id`
  },
  {
    theme: "Magnets",
    title: "Magnet figures, actual and projected",
    needs: ["observations"],
    query: sql`
SELECT indicator, basis, count(*) AS figures, min(period) AS from_period, max(period) AS to_period
FROM observations
WHERE page = 'magnets'
GROUP BY ALL
ORDER BY indicator, basis`
  },
  {
    theme: "Magnets",
    title: "Magnet figures with a range (low to high)",
    needs: ["observations"],
    query: sql`
SELECT indicator, geography, period, value_low, value, value_high, unit, source_id
FROM observations
WHERE page = 'magnets' AND (value_low IS NOT NULL OR value_high IS NOT NULL)
ORDER BY indicator, period`
  },
  {
    theme: "Wind",
    title: "Wind figures by year",
    needs: ["observations"],
    query: sql`
SELECT year(period_start) AS year, indicator, unit, sum(value) AS total
FROM observations
WHERE page = 'wind' AND period_start IS NOT NULL
GROUP BY ALL
ORDER BY year, indicator`
  },
  {
    theme: "Wind",
    title: "Rare-earth intensity of wind turbines",
    needs: ["observations"],
    query: sql`
SELECT indicator, geography, period, value, unit, basis, source_id
FROM observations
WHERE page = 'wind' AND unit IN ('kg/MW', 't/MW', 'kg/turbine', 't/turbine')
ORDER BY unit, value DESC`
  },
  {
    theme: "Robotics",
    title: "Robotics figures, newest first",
    needs: ["observations"],
    query: sql`
SELECT period, indicator, geography, value, unit, basis
FROM observations
WHERE page = 'robotics'
ORDER BY period_end DESC NULLS LAST, indicator
LIMIT 100`
  },
  {
    theme: "Robotics",
    title: "Forecasts and targets against actuals",
    needs: ["observations"],
    query: sql`
SELECT indicator, basis, count(*) AS figures, max(period) AS latest_period
FROM observations
WHERE page = 'robotics'
GROUP BY ALL
ORDER BY indicator, basis`
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
    query: sql`
SELECT o.row_id, o.source_id, o.indicator
FROM observations o
ANTI JOIN sources s USING (source_id)
ORDER BY o.source_id`
  },
  {
    theme: "Sources and checks",
    title: "Low-confidence figures",
    needs: ["observations"],
    query: sql`
SELECT page, indicator, geography, period, value, unit, source_id, notes
FROM observations
WHERE confidence = 'low'
ORDER BY page, indicator`
  },
  {
    theme: "Sources and checks",
    title: "Results of the data checks",
    needs: ["checks"],
    query: sql`
SELECT *
FROM checks
LIMIT 200`
  },
  {
    theme: "Sources and checks",
    title: "Events",
    needs: ["events"],
    query: sql`
SELECT *
FROM events
LIMIT 200`
  }
];

export function availableExamples(tables: Iterable<string>): Example[] {
  const present = new Set(tables);
  return EXAMPLES.filter((example) => example.needs.every((table) => present.has(table)));
}
