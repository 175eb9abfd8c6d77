import { fmt, makeFinding, roundsTo, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/** Ids the Kaplan–Meier feasibility check reads. */
export interface KmFeasibilityIds {
  readonly n: string;
  readonly deaths: string;
  /** S(horizon) in percent. */
  readonly survivalAtHorizon: string;
  /** The horizon of that survival rate (a time entry in years). */
  readonly horizon: string;
  readonly median: string;
  /** Inclusion: minimum follow-up (years) — no censoring before it. */
  readonly minFollowUp: string;
}

/**
 * Median survival vs survival at a horizon vs total deaths. With no censoring before the horizon
 * (every patient followed longer), S(h) = (n − d_h)/n, which fixes the deaths by h. The KM curve falls
 * below 0.5 only through deaths after h; the check computes how many are needed: without censoring,
 * k ≥ n·S(h) − n/2; with the most favourable censoring, one death at a risk set r ≤ 1/(1 − 0.5/S(h)).
 * If the reported deaths leave none after h, a median beyond h is impossible.
 *
 * Reference: Kaplan & Meier (1958); product-limit algebra. R: survfit(). SPSS: KM. Cost: O(n).
 *
 * @example
 * const ids = {
 *   n: "abs.results.n",
 *   deaths: "abs.deaths.n",
 *   survivalAtHorizon: "abs.1y-survival",
 *   horizon: "abs.horizon.1y",
 *   median: "abs.median-survival",
 *   minFollowUp: "s2.1.followup-min",
 * };
 * checkKmFeasibility(loadRegistry(), ids).verdict
 * // "inconsistent" (23 deaths all within one year; S stays at 32/55 = 0.5818)
 */
export function checkKmFeasibility(registry: Registry, ids: KmFeasibilityIds): AuditFinding {
  const n = registry.get(ids.n).number;
  const deaths = registry.get(ids.deaths).number;
  const sEntry = registry.get(ids.survivalAtHorizon);
  const horizonYears = registry.get(ids.horizon).number;
  const horizonMonths = 12 * horizonYears;
  const median = registry.get(ids.median);
  const minFollowUp = registry.get(ids.minFollowUp).number;
  const deathsByHorizon: number[] = [];
  for (let d = 0; d <= n; d++) if (roundsTo((100 * (n - d)) / n, sEntry)) deathsByHorizon.push(d);
  const all = [ids.survivalAtHorizon, ids.deaths, ids.n, ids.median, ids.horizon, ids.minFollowUp];
  if (deathsByHorizon.length === 0) {
    return makeFinding(
      "km-feasibility",
      all,
      "inconsistent",
      { deathsByHorizon },
      `no integer d gives 100·(${n} − d)/${n} = ${sEntry.value}%.`,
    );
  }
  const dH = deathsByHorizon[0];
  const atRisk = n - dH;
  const sH = atRisk / n;
  const after = deaths - dH;
  const kNoCensoring = Math.max(0, Math.ceil(atRisk - n / 2));
  const rMax = Math.floor(1 / (1 - 0.5 / sH));
  const medianBeyond = median.number > horizonMonths;
  const possible = !medianBeyond || after >= 1;
  const noCensoringBefore =
    minFollowUp >= horizonYears
      ? `follow-up > ${minFollowUp} year for all, so no censoring before ${horizonMonths} months and `
      : "";
  return makeFinding(
    "km-feasibility",
    all,
    possible ? "consistent" : "inconsistent",
    {
      deathsByHorizon: dH,
      survivalAtHorizon: sH,
      deathsAfterHorizon: after,
      extraDeathsNeededWithoutCensoring: kNoCensoring,
      maxRiskSetForOneDeath: rMax,
    },
    `${noCensoringBefore}S(${horizonMonths} mo) = ${sEntry.value}% = ${atRisk}/${n} → ${dH} deaths by ` +
      `${horizonMonths} months; ${deaths} deaths in total leave ${after} after ${horizonMonths} months. ` +
      `KM stays ≥ ${atRisk}/${n} = ${fmt(sH, 4)} > 0.5 without further deaths, so a median of ${median.value} ` +
      `months ${possible ? "is possible" : "cannot be reached"}. ` +
      `To reach S ≤ 0.5: without censoring ≥ ${kNoCensoring} more deaths ((${atRisk} − ${kNoCensoring})/${n} = ` +
      `${fmt((atRisk - kNoCensoring) / n, 4)}); with censoring at least 1 more death, occurring when ≤ ${rMax} ` +
      `patients remain at risk ` +
      `(${fmt(sH, 4)}·(1 − 1/${rMax}) = ${fmt(sH * (1 - 1 / rMax), 4)} ≤ 0.5), i.e. ≥ ${atRisk - rMax} of the ` +
      `${atRisk} one-year survivors censored before it. ` +
      (possible
        ? ""
        : `The counts cohere only if "${deaths} died" means died within ${horizonMonths} months and ≥ 1 further ` +
          `death (≥ ${kNoCensoring} without censoring) went unreported.`),
  );
}
