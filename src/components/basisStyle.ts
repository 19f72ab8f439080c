// One convention for every chart on the site: what was measured looks solid, what was
// estimated, forecast or set as a target looks hollow and dashed, so a reader can tell
// them apart without reading the table. Charts use these constants; the figure component
// draws the key from the bases its rows contain.
export const BASES = ["actual", "estimate", "forecast", "target"] as const;
export type Basis = (typeof BASES)[number];

/** Dash pattern for lines and outlines ("none" is solid). */
export const BASIS_DASH: Record<Basis, string> = {
  actual: "none",
  estimate: "5,3",
  forecast: "2,3",
  target: "8,3,2,3"
};

/** Fill opacity for bars and dots: solid for actuals, paler for the rest (pale enough to read as
 * hollow, full enough to stay visible on the dark theme's background). */
export const BASIS_FILL_OPACITY: Record<Basis, number> = {
  actual: 1,
  estimate: 0.4,
  forecast: 0.28,
  target: 0.15
};

export function isBasis(value: unknown): value is Basis {
  return typeof value === "string" && (BASES as readonly string[]).includes(value);
}

export function basisOf(row: Record<string, unknown>): Basis {
  return isBasis(row.basis) ? row.basis : "actual";
}

/** True for rows that are not plain measurements. */
export function isProjected(row: Record<string, unknown>): boolean {
  return basisOf(row) !== "actual";
}

/** The bases present in some rows, in the canonical order. */
export function basesIn(rows: readonly Record<string, unknown>[]): Basis[] {
  const present = new Set(rows.map((row) => row.basis).filter(isBasis));
  return BASES.filter((basis) => present.has(basis));
}
