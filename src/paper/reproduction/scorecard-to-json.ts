import type { Scorecard } from "./scorecard";

/**
 * The scorecard as the JSON file the notebooks write to reports/scorecard.json:
 * `{ synthetic, registered, counted, counts: { verdict: n }, bySection, rows }` (reproduction verdicts;
 * each row lists its audit findings), two-space indented with a final newline. Deterministic for the same
 * scorecard. Cost: O(rows).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(registry), { registry });
 * JSON.parse(scorecardToJson(card)).counts["context label"] // 53 (entries of data/published.json with a context)
 */
export function scorecardToJson(card: Scorecard): string {
  const { synthetic, registered, counted, counts, bySection, rows } = card;
  return `${JSON.stringify({ synthetic, registered, counted, counts, bySection, rows }, null, 2)}\n`;
}
