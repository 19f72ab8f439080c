import type {StatedByType} from "../schema/registry.ts";

export type Basis = "actual" | "estimate" | "forecast" | "target";

/**
 * The source's own markers, as recorded in `basis_marker`, and what each says a figure is.
 * "outturn" markers state what happened; "estimate" markers say the publisher estimated it;
 * "future" markers speak of what will happen (forecast, or target when a body states its own
 * goal); "goal" markers name a target outright. An empty marker is a plain statement of fact.
 */
const MARKERS: Record<string, "outturn" | "estimate" | "future" | "goal"> = {
  "": "outturn",
  "Reported.": "outturn",
  "e": "estimate",
  "Estimated.": "estimate",
  "estimate": "estimate",
  "estimates": "estimate",
  "official estimates": "estimate",
  "assumption": "estimate",
  "expects": "future",
  "expected": "future",
  "is expected": "future",
  "are expected": "future",
  "forecast": "future",
  "forecasts": "future",
  "is forecast": "future",
  "is forecasted": "future",
  "is projected": "future",
  "predicts": "future",
  "could": "future",
  "may": "future",
  "will reach": "future",
  "will exceed": "future",
  "will show": "future",
  "will come": "future",
  "will bring": "future",
  "will be at least": "future",
  "target": "goal",
  "goal": "goal"
};

export const BASIS_MARKERS = Object.keys(MARKERS);

export interface BasisInput {
  /** The source's marker, verbatim ("" when the source states a plain outturn). */
  marker: string;
  /** Who states the series (registry/series.csv). */
  statedByType: StatedByType;
  /** The last day of the figure's period (ISO date), or null for an undated figure. */
  periodEnd: string | null;
  /** The last day the source's date can mean (ISO date): a year "2024" means up to 2024-12-31. */
  sourceDateEnd: string;
}

/**
 * The basis a figure has, as its source labels it. The rule:
 *  1. a goal marker ("target") → target;
 *  2. a future marker ("expects", "will reach", "forecast", "could") → forecast, except that a body
 *     stating its own plan ("will be at least" from CWEA) sets a target;
 *  3. an estimate marker ("e", "Estimated.", "official estimates") → estimate, or forecast when the
 *     period ends after the source was published (an estimate of the future is a forecast);
 *  4. no marker, or "Reported." → actual; a plain figure for a period that ends after the source
 *     was published can only be a forecast, so it is one — unless the source says "Reported.",
 *     which the rule cannot reconcile.
 * Returns an error sentence when the rule cannot decide.
 */
export function basisFor({marker, statedByType, periodEnd, sourceDateEnd}: BasisInput): {basis: Basis} | {error: string} {
  const kind = MARKERS[marker];
  if (kind === undefined) return {error: `basis_marker "${marker}" is not a known marker (${BASIS_MARKERS.filter(Boolean).map((m) => `"${m}"`).join(", ")}, or empty)`};
  const future = periodEnd !== null && periodEnd > sourceDateEnd;
  switch (kind) {
    case "goal":
      return {basis: "target"};
    case "future":
      return {basis: statedByType === "body" ? "target" : "forecast"};
    case "estimate":
      return {basis: future ? "forecast" : "estimate"};
    case "outturn":
      if (future && marker !== "") return {error: `basis_marker "${marker}" states an outturn, but the period ends after the source's date ${sourceDateEnd}`};
      return {basis: future ? "forecast" : "actual"};
  }
}
