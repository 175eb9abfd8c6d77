import type { Scorecard } from "./scorecard";

/**
 * The scorecard as the JSON file the notebooks write to reports/scorecard.json:
 * `{ synthetic, counts: { status: n }, bySection, rows }`, two-space indented with a final newline
 * (`npm run reproduce` prints the counts). Deterministic for the same scorecard. Cost: O(rows).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(loadRegistry()));
 * JSON.parse(scorecardToJson(card)).counts["not reproducible from the data"] // 54
 */
export function scorecardToJson(card: Scorecard): string {
  const { synthetic, counts, bySection, rows } = card;
  return `${JSON.stringify({ synthetic, counts, bySection, rows }, null, 2)}\n`;
}
