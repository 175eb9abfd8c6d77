import { fmt, makeFinding, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";
import { binomUpper } from "../../lib/distributions";

/**
 * Multiplicity of univariate screening: with m factors tested at α, m·α false positives are expected
 * under the global null; P(≥ s significant | all null) = P(Binomial(m, α) ≥ s) (independent tests);
 * Bonferroni threshold α/m; Holm step-down on the reported p-values. Flags when none of the reported
 * significant factors survives Holm: a design concern, graded major.
 *
 * Reference: Holm (1979); Bland & Altman (1995) BMJ 310:170. R: p.adjust(p, "holm", n = m). Cost: O(s log s).
 *
 * @example
 * const printed = ["t4.odi-1m.p", "t5.visceral.p", "t5.bma.p"];
 * flagMultipleTesting(loadRegistry(), "s4.4.univariate-factors.count", "s3.alpha", printed).recomputed
 *   .expectedFalsePositives // 2.15
 */
export function flagMultipleTesting(
  registry: Registry,
  testsId: string,
  alphaId: string,
  significantPIds: readonly string[],
): AuditFinding {
  const m = registry.get(testsId).number;
  const alpha = registry.get(alphaId).number;
  const ps = significantPIds.map((id) => registry.get(id).number).sort((a, b) => a - b);
  const significant = ps.filter((p) => p < alpha).length;
  const expected = m * alpha;
  const pAtLeast = binomUpper(significant, m, alpha);
  const bonferroni = alpha / m;
  // Holm: the k-th smallest p is compared with α/(m − k); unreported p-values are larger than these.
  let holmSurvivors = 0;
  for (let k = 0; k < ps.length && ps[k] <= alpha / (m - k); k++) holmSurvivors++;
  const flagged = holmSurvivors === 0 && significant > 0;
  const text =
    `${m} univariate factors at α = ${alpha}: ${m} × ${alpha} = ${fmt(expected, 2)} false positives expected ` +
    `if none mattered; ${significant} observed (p = ${ps.join(", ")}); ` +
    `P(Binomial(${m}, ${alpha}) ≥ ${significant}) = ${fmt(pAtLeast, 3)}. Bonferroni threshold ${alpha}/${m} ` +
    `= ${fmt(bonferroni, 5)}; ${holmSurvivors} factor(s) survive Holm`;
  return makeFinding(registry, {
    check: "flag-multiple-testing",
    ids: [testsId, alphaId, ...significantPIds],
    verdict: flagged ? "finding" : "passes",
    class: "design concern",
    severity: "major",
    where: [...new Set(significantPIds.map((id) => sectionOf(registry.get(id).locator.section)))].join(", "),
    headline: flagged
      ? `${significant} of ${m} screened factors significant where ${fmt(expected, 2)} are expected by chance; none ` +
        `survives Holm's correction`
      : `${holmSurvivors} factor(s) survive Holm's correction`,
    evidence:
      `${m} × ${alpha} = ${fmt(expected, 2)} expected false positives; P(≥ ${significant}) = ${fmt(pAtLeast, 3)}; ` +
      `smallest p ${ps[0]} > Holm threshold ${alpha}/${m} = ${fmt(alpha / m, 5)}`,
    recomputed: {
      tests: m,
      alpha,
      significant,
      expectedFalsePositives: expected,
      pAtLeastObserved: pAtLeast,
      bonferroniThreshold: bonferroni,
      holmSurvivors,
    },
    explanation: `${text}.`,
  });
}
