import { fmt, halfUnit, makeFinding, notCheckable, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * Kaplan–Meier median with its CI (relation "KM median with CI": `lower`/`upper` of kind ci-*): the median
 * must lie inside its interval (otherwise a contradiction), and the interval's shape tells the software
 * convention: SPSS KM prints median ± 1.96·SE, a symmetric interval (so SE = (U − L)/(2·1.96)); R's
 * survfit (Brookmeyer–Crowley with a log or log-log transform) gives an asymmetric one. Symmetry is judged
 * within rounding (the sum of the three half-units); either shape passes, and the explanation names it.
 *
 * Reference: SPSS KM "Means and Medians for Survival Time"; Brookmeyer & Crowley (1982).
 * R: quantile(survfit(...), conf.int = TRUE) uses conf.type = "log". Cost: O(1).
 *
 * @example
 * checkKmMedianCi(loadRegistry(), "abs.median-survival").recomputed.impliedSE // 3.5459
 */
export function checkKmMedianCi(registry: Registry, medianId: string): AuditFinding {
  const m = registry.get(medianId);
  if (!m.relations?.lower || !m.relations.upper)
    return notCheckable(registry, "km-median-ci", [medianId], `${entryLabel(m)}: no CI is linked.`);
  const L = registry.get(m.relations.lower);
  const U = registry.get(m.relations.upper);
  const below = m.number - L.number;
  const above = U.number - m.number;
  const tol = halfUnit(m.decimals) * 2 + halfUnit(L.decimals) + halfUnit(U.decimals);
  const symmetric = Math.abs(below - above) <= tol + 1e-12;
  const inside = below >= 0 && above >= 0;
  const se = (U.number - L.number) / (2 * 1.96);
  const evidence =
    `median ${m.value}, CI ${L.value}–${U.value}: ${m.value} − ${L.value} = ${fmt(below, 2)}, ${U.value} − ` +
    `${m.value} = ${fmt(above, 2)} → ` +
    (!inside
      ? "the median lies outside its own confidence interval"
      : symmetric
        ? `symmetric: SPSS's median ± 1.96·SE, SE = (${U.value} − ${L.value})/(2·1.96) = ${fmt(se, 4)}`
        : "asymmetric: not SPSS's median ± 1.96·SE (R's survfit log or log-log interval is asymmetric)");
  return makeFinding(registry, {
    check: "km-median-ci",
    ids: [medianId, L.id, U.id],
    verdict: inside ? "passes" : "finding",
    class: "contradiction",
    headline: inside
      ? `median ${m.value} (${L.value}, ${U.value}): ` +
        `${symmetric ? "a symmetric, SPSS-style" : "an asymmetric"} interval`
      : `median ${m.value} lies outside its CI ${L.value}–${U.value}`,
    evidence,
    recomputed: { below, above, impliedSE: se, symmetric },
    explanation: `${evidence}.`,
  });
}
