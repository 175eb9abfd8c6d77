import { makeFinding, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

const AFTER_TIME_ZERO = /post-?operative|after surgery|post-surgery/i;

/**
 * Immortal-time bias: a covariate that is defined after time zero (here: given "postoperative") used as
 * a baseline predictor of survival from surgery. Patients must survive long enough to receive it, so it
 * looks protective. Flags each model term whose row label says it happens after surgery.
 *
 * Reference: Suissa (2008) Am J Epidemiol 167:492; Lévesque et al. (2010) BMJ 340:b5087. R fix:
 * survival::tmerge() time-dependent covariate or a landmark analysis. Cost: O(terms).
 *
 * A flagged term is a design concern, graded major: the bias favours the treated group in the main model.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * flagPostBaselineCovariate(registry, ["t6.visceral.b", "t6.bma.b"], "stmt.time-zero").class
 * // "design concern"
 */
export function flagPostBaselineCovariate(
  registry: Registry,
  coefficientIds: readonly string[],
  timeZeroStatementId: string,
): AuditFinding {
  const timeZero = registry.statement(timeZeroStatementId);
  const flagged = coefficientIds.filter((id) => AFTER_TIME_ZERO.test(registry.get(id).locator.row ?? ""));
  const rows = flagged.map((id) => `"${registry.get(id).locator.row}" (B = ${registry.get(id).value})`);
  const where = flagged.map((id) => `${sectionOf(registry.get(id).locator.section)}, ${registry.get(id).locator.row}`);
  const text =
    flagged.length > 0
      ? `Time zero: "${timeZero.quote}" (§${timeZero.section}); yet ${rows.join(", ")} is a baseline predictor ` +
        `of survival although it is given after surgery: immortal-time bias (a patient must live to receive it), ` +
        `which favours the treated group. Use a time-dependent covariate or a landmark.`
      : `No model term is defined after time zero ("${timeZero.quote}").`;
  return makeFinding(registry, {
    check: "flag-post-baseline-covariate",
    ids: [...coefficientIds, timeZeroStatementId],
    verdict: flagged.length > 0 ? "finding" : "passes",
    class: "design concern",
    severity: "major",
    where: where.join("; ") || undefined,
    headline:
      flagged.length > 0
        ? `${flagged.map((id) => registry.get(id).locator.row).join(", ")}, given after surgery, is a baseline ` +
          `covariate of survival from surgery: immortal-time bias`
        : "no model term is defined after time zero",
    evidence:
      flagged.length > 0
        ? `time zero = surgery (§${timeZero.section}); ${rows.join(", ")} can only be received by patients who live ` +
          `long enough, so it looks protective`
        : text,
    recomputed: { flagged },
    explanation: text,
  });
}
