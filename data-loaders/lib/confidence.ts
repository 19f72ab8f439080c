/**
 * A figure is low-confidence when its source is (sources.csv) or when its own notes carry one
 * of these markers: the year of its date was assigned by the compiler rather than printed
 * (README of the reference prices, caveat 2), the copy read is weak (an aggregator, a forum or
 * a machine translation), or the row is flagged as conflicting or ambiguous. Markers are
 * written in square brackets at the start of `notes`, so a person sees the reason too.
 */
export const LOW_CONFIDENCE_MARKERS = ["[year assigned]", "[weak source]", "[conflict]", "[ambiguous]"] as const;

export function rowConfidence(sourceConfidence: "normal" | "low" | undefined, notes: string | null): "normal" | "low" {
  if (sourceConfidence === "low") return "low";
  return LOW_CONFIDENCE_MARKERS.some((marker) => notes?.includes(marker)) ? "low" : "normal";
}
