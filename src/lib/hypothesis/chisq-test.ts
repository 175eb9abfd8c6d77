import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { emptyMarginWarning, expectedCounts, smallExpected } from "./internal/expected";
import { checkChoice, checkCountTable, toRows, type CountTable } from "./internal/validate";

/** Options of {@link chisqTest}. */
export interface ChisqTestOptions {
  /**
   * Whose defaults to follow: "spss" (SPSS 27 CROSSTABS "Pearson Chi-Square" row: no continuity
   * correction) or "r" (stats::chisq.test: Yates' correction on 2×2 tables by default). Default "spss",
   * the software the paper used.
   */
  readonly convention?: "spss" | "r";
  /**
   * Apply Yates' continuity correction (2×2 tables only, as both R and SPSS do). Default: false under "spss", true
   * under "r".
   */
  readonly correct?: boolean;
}

/** Details of {@link chisqTest}. */
export interface ChisqDetails {
  readonly observed: readonly (readonly number[])[];
  /** Expected counts under independence, row by row (R `chisq.test(x)$expected`). */
  readonly expected: readonly (readonly number[])[];
  readonly yatesApplied: boolean;
  /** Amount subtracted from each |O − E| by Yates' correction (0 when not applied). */
  readonly yatesShift: number;
  /** SPSS footnote a: cells with expected count below 5, their percentage and the minimum expected count. */
  readonly cellsBelow5: number;
  readonly percentCellsBelow5: number;
  readonly minExpected: number;
}

/**
 * Pearson's chi-square test of independence for an r × c table of counts, optionally with Yates'
 * continuity correction on 2×2 tables. Yates follows R: each |O − E| is reduced by min(0.5, |O − E|),
 * so the corrected statistic is 0 when |ad − bc| < n/2 — which is also what SPSS's "Continuity
 * Correction" row prints, so both conventions agree on the corrected value. Cells with E < 5 give an
 * SPSS-style warning ("n cells (x%) have expected count less than 5. The minimum expected count is y.").
 *
 * Reference: Agresti A. Categorical Data Analysis, 3rd ed. (2013), §3.2; Yates F (1934) JRSS Suppl 1:217.
 * R: stats::chisq.test(x, correct = TRUE). SPSS 27: CROSSTABS /STATISTICS=CHISQ (Pearson Chi-Square,
 * and Continuity Correction for 2×2).
 * Cost: O(r·c).
 *
 * @example
 * // Paper Table 3 (Frankel before × after, abnormal/normal): 55 · (15·30 − 8·2)² / (23·32·17·38)
 * chisqTest([[15, 8], [2, 30]]).statistic // 21.788724929331 (the paper's χ² = 21.79)
 */
export function chisqTest(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: ChisqTestOptions = {},
): StatResult<ChisqDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const correct = options.correct ?? convention === "r";
  if (typeof correct !== "boolean")
    throw new InputError("must be true or false", { field: "options.correct", value: correct });
  const t = checkCountTable(table, "table");
  return pearsonKernel(t, correct, convention);
}

function pearsonKernel(t: CountTable, correct: boolean, convention: "spss" | "r"): StatResult<ChisqDetails> {
  const expected = expectedCounts(t);
  const is2x2 = t.rows === 2 && t.cols === 2;
  const yates = correct && is2x2;
  let yatesShift = 0;
  if (yates) {
    // R: YATES <- min(0.5, abs(x - E)); in a 2×2 table every |O − E| equals |ad − bc| / n.
    yatesShift = Math.min(0.5, Math.abs(t.counts[0] - expected[0]));
  }
  let x2 = 0;
  for (let k = 0; k < expected.length; k++) {
    const d = Math.abs(t.counts[k] - expected[k]) - yatesShift;
    x2 += (d * d) / expected[k];
  }
  const df = (t.rows - 1) * (t.cols - 1);
  const small = smallExpected(expected);
  const warnings: string[] = [];
  const empty = emptyMarginWarning(t);
  if (empty) warnings.push(empty);
  if (small.warning) warnings.push(small.warning);
  const conventionText =
    convention === "r"
      ? `R stats::chisq.test(correct = ${correct ? "TRUE" : "FALSE"})`
      : yates
        ? "SPSS 27 CROSSTABS (Continuity Correction, 2×2 only)"
        : "SPSS 27 CROSSTABS (Pearson, no continuity correction)";
  return statResult({
    test: "pearson-chisq",
    method: yates
      ? "Pearson's chi-square test with Yates' continuity correction"
      : "Pearson's chi-square test of independence",
    convention: conventionText,
    statisticName: "X-squared",
    statistic: x2,
    df,
    pValue: Number.isNaN(x2) ? NaN : chisqUpper(x2, df),
    n: t.n,
    warnings,
    details: {
      observed: toRows(t.counts, t.rows, t.cols),
      expected: toRows(expected, t.rows, t.cols),
      yatesApplied: yates,
      yatesShift,
      cellsBelow5: small.cellsBelow5,
      percentCellsBelow5: small.percentBelow5,
      minExpected: small.minExpected,
    },
  });
}
