import {
  contradictionSeverity,
  gapClass,
  lastDigitGap,
  makeFinding,
  roundingInterval,
  sectionOf,
  type AuditFinding,
  type FindingClass,
} from "./finding";
import { entryLabel } from "./label";
import type { LoadedEntry, Registry } from "./registry";

interface Pair {
  readonly a: LoadedEntry;
  readonly b: LoadedEntry;
  readonly units: number;
  readonly cls: FindingClass | null;
}

function compare(a: LoadedEntry, b: LoadedEntry): Pair {
  // Counts are exact: 30 and 29 differ by one. Rounded numbers: the coarser print decides (16.8 and 16.83 agree).
  if (a.kind === "count" || b.kind === "count") {
    const units = Math.abs(a.number - b.number);
    return { a, b, units, cls: gapClass(units, "count") };
  }
  const [fine, coarse] = a.decimals >= b.decimals ? [a, b] : [b, a];
  const units = lastDigitGap(coarse, roundingInterval(fine));
  return { a, b, units, cls: gapClass(units, a.kind) };
}

const where = (x: LoadedEntry): string => `${x.value} (${entryLabel(x)}: "${x.locator.quote}")`;

/**
 * The same quantity printed twice or more (relation "same quantity", `sameAs`) must have one value.
 * Compared numerically at the coarser print ("16.8" and "16.83" agree); counts must be equal, and one
 * unit of the last digit of a rounded number is rounding-level. Agreeing pairs pass one by one; the
 * pairs that differ are grouped by the sections they are printed in ("§2.2 vs §4.1: 3 of 3 differ"), one
 * finding per group, graded by the largest difference.
 *
 * Reference: reader's cross-check. R: identical(). Cost: O(sameAs).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkSameQuantity(registry, ["s2.2.surgery.curettage.n"])[0].headline
 * // "the same quantity is printed with different values: 11 vs 8"
 */
export function checkSameQuantity(registry: Registry, ids: readonly string[]): AuditFinding[] {
  const passes: AuditFinding[] = [];
  const groups = new Map<string, Pair[]>();
  for (const id of ids) {
    const e = registry.get(id);
    for (const otherId of e.relations?.sameAs ?? []) {
      const pair = compare(e, registry.get(otherId));
      if (pair.cls === null) {
        passes.push(
          makeFinding(registry, {
            check: "same-quantity",
            ids: [id, otherId],
            verdict: "passes",
            headline: `${e.quantity}: the same value where it is printed twice`,
            recomputed: { values: [e.number, pair.b.number] },
            explanation: `${e.quantity}: ${where(e)} vs ${where(pair.b)} — same value.`,
          }),
        );
        continue;
      }
      const key = [sectionOf(e.locator.section), sectionOf(pair.b.locator.section)].join(" vs ");
      groups.set(key, [...(groups.get(key) ?? []), pair]);
    }
  }
  const found = [...groups.entries()].map(([sections, pairs]) => {
    const worst = pairs.some((p) => p.cls === "contradiction") ? "contradiction" : "rounding-level";
    const isCount = pairs.every((p) => p.a.kind === "count");
    const severity = pairs
      .map((p) => contradictionSeverity(p.a.number - p.b.number, p.b.number, isCount))
      .includes("major")
      ? "major"
      : "minor";
    const list = pairs.map((p) => `${p.a.quantity}: ${p.a.value} vs ${p.b.value}`);
    const [s1, s2] = sections.split(" vs ");
    return makeFinding(registry, {
      check: "same-quantity",
      ids: pairs.flatMap((p) => [p.a.id, p.b.id]),
      verdict: "finding",
      class: worst,
      severity: worst === "contradiction" ? severity : undefined,
      where: s1 === s2 ? s1 : `${s1} and ${s2}`,
      headline:
        `the same quantit${pairs.length > 1 ? "ies are" : "y is"} printed with different values: ` +
        pairs.map((p) => `${p.a.value} vs ${p.b.value}`).join(", "),
      evidence: list.join("; "),
      recomputed: {
        pairs: pairs.map((p) => ({ ids: [p.a.id, p.b.id], values: [p.a.number, p.b.number], units: p.units })),
      },
      explanation: `${pairs.map((p) => `${p.a.quantity}: ${where(p.a)} vs ${where(p.b)}`).join("; ")}.`,
    });
  });
  return [...passes, ...found];
}
