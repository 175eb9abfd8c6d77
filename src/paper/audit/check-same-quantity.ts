import { makeFinding, notCheckable, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * The same quantity reported in two places (relations.sameAs) must have the same value. Values are
 * compared numerically (so "5.00" and "5" agree) and the printed strings are shown.
 *
 * Reference: reader's cross-check. R: identical(). Cost: O(sameAs).
 *
 * @example
 * checkSameQuantity(loadRegistry(), "s2.2.surgery.curettage.n").verdict // "inconsistent" (11 in §2.2, 8 in §4.1)
 */
export function checkSameQuantity(registry: Registry, id: string): AuditFinding {
  const e = registry.get(id);
  const others = e.relations?.sameAs;
  if (others === undefined) return notCheckable("same-quantity", [id], `${id} has no sameAs relation.`);
  const rows = others.map((o) => registry.get(o));
  const differing = rows.filter((o) => Math.abs(o.number - e.number) > 1e-12);
  const where = (x: typeof e) =>
    `${x.value} (${x.locator.section}${x.locator.row ? `, ${x.locator.row}` : ""}: "${x.locator.quote}")`;
  return makeFinding(
    "same-quantity",
    [id, ...others],
    differing.length === 0 ? "consistent" : "inconsistent",
    { values: [e.number, ...rows.map((o) => o.number)] },
    `${e.quantity}: ${where(e)} vs ${rows.map(where).join("; ")}` +
      `${differing.length === 0 ? " — same value." : ` — ${differing.length} differ.`}`,
  );
}
