import { makeFinding, roundsTo, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/** Ids the inclusion-vs-outcome flag reads. */
export interface InclusionOutcomeIds {
  readonly minFollowUp: string;
  readonly expectedSurvivalMin: string;
  readonly n: string;
  readonly survivalAtHorizon: string;
  readonly horizon: string;
  readonly exclusionStatement: string;
}

/**
 * Inclusion criteria at odds with the outcome: "follow-up > 1 year" and "expected survival > 3 months"
 * are conditions on the future; read literally, nobody could die within the year the outcome is about.
 * Deaths by the horizon are recovered from S(horizon). Excluding patients who "died from other reasons"
 * also conditions on the outcome (competing risk removed by selection).
 *
 * Reference: Hernán, Sauer et al. (2016) J Clin Epidemiol 79:70 (time zero, eligibility and follow-up
 * aligned). Cost: O(n).
 *
 * A design concern, graded major.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * flagInclusionVsOutcome(registry, ids).class // "design concern" (23 deaths within the year)
 */
export function flagInclusionVsOutcome(registry: Registry, ids: InclusionOutcomeIds): AuditFinding {
  const fu = registry.get(ids.minFollowUp);
  const exp = registry.get(ids.expectedSurvivalMin);
  const n = registry.get(ids.n).number;
  const s = registry.get(ids.survivalAtHorizon);
  const h = registry.get(ids.horizon).number;
  const excl = registry.statement(ids.exclusionStatement);
  let deathsByHorizon = -1;
  for (let d = 0; d <= n && deathsByHorizon < 0; d++) if (roundsTo((100 * (n - d)) / n, s)) deathsByHorizon = d;
  const clash = fu.number >= h && deathsByHorizon > 0;
  const text =
    `Inclusion requires "${fu.locator.quote}" (> ${fu.value} year) and "${exp.locator.quote}" (> ${exp.value} ` +
    `months), yet S(${h} y) = ${s.value}% means ${deathsByHorizon} of ${n} died within ${h} year: ` +
    (clash
      ? "eligibility conditions on the future (follow-up must mean the observation window, or survivors were selected)"
      : "no clash") +
    `. Exclusion "${excl.quote}" (§${excl.section}) also removes competing deaths by selection`;
  return makeFinding(registry, {
    check: "flag-inclusion-vs-outcome",
    ids: [ids.minFollowUp, ids.expectedSurvivalMin, ids.survivalAtHorizon, ids.n, ids.exclusionStatement],
    verdict: clash ? "finding" : "passes",
    class: "design concern",
    severity: "major",
    where: `${sectionOf(fu.locator.section)} (inclusion criteria)`,
    headline: clash
      ? `inclusion requires follow-up > ${fu.value} year and expected survival > ${exp.value} months, yet ` +
        `${deathsByHorizon} of ${n} died within ${h} year: eligibility conditions on the outcome`
      : "inclusion criteria do not condition on the outcome",
    evidence:
      `S(${h} y) = ${s.value}% = ${n - deathsByHorizon}/${n} → ${deathsByHorizon} deaths within ${h} year, which ` +
      `"follow-up > ${fu.value} year" read literally excludes`,
    recomputed: { deathsByHorizon, minFollowUpYears: fu.number, horizonYears: h },
    explanation: `${text}.`,
  });
}
