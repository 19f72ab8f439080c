// The Robotics page's queries: industrial robots installed each year and in operation (IFR),
// humanoid shipment forecasts by forecaster, magnet per robot, and published humanoid demand.
import {yearRange, type Choices} from "../components/choices.js";
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";
import {impliedDemand, scenarioComparison} from "./scenario.js";

export interface RoboticsState {
  /** First and last year shown on the industrial-robot charts. */
  years: [number, number];
  /** "both", "China" or "World". */
  area: "both" | "China" | "World";
  /** Latest IFR edition only, or every edition (revised figures drawn too). */
  vintage: "latest" | "all";
}

export const defaults: RoboticsState = {years: [2018, 2024], area: "both", vintage: "latest"};

export const allowed = {area: ["both", "China", "World"], vintage: ["latest", "all"]} as const;

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<RoboticsState> = {years: yearRange(2018, 2024), ...allowed};

const areaFilter = (area: RoboticsState["area"]) => (area === "both" ? "" : `\n  AND geography = ${lit(area)}`);

const vintageFilter = (vintage: RoboticsState["vintage"]) => (vintage === "latest" ? "\n  AND is_latest_vintage" : "");

/** The industrial-robot figures: a line per series (area, and earlier editions). */
const ROBOT_SERIES_CHART = {mark: "line", x: "date", y: "value", color: "series"} as const;

const robotSeries = (measure: string) => ({years, area, vintage}: RoboticsState) => `-- ${measure === "robots.industrial.installations" ? "Industrial robots installed each year" : "Industrial robots in operation at the end of each year"} (IFR World Robotics, as reported).
-- The IFR revises earlier years in later editions; "latest" keeps each year's newest figure.
SELECT row_id, geography || CASE WHEN NOT is_latest_vintage THEN ' (earlier edition)' ELSE '' END AS series,
  period, period_start AS date, value, bound, qualifier, unit, basis, vintage, source_id
FROM observations
WHERE measure = ${lit(measure)}
  AND year(period_start) BETWEEN ${lit(years[0])} AND ${lit(years[1])}${areaFilter(area)}${vintageFilter(vintage)}
ORDER BY series, date, row_id`;

export const installations = defineQuery({id: "robotics-installations", title: "Industrial robots installed each year",
  subtitle: "Robots (units) per year, IFR World Robotics as reported; \"≥\" marks a lower bound", chart: ROBOT_SERIES_CHART, sql: robotSeries("robots.industrial.installations")});

export const operationalStock = defineQuery({id: "robotics-operational-stock", title: "Industrial robots in operation",
  subtitle: "Robots (units) in operation at the end of each year; \"≥\" a lower bound, \"≤\" an upper one", chart: ROBOT_SERIES_CHART, sql: robotSeries("robots.industrial.operational_stock")});

export const humanoidForecasts = defineQuery({
  id: "robotics-humanoid-forecasts",
  title: "Humanoid robot shipments per year, by forecaster",
  subtitle: "Robots (units) per year, logarithmic scale; all are forecasts or estimates, a bar is a published range",
  chart: {mark: "line", x: "date", y: "value", color: "series"},
  sql: () => `-- Humanoid robots shipped per year, as forecast (or estimated) by each forecaster.
-- The forecaster is the series' stated_by; shipments per year and units per year are one count a year.
SELECT row_id, stated_by AS series,
  period, period_start AS date, value, value_low, value_high, bound, qualifier, unit, basis, confidence, source_id
FROM observations
WHERE measure IN ('robots.humanoid.shipments', 'robots.humanoid.shipments_per_year')
ORDER BY series, date, row_id`
});

export const perRobot = defineQuery({
  id: "robotics-magnet-per-robot",
  title: "Magnet and rare-earth content per humanoid robot",
  subtitle: "kg per robot; bars are published ranges, dots published figures, the diamond derived here",
  chart: {mark: "dot", x: "label", y: "value", color: "derived"},
  sql: () => `-- Rare-earth magnet content per humanoid robot, as published, plus a figure derived here:
-- a source's humanoid NdFeB demand ÷ the shipments the same source gives for that year.
SELECT row_id, CASE measure WHEN 'ndfeb.intensity.humanoid' THEN 'NdFeB magnet mass' ELSE 'NdPr content' END || ' (' || stated_by || ')' AS label,
  value_canonical AS value, value_low_canonical AS value_low, value_high_canonical AS value_high, canonical_unit AS unit, basis, confidence, source_id, FALSE AS derived
FROM observations
WHERE measure IN ('ndfeb.intensity.humanoid', 'ndpr.intensity.humanoid')
UNION ALL
SELECT d.row_id || ',' || s.row_id, 'NdFeB, ' || d.period || ' (derived: demand ÷ shipments, ' || d.stated_by || ')',
  d.value_canonical * 1000 / s.value_canonical, NULL, NULL, 'kg/robot', d.basis, 'normal', d.source_id, TRUE
FROM observations d
JOIN observations s ON s.measure = 'robots.humanoid.shipments' AND s.basis = 'forecast' AND s.source_id = d.source_id AND s.period = d.period AND s.value IS NOT NULL
WHERE d.measure = 'ndfeb.demand' AND d.part = 'humanoid robots' AND d.bound IS NULL
ORDER BY derived, label, row_id`
});

export const humanoidDemand = defineQuery({
  id: "robotics-humanoid-demand",
  title: "Published NdFeB demand from humanoid robots",
  sql: () => `-- NdFeB demand from humanoid robots as published (world), for the scenario to be set against.
SELECT row_id, period, value, bound, qualifier, unit, basis, source_id
FROM observations
WHERE measure = 'ndfeb.demand' AND part = 'humanoid robots'
ORDER BY period, row_id`
});

export const headlines = headlineQuery({
  id: "robotics-headlines",
  title: "Headline figures",
  where: `(measure, geography, period) IN (('robots.industrial.installations', 'World', '2024'), ('robots.industrial.installations', 'China', '2024'),
    ('robots.industrial.operational_stock', 'World', '2023'))
  OR (measure = 'ndfeb.intensity.humanoid' AND is_preferred)`
});

export {allChecks, sourceTitles} from "./common.js";

/** The scenario figure: your humanoid assumption against the published demand. */
export const scenario = scenarioComparison({
  id: "robotics-scenario",
  title: "NdFeB for humanoid robots: your assumption against the published figure",
  subtitle: "Tonnes of NdFeB per year; orange follows your sliders, grey is the published forecast"
});

/** Every forecaster's shipments at your kg per robot (ranges at both ends). */
export const impliedHumanoidDemand = impliedDemand(humanoidForecasts, {
  id: "robotics-implied-demand",
  title: ({kg}) => `NdFeB each forecast implies at ${kg.toLocaleString("en-US", {maximumFractionDigits: 2})} kg per robot`,
  subtitle: "Tonnes of NdFeB per year, logarithmic scale; forecast shipments × your kg per robot (your assumption)"
});
