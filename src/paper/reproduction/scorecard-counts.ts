import type { ScorecardCounts } from "../../lib/figures/scorecard-figure";
import type { Scorecard } from "./scorecard";

/**
 * A scorecard's counts by section in the shape scorecardFigure draws: one category per status (in
 * the scorecard's order), one bar per section. Statuses that cannot occur on this study are left out:
 * "reproduced (synthetic by construction)" on your own data, plain "reproduced" on the synthetic cohort,
 * "not computable on this cohort" when nothing was. Cost: O(sections × statuses).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(loadRegistry()));
 * scorecardCounts(card).categories[0] // "reproduced"
 */
export function scorecardCounts(card: Scorecard): ScorecardCounts {
  const categories = Object.keys(card.counts).filter(
    (c) =>
      !(c === "reproduced (synthetic by construction)" && !card.synthetic) &&
      !(c === "reproduced" && card.synthetic) &&
      !(c === "not computable on this cohort" && (card.counts as Record<string, number>)[c] === 0),
  );
  return {
    categories,
    sections: Object.entries(card.bySection).map(([label, counts]) => ({
      label,
      counts: categories.map((c) => (counts as Record<string, number>)[c] ?? 0),
    })),
  };
}
