import type { Review } from "./scorecard-review";

/**
 * The reviewer's summary as the JSON text notebook 07 writes to reports/review.json (two-space indent,
 * final newline; byte-identical for the same inputs). The report's index page and the README's status
 * lines are generated from this JSON. Cost: O(size).
 *
 * @example
 * const review = shippedReview(); // the shipped synthetic cohort's summary
 * JSON.parse(reviewToJson(review)).audit.findings[0].severity // "critical"
 */
export function reviewToJson(review: Review): string {
  return `${JSON.stringify(review, null, 2)}\n`;
}
