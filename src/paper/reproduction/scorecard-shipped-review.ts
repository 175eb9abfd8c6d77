import { runAudit } from "../audit/run-audit";
import { loadRegistry } from "../audit/registry";
import { loadStudy } from "../study/load-study";
import { cohortTag } from "../study/cohort-tag";
import { scorecard } from "./scorecard";
import { type Review, scorecardReview } from "./scorecard-review";
import { reviewToJson } from "./scorecard-review-json";

/**
 * The reviewer's summary of the shipped synthetic cohort (data/cohort.csv, whatever COHORT_CSV says) and
 * data/published.json, read back from its JSON text — exactly what notebook 07 writes to
 * reports/review.json on a default run. The README's status lines are generated from it.
 * Cost: one audit and one scorecard (about a second).
 *
 * @example
 * shippedReview().reproduction.counts.exact // 249
 */
export function shippedReview(): Review {
  const { study } = loadStudy({});
  const registry = loadRegistry();
  const findings = runAudit(registry);
  const card = scorecard(study, findings, { registry });
  return JSON.parse(reviewToJson(scorecardReview(card, findings, registry, { dataLabel: cohortTag(study) }))) as Review;
}
