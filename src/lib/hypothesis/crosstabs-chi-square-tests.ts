import type { StatResult } from "../core/result";
import { deepFreeze } from "../core/freeze";
import { chisqTest } from "./chisq-test";
import { fisherTest } from "./fisher-test";
import { likelihoodRatioTest } from "./likelihood-ratio-test";
import { linearByLinearTest } from "./linear-by-linear-test";

/**
 * The rows of SPSS's CROSSTABS "Chi-Square Tests" table for one r × c table, in SPSS's order:
 * Pearson Chi-Square, Continuity Correction (2×2 only), Likelihood Ratio, Fisher's Exact Test
 * (2×2 only, as SPSS without the Exact Tests module), Linear-by-Linear Association. The expected-count
 * footnote is on the Pearson row's warnings. Render with core resultToHtml.
 *
 * Reference: IBM SPSS Statistics 27 Algorithms, CROSSTABS. R: chisq.test, fisher.test, coin::lbl_test.
 * Cost: O(r·c) (+ O(n) for Fisher on 2×2).
 *
 * @example
 * crosstabsChiSquareTests([[15, 4], [17, 19]]).map((r) => r.statistic?.toFixed(3))
 * // ["5.145", "3.923", "5.415", undefined, "5.051"]
 */
export function crosstabsChiSquareTests(table: ReadonlyArray<ReadonlyArray<number>>): readonly StatResult[] {
  const pearson = chisqTest(table, { convention: "spss", correct: false });
  const is2x2 = table.length === 2 && table[0].length === 2;
  const rows: StatResult[] = [pearson];
  if (is2x2) rows.push(chisqTest(table, { convention: "spss", correct: true }));
  rows.push(likelihoodRatioTest(table));
  if (is2x2) rows.push(fisherTest(table));
  rows.push(linearByLinearTest(table));
  return deepFreeze(rows);
}
