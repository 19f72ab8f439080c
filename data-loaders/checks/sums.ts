import type {Finding} from "../schema/check.ts";
import type {Observation} from "../schema/observation.ts";
import {UNITS, type Unit} from "../schema/units.ts";
import {baseUnit, formatNumber, halfStep, round, unique} from "./numbers.ts";

/**
 * Parts that do not add up to their stated total. A row names its total in part_of only when
 * the source presents the parts as the whole breakdown, so a shortfall is a real finding.
 * Rounding of every figure is allowed for.
 */
export function sumChecks(rows: readonly Observation[]): Finding[] {
  const byId = new Map(rows.map((row) => [row.row_id, row]));
  const partsOf = new Map<string, Observation[]>();
  for (const row of rows) {
    if (row.part_of === null) continue;
    partsOf.set(row.part_of, [...(partsOf.get(row.part_of) ?? []), row]);
  }
  const checks: Finding[] = [];
  for (const [totalId, parts] of partsOf) {
    const total = byId.get(totalId);
    if (!total || total.value === null || total.bound !== null) continue;
    if (parts.some((p) => p.value === null || p.bound !== null || baseUnit(p) !== baseUnit(total))) continue;
    const factor = (row: Observation) => UNITS[row.unit as Unit].factor;
    const sum = parts.reduce((acc, p) => acc + (p.value as number) * factor(p), 0);
    const tolerance = parts.reduce((acc, p) => acc + halfStep(p.value as number) * factor(p), halfStep(total.value) * factor(total));
    const stated = total.value * factor(total);
    if (Math.abs(sum - stated) <= tolerance) continue;
    const inTotalUnit = round(sum / factor(total), 6);
    const partsText = parts.map((p) => `${partLabel(p, total)} ${formatNumber(p.value as number)} ${p.unit}`).join(" + ");
    const involved = [total, ...parts];
    checks.push({
      check_id: `sum_mismatch:${total.row_id}`,
      kind: "sum_mismatch",
      severity: "warning",
      page: total.page,
      message: `${total.indicator}, ${total.geography}, ${total.period}: the parts (${partsText}) add up to ${formatNumber(inTotalUnit)} ${total.unit}, not the stated total of ${formatNumber(total.value)} ${total.unit} (${total.source_id}).`,
      row_ids: involved.map((r) => r.row_id),
      series_ids: unique(involved.map((r) => r.series_id)),
      source_ids: unique(involved.map((r) => r.source_id)),
      details: JSON.stringify({total: total.value, unit: total.unit, sum_of_parts: inTotalUnit, difference: round(inTotalUnit - total.value, 6), tolerance: round(tolerance / factor(total), 6)})
    });
  }
  return checks;
}

/** "rock type" for "Rare earth mining quota, rock type" under "Rare earth mining quota". */
function partLabel(part: Observation, total: Observation): string {
  if (part.indicator === total.indicator) return part.geography;
  const prefix = `${total.indicator}, `;
  return part.indicator.startsWith(prefix) ? part.indicator.slice(prefix.length) : part.indicator;
}
