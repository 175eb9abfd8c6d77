import { fmt, makeFinding, notCheckable, roundsTo, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * Median survival vs survival at a horizon vs total deaths (relations on the median: `denominator` (n),
 * `events` (deaths), `survivalAt` (S(h) in percent), `horizon` (years), `minFollowUp` (years)). With no
 * censoring before the horizon (every patient followed longer), S(h) = (n − d_h)/n, which fixes the deaths
 * by h. The KM curve falls below 0.5 only through deaths after h; the check computes how many are needed:
 * without censoring, k ≥ n·S(h) − n/2; with the most favourable censoring, one death at a risk set
 * r ≤ 1/(1 − 0.5/S(h)). If the reported deaths leave none after h, a median beyond h is impossible — under
 * the assumption that the printed deaths are all the deaths, and that the minimum follow-up means nobody
 * was censored before the horizon: a conditional finding, with that assumption printed.
 *
 * Reference: Kaplan & Meier (1958); product-limit algebra. R: survfit(). SPSS: KM. Cost: O(n).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkKmFeasibility(registry, "abs.median-survival").class
 * // "conditional" (23 deaths all within one year; S stays at 32/55 = 0.5818)
 */
export function checkKmFeasibility(registry: Registry, medianId: string): AuditFinding {
  const median = registry.get(medianId);
  const rel = median.relations ?? {};
  if (!rel.denominator || !rel.events || !rel.survivalAt || !rel.horizon)
    return notCheckable(
      registry,
      "km-feasibility",
      [medianId],
      `${entryLabel(median)}: needs n (denominator), events, survivalAt and horizon.`,
    );
  const n = registry.get(rel.denominator).number;
  const deaths = registry.get(rel.events).number;
  const sEntry = registry.get(rel.survivalAt);
  const horizonYears = registry.get(rel.horizon).number;
  const horizonMonths = 12 * horizonYears;
  const minFollowUp = rel.minFollowUp ? registry.get(rel.minFollowUp).number : 0;
  const deathsByHorizon: number[] = [];
  for (let d = 0; d <= n; d++) if (roundsTo((100 * (n - d)) / n, sEntry)) deathsByHorizon.push(d);
  const all = [
    medianId,
    rel.survivalAt,
    rel.events,
    rel.denominator,
    rel.horizon,
    ...(rel.minFollowUp ? [rel.minFollowUp] : []),
  ];
  const noCensoring = minFollowUp >= horizonYears;
  if (deathsByHorizon.length === 0 || !noCensoring) {
    const why =
      deathsByHorizon.length === 0
        ? `no integer d gives 100·(${n} − d)/${n} = ${sEntry.value}%: censoring before ${horizonMonths} months must ` +
          `have occurred, so the deaths by the horizon are not fixed.`
        : `patients may be censored before ${horizonMonths} months, so S(${horizonMonths} mo) does not fix the deaths.`;
    return makeFinding(registry, {
      check: "km-feasibility",
      ids: all,
      verdict: "not checkable",
      headline: why,
      explanation: why,
    });
  }
  const dH = deathsByHorizon[0];
  const atRisk = n - dH;
  const sH = atRisk / n;
  const after = deaths - dH;
  const kNoCensoring = Math.max(0, Math.ceil(atRisk - n / 2));
  const rMax = Math.floor(1 / (1 - 0.5 / sH));
  const medianBeyond = median.number > horizonMonths;
  const possible = !medianBeyond || after >= 1 || sH <= 0.5;
  const evidence =
    `S(${horizonMonths} mo) = ${sEntry.value}% = ${atRisk}/${n} → ${dH} deaths by ${horizonMonths} months; ` +
    `${deaths} deaths in total leave ${after} after; KM stays at ${fmt(sH, 4)} > 0.5 without further deaths, so ` +
    `a median of ${median.value} months ${possible ? "is possible" : "cannot be reached"}`;
  const assumption =
    `the ${deaths} deaths are all the deaths in follow-up, and "follow-up > ${minFollowUp} year" means no patient ` +
    `was censored before ${horizonMonths} months`;
  return makeFinding(registry, {
    check: "km-feasibility",
    ids: all,
    verdict: possible ? "passes" : "finding",
    class: "conditional",
    assumption,
    headline: possible
      ? `median ${median.value} months is possible with ${deaths} deaths and S(${horizonMonths} mo) = ${sEntry.value}%`
      : `median survival ${median.value} months needs deaths after ${horizonMonths} months that are never reported: ` +
        `${deaths} deaths and S(${horizonMonths} mo) = ${sEntry.value}% leave none`,
    evidence,
    recomputed: {
      deathsByHorizon: dH,
      survivalAtHorizon: sH,
      deathsAfterHorizon: after,
      extraDeathsNeededWithoutCensoring: kNoCensoring,
      maxRiskSetForOneDeath: rMax,
    },
    explanation:
      `Follow-up > ${minFollowUp} year for all, so no censoring before ${horizonMonths} months and ${evidence}. ` +
      `To reach S ≤ 0.5: without censoring ≥ ${kNoCensoring} more deaths ((${atRisk} − ${kNoCensoring})/${n} = ` +
      `${fmt((atRisk - kNoCensoring) / n, 4)}); with censoring at least 1 more death, occurring when ≤ ${rMax} ` +
      `patients remain at risk (${fmt(sH, 4)}·(1 − 1/${rMax}) = ${fmt(sH * (1 - 1 / rMax), 4)} ≤ 0.5), i.e. ≥ ` +
      `${atRisk - rMax} of the ${atRisk} survivors at ${horizonMonths} months censored before it.` +
      (possible
        ? ""
        : ` The counts cohere only if "${deaths} died" means died within ${horizonMonths} months and ≥ 1 further ` +
          `death (≥ ${kNoCensoring} without censoring) went unreported.`),
  });
}
