import { makeFinding, notCheckable, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Row / column / category totals: the items listed in `relations.parts` must sum to the total.
 *
 * Reference: arithmetic. R: sum(parts) == total. Cost: O(parts).
 *
 * @example
 * checkTotal(loadRegistry(), "s2.2.surgery.total").verdict // "inconsistent" (11 + 34 + 24 = 69 ≠ 55)
 */
export function checkTotal(registry: Registry, totalId: string): AuditFinding {
  const total = registry.get(totalId);
  const parts = total.relations?.parts;
  if (parts === undefined) return notCheckable("total", [totalId], `${totalId} lists no parts.`);
  const values = parts.map((id) => registry.get(id).number);
  const sum = values.reduce((a, b) => a + b, 0);
  const ok = Math.abs(sum - total.number) < 1e-9;
  return makeFinding(
    "total",
    [totalId, ...parts],
    ok ? "consistent" : "inconsistent",
    { sum, total: total.number, difference: sum - total.number },
    `${total.quantity}: ${values.join(" + ")} = ${sum} ${ok ? "=" : "≠"} ${total.value}` +
      `${ok ? "" : ` (difference ${sum - total.number > 0 ? "+" : ""}${sum - total.number})`}.`,
  );
}
