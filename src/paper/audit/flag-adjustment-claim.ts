import { makeFinding, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * A claim of adjustment vs the model shown: counts the covariates the text says were "adjusted for"
 * (the comma-separated list in parentheses) and compares with the terms of the printed model.
 *
 * Reference: reporting guideline STROBE item 16a. Cost: O(length of the statement).
 *
 * A reporting finding (the adjusted model is not shown), graded minor.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * flagAdjustmentClaim(registry, "stmt.adjusted-covariates", ["t6.visceral.b", "t6.bma.b"]).class
 * // "reporting" (6 claimed, 2 shown)
 */
export function flagAdjustmentClaim(
  registry: Registry,
  statementId: string,
  coefficientIds: readonly string[],
): AuditFinding {
  const st = registry.statement(statementId);
  const list = /\(e\.g\.,?\s*([^)]*)\)/.exec(st.quote)?.[1] ?? "";
  const claimed = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const shown = coefficientIds.map((id) => registry.get(id).locator.row ?? id);
  const flagged = claimed.length > shown.length;
  const text =
    `§${st.section} says "${st.quote}" — ${claimed.length} covariates (${claimed.join("; ")}); the printed ` +
    `model has ${shown.length} term(s): ${shown.join("; ")}.` +
    (flagged ? " The adjusted model is not shown, or the claim is wrong." : "");
  return makeFinding(registry, {
    check: "flag-adjustment-claim",
    ids: [statementId, ...coefficientIds],
    verdict: flagged ? "finding" : "passes",
    class: "reporting",
    severity: "minor",
    where: `§${st.section} and ${sectionOf(registry.get(coefficientIds[0]).locator.section)}`,
    headline: flagged
      ? `§${st.section} claims adjustment for ${claimed.length} covariates; the printed model has ${shown.length} terms`
      : "the adjustment claim matches the printed model",
    evidence: `claimed: ${claimed.join("; ")}; printed model: ${shown.join("; ")}`,
    recomputed: { claimed: claimed.length, shown: shown.length },
    explanation: text,
  });
}
