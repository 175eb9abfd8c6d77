import { fmt, halfUnit, makeFinding, notCheckable, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Kaplan–Meier median and its CI as SPSS KM prints them: median ± 1.96·SE, a symmetric interval, so
 * SE = (U − L)/(2·1.96) and (median − L) must equal (U − median) within rounding (tolerance: the sum of
 * the three half-units). An asymmetric CI would point to R's survfit (Brookmeyer–Crowley, log-log).
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
    return notCheckable("km-median-ci", [medianId], `${medianId} has no CI.`);
  const L = registry.get(m.relations.lower);
  const U = registry.get(m.relations.upper);
  const below = m.number - L.number;
  const above = U.number - m.number;
  const tol = halfUnit(m.decimals) * 2 + halfUnit(L.decimals) + halfUnit(U.decimals);
  const symmetric = Math.abs(below - above) <= tol + 1e-12;
  const se = (U.number - L.number) / (2 * 1.96);
  return makeFinding(
    "km-median-ci",
    [medianId, L.id, U.id],
    symmetric ? "consistent" : "inconsistent",
    { below, above, impliedSE: se },
    `median ${m.value}, CI ${L.value}–${U.value}: ${m.value} − ${L.value} = ${fmt(below, 2)}, ${U.value} − ` +
      `${m.value} = ${fmt(above, 2)} → ` +
      `${symmetric ? "symmetric (SPSS median ± 1.96·SE)" : "asymmetric (not SPSS's symmetric interval)"}; SE = (` +
      `${U.value} − ${L.value})/(2·1.96) = ${fmt(se, 4)} months.`,
  );
}
