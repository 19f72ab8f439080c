// Example notebooks, at least one per theme page, written in the notebook file format
// (docs/sql.md). Each has several cells, a later cell reading an earlier one by name, and a
// chart. tests/workbench/exampleNotebooks.test.ts runs every one against the snapshots.
import {parseNotebook} from "./notebookFile.js";
import type {Notebook} from "./notebookModel.js";

export interface ExampleNotebook {
  theme: string;
  title: string;
  text: string;
}

const nb = (strings: TemplateStringsArray) => strings.join("").replace(/^\n/, "");

export const EXAMPLE_NOTEBOOKS: readonly ExampleNotebook[] = [
  {
    theme: "Supply",
    title: "A country's share of world mine production",
    text: nb`
---
notebook: 1
title: A country's share of world mine production
---

\`\`\`md
USGS mine production by country, latest edition of each figure; then one country's share of the world total, year by year.
\`\`\`

\`\`\`sql name=mine chart=line x=period_start y=tonnes_reo color=geography
SELECT geography, period_start, value AS tonnes_reo, basis
FROM observations
WHERE indicator = 'Mine production' AND is_latest_vintage AND unit = 't REO'
  AND geography IN ('World', 'China', 'United States', 'Australia', 'Burma')
ORDER BY geography, period_start
\`\`\`

\`\`\`input name=country type=select table=observations column=geography value=China
\`\`\`

\`\`\`sql name=share chart=line x=period_start y=share_pct
SELECT c.period_start, round(100 * c.tonnes_reo / w.tonnes_reo, 1) AS share_pct
FROM mine c JOIN mine w USING (period_start)
WHERE c.geography = $country AND w.geography = 'World'
ORDER BY c.period_start
\`\`\`
`
  },
  {
    theme: "Trade",
    title: "US imports of rare-earth compounds: the largest partners",
    text: nb`
---
notebook: 1
title: "US imports of rare-earth compounds: the largest partners"
---

\`\`\`sql name=imports chart=dot x=period_start y=tonnes color=partner
SELECT partner, period_start, period, value AS tonnes
FROM observations
WHERE indicator = 'Imports of rare-earth compounds (HS 2846), net weight'
ORDER BY partner, period_start
\`\`\`

\`\`\`sql name=by_partner chart=bar x=partner y=tonnes
SELECT partner, sum(tonnes) AS tonnes, count(*) AS years
FROM imports
GROUP BY partner
ORDER BY tonnes DESC
\`\`\`

\`\`\`input name=top type=number value=5
\`\`\`

\`\`\`sql name=top_partners chart=bar x=partner y=tonnes
SELECT partner, tonnes
FROM by_partner
ORDER BY tonnes DESC
LIMIT $top
\`\`\`
`
  },
  {
    theme: "Magnets",
    title: "Magnet exports in a chosen period",
    text: nb`
---
notebook: 1
title: Magnet exports in a chosen period
---

\`\`\`sql name=magnet_exports chart=line x=period_start y=tonnes
SELECT period_start, period, value AS tonnes, basis, source_id
FROM observations
WHERE indicator = 'Rare earth permanent magnet exports' AND is_latest_vintage
ORDER BY period_start
\`\`\`

\`\`\`input name=period type=daterange from=2024-01-01 to=2025-12-31
\`\`\`

\`\`\`sql name=in_period chart=bar x=period_start y=tonnes
SELECT period_start, tonnes, basis
FROM magnet_exports
WHERE period_start BETWEEN $period_from AND $period_to
ORDER BY period_start
\`\`\`
`
  },
  {
    theme: "Wind",
    title: "New wind installations, by who counted them",
    text: nb`
---
notebook: 1
title: New wind installations, by who counted them
---

\`\`\`sql name=installations chart=line x=period_start y=gw color=indicator
SELECT period_start, indicator, value AS gw, basis
FROM observations
WHERE indicator LIKE 'Wind power new installations%' AND unit = 'GW' AND is_latest_vintage
ORDER BY indicator, period_start
\`\`\`

\`\`\`sql name=latest_per_counter chart=bar x=indicator y=gw
SELECT indicator, max(period_start) AS latest, arg_max(gw, period_start) AS gw
FROM installations
GROUP BY indicator
ORDER BY gw DESC
\`\`\`
`
  },
  {
    theme: "Robotics",
    title: "Industrial robot installations in one country",
    text: nb`
---
notebook: 1
title: Industrial robot installations in one country
---

\`\`\`sql name=robots chart=line x=period_start y=robots color=geography
SELECT period_start, geography, value AS robots, basis
FROM observations
WHERE indicator = 'Industrial robot installations (IFR)'
ORDER BY geography, period_start
\`\`\`

\`\`\`input name=country type=select table=robots column=geography value=China
\`\`\`

\`\`\`sql name=one_country chart=bar x=period_start y=robots
SELECT period_start, robots, basis
FROM robots
WHERE geography = $country
ORDER BY period_start
\`\`\`
`
  }
];

export function exampleNotebook(example: ExampleNotebook): Notebook {
  return parseNotebook(example.text);
}
