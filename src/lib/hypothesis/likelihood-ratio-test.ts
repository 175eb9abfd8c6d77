import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { emptyMarginWarning, expectedCounts, smallExpected } from "./internal/expected";
import { checkCountTable, toRows } from "./internal/validate";

/** Details of {@link likelihoodRatioTest}. */
export interface LikelihoodRatioDetails {
  /** Expected counts under independence, row by row. */
  readonly expected: readonly (readonly number[])[];
  readonly cellsBelow5: number;
  readonly minExpected: number;
}

/**
 * Likelihood-ratio chi-square G² = 2 Σ O·ln(O/E) for independence in an r × c table (cells with
 * O = 0 contribute 0), df = (r − 1)(c − 1).
 *
 * Reference: Agresti A. Categorical Data Analysis, 3rd ed. (2013), §3.2.1.
 * SPSS 27: CROSSTABS /STATISTICS=CHISQ, row "Likelihood Ratio". R: no stats function; DescTools::GTest
 * (correct = "none") gives the same value.
 * Cost: O(r·c).
 *
 * @example
 * likelihoodRatioTest([[15, 8], [2, 30]]).statistic // 23.338019 (2 Σ O ln(O/E))
 */
export function likelihoodRatioTest(table: ReadonlyArray<ReadonlyArray<number>>): StatResult<LikelihoodRatioDetails> {
  const t = checkCountTable(table, "table");
  const expected = expectedCounts(t);
  let g2 = 0;
  for (let k = 0; k < expected.length; k++) {
    const o = t.counts[k];
    if (o > 0) g2 += o * Math.log(o / expected[k]);
  }
  g2 *= 2;
  const df = (t.rows - 1) * (t.cols - 1);
  const small = smallExpected(expected);
  const warnings = [emptyMarginWarning(t), small.warning].filter((w): w is string => w !== null);
  return statResult({
    test: "likelihood-ratio-chisq",
    method: "Likelihood-ratio chi-square test of independence (G²)",
    convention: "SPSS 27 CROSSTABS (Likelihood Ratio)",
    statisticName: "G-squared",
    statistic: g2,
    df,
    pValue: chisqUpper(g2, df),
    n: t.n,
    warnings,
    details: {
      expected: toRows(expected, t.rows, t.cols),
      cellsBelow5: small.cellsBelow5,
      minExpected: small.minExpected,
    },
  });
}
