import type { ScorecardCounts } from "../../lib/figures/scorecard-figure";
import { REPRODUCTION_VERDICTS } from "./scorecard";
import type { Scorecard } from "./scorecard";

/**
 * A scorecard's reproduction verdicts by section in the shape scorecardFigure draws: one category per
 * verdict (exact, within rounding, differs, not computable — context labels are not counted), one bar
 * per section. Cost: O(sections × verdicts).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(loadRegistry()));
 * scorecardCounts(card).categories
 * // ["exact (by construction)", "within rounding", "differs", "not computable"] (data/cohort.csv is synthetic)
 */
export function scorecardCounts(card: Scorecard): ScorecardCounts {
  const categories = REPRODUCTION_VERDICTS.filter((v) => v !== "context label");
  return {
    categories: categories.map((c) => (c === "exact" && card.synthetic ? "exact (by construction)" : c)),
    sections: Object.entries(card.bySection)
      .filter(([, counts]) => categories.some((c) => counts[c] > 0))
      .map(([label, counts]) => ({ label, counts: categories.map((c) => counts[c]) })),
  };
}
