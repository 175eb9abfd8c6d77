import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { checkCountTable, checkSample } from "./internal/validate";

/** Details of {@link linearByLinearTest}. */
export interface LinearByLinearDetails {
  /** Pearson correlation r of the row and column scores (statistic = (N − 1)·r²). */
  readonly correlation: number;
  readonly rowScores: readonly number[];
  readonly colScores: readonly number[];
}

/**
 * Linear-by-linear association (Mantel–Haenszel trend) test for an r × c table with ordered rows and
 * columns: M² = (N − 1)·r², r the Pearson correlation of the row and column scores over the N
 * subjects, df = 1. On a 2 × k table it is the Cochran–Armitage test with the N − 1 variance.
 *
 * Reference: Agresti A. Categorical Data Analysis, 3rd ed. (2013), §3.4.1 (M² = (n − 1) r²).
 * R: coin::lbl_test (= M²). SPSS 27: CROSSTABS /STATISTICS=CHISQ "Linear-by-Linear Association"
 * (scores = category order 1, 2, …). Cost: O(r·c).
 *
 * @example
 * linearByLinearTest([[3, 1, 0], [1, 4, 2], [0, 2, 5]]).statistic // 8.673469
 */
export function linearByLinearTest(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: { rowScores?: ArrayLike<number>; colScores?: ArrayLike<number> } = {},
): StatResult<LinearByLinearDetails> {
  checkOptions(options);
  const t = checkCountTable(table, "table");
  const u =
    options.rowScores === undefined
      ? Float64Array.from({ length: t.rows }, (_, i) => i + 1)
      : checkSample(options.rowScores, "options.rowScores");
  const v =
    options.colScores === undefined
      ? Float64Array.from({ length: t.cols }, (_, j) => j + 1)
      : checkSample(options.colScores, "options.colScores");
  if (u.length !== t.rows)
    throw new InputError(`needs one score per row (${t.rows})`, {
      field: "options.rowScores",
      value: options.rowScores,
    });
  if (v.length !== t.cols)
    throw new InputError(`needs one score per column (${t.cols})`, {
      field: "options.colScores",
      value: options.colScores,
    });
  let uBar = 0;
  let vBar = 0;
  for (let i = 0; i < t.rows; i++) uBar += u[i] * t.rowSums[i];
  for (let j = 0; j < t.cols; j++) vBar += v[j] * t.colSums[j];
  uBar /= t.n;
  vBar /= t.n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < t.rows; i++) sxx += t.rowSums[i] * (u[i] - uBar) ** 2;
  for (let j = 0; j < t.cols; j++) syy += t.colSums[j] * (v[j] - vBar) ** 2;
  for (let i = 0; i < t.rows; i++)
    for (let j = 0; j < t.cols; j++) sxy += t.counts[i * t.cols + j] * (u[i] - uBar) * (v[j] - vBar);
  const r = sxy / Math.sqrt(sxx * syy);
  const m2 = (t.n - 1) * r * r;
  const warnings =
    sxx > 0 && syy > 0 ? [] : ["all subjects share one row or one column score: the correlation is undefined"];
  return statResult({
    test: "linear-by-linear",
    method: "Linear-by-linear association test",
    convention: "SPSS 27 CROSSTABS Linear-by-Linear Association ((N − 1)·r²) = R coin::lbl_test",
    statisticName: "M-squared",
    statistic: m2,
    df: 1,
    pValue: chisqUpper(m2, 1),
    n: t.n,
    warnings,
    details: { correlation: r, rowScores: Array.from(u), colScores: Array.from(v) },
  });
}
