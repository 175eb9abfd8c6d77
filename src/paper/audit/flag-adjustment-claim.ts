import { makeFinding, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * A claim of adjustment vs the model shown: counts the covariates the text says were "adjusted for"
 * (the comma-separated list in parentheses) and compares with the terms of the printed model.
 *
 * Reference: reporting guideline STROBE item 16a. Cost: O(length of the statement).
 *
 * @example
 * flagAdjustmentClaim(loadRegistry(), "stmt.adjusted-covariates", ["t6.visceral.b", "t6.bma.b"]).verdict
 * // "inconsistent" (6 claimed, 2 shown)
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
  return makeFinding(
    "flag-adjustment-claim",
    [statementId, ...coefficientIds],
    flagged ? "inconsistent" : "consistent",
    { claimed: claimed.length, shown: shown.length },
    `§${st.section} says "${st.quote}" — ${claimed.length} covariates (${claimed.join("; ")}); the printed ` +
      `model has ${shown.length} term(s): ${shown.join("; ")}.` +
      (flagged ? " The adjusted model is not shown, or the claim is wrong." : ""),
  );
}
