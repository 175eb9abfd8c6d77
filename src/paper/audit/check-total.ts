import { contradictionSeverity, gapClass, lastDigitGap, makeFinding, notCheckable, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * Row / column / category totals (relation "total"): the items listed in `relations.parts` must sum to
 * the total. Counts must add up exactly (any difference is a contradiction, graded by its size); rounded
 * quantities (percentages) may miss by rounding, one unit of the last digit being rounding-level.
 *
 * Reference: arithmetic. R: sum(parts) == total. Cost: O(parts).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkTotal(registry, "s2.2.surgery.total").class // "contradiction" (11 + 34 + 24 = 69 ≠ 55)
 */
export function checkTotal(registry: Registry, totalId: string): AuditFinding {
  const total = registry.get(totalId);
  const parts = total.relations?.parts;
  if (parts === undefined) return notCheckable(registry, "total", [totalId], `${entryLabel(total)} lists no parts.`);
  const entries = parts.map((id) => registry.get(id));
  const sum = entries.reduce((a, e) => a + e.number, 0);
  const exact = total.kind === "count" && entries.every((e) => e.kind === "count");
  // Rounded parts: each may be off by half a unit of its own last digit.
  const slack = exact ? 0 : entries.reduce((a, e) => a + 0.5 * 10 ** -e.decimals, 0);
  const units = lastDigitGap(total, [sum - slack, sum + slack]);
  const cls = gapClass(units, exact ? "count" : total.kind);
  const diff = sum - total.number;
  const shownSum = exact ? String(sum) : sum.toFixed(Math.max(total.decimals, ...entries.map((e) => e.decimals)));
  const evidence =
    `${entries.map((e) => e.value).join(" + ")} = ${shownSum} ${cls === null ? "=" : "≠"} ${total.value}` +
    (cls === null ? "" : ` (difference ${diff > 0 ? "+" : ""}${exact ? diff : diff.toFixed(total.decimals + 1)})`);
  return makeFinding(registry, {
    check: "total",
    ids: [totalId, ...parts],
    verdict: cls === null ? "passes" : "finding",
    class: cls ?? undefined,
    severity: cls === "contradiction" ? contradictionSeverity(diff, total.number, exact) : undefined,
    headline:
      cls === null
        ? `${total.quantity}: the parts add up`
        : `the parts sum to ${shownSum}, not ${total.value} (${entries.map((e) => e.value).join(" + ")})`,
    evidence,
    recomputed: { sum, total: total.number, difference: diff },
    explanation: `${total.quantity}: ${evidence}.`,
  });
}
