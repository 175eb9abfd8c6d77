import { cohortCodebook } from "./codebook";
import type { CohortLoadOptions } from "./cohort-row";
import { canonicalCsv } from "./internal/canonical-csv";
import { type CohortRowInput, validateCohortRows } from "./validate-cohort-rows";

/**
 * Writes patient rows as cohort CSV text in the codebook's column order: header line, one line per
 * row, LF line ends and a final newline; booleans as 0/1, missing as an empty cell, numbers in the
 * shortest decimal form with at most the variable's decimals (57.5, 84.44, 1060), cells quoted only
 * when needed. The rows are validated first ({@link validateCohortRows}; throws the first
 * InputError), so a written file always loads. Deterministic: same rows → byte-identical text, and
 * `parseCohortCsv(formatCohortCsv(rows)).rows` deep-equals the validated rows.
 *
 * R equivalent: `write.csv(df, row.names = FALSE, na = "")`; SPSS: SAVE TRANSLATE /TYPE=CSV.
 * Cost: O(n · columns).
 *
 * @example
 * const rows = loadCohort(resolveCohortPath({}).path).rows;
 * formatCohortCsv(rows).split("\n")[0].startsWith("patient_id,sex,age,") // true
 */
export function formatCohortCsv(
  rows: readonly CohortRowInput[],
  options: Pick<CohortLoadOptions, "source"> = {},
): string {
  const cohort = validateCohortRows(rows, { source: options.source });
  return canonicalCsv(
    cohort.rows as unknown as readonly Readonly<Record<string, string | number | boolean | null>>[],
    cohortCodebook().variables,
  );
}
