import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { checkCountTable, toRows } from "./internal/validate";

/** Details of {@link bowkerTest}. */
export interface BowkerDetails {
  readonly observed: readonly (readonly number[])[];
  /** Off-diagonal pairs used (= df). */
  readonly pairsUsed: number;
  /** Pairs (i, j), 0-based, with n_ij + n_ji = 0, skipped. */
  readonly skippedPairs: readonly (readonly [number, number])[];
}

/**
 * Bowker's test of symmetry for a paired k × k table (n_ij = n_ji for all i < j), e.g. Frankel grade
 * before × after surgery. X² = Σ_{i<j} (n_ij − n_ji)² / (n_ij + n_ji). Pairs with n_ij + n_ji = 0
 * carry no information and are skipped, df = number of pairs used (as SAS and Bowker do; R's
 * mcnemar.test returns NaN instead); a warning says how many were skipped. For k = 2 it is McNemar's
 * test without continuity correction.
 *
 * Reference: Bowker AH (1948) JASA 43:572. R: stats::mcnemar.test(x) for k > 2 (NaN when a pair is empty).
 * SPSS 27: CROSSTABS /STATISTICS=MCNEMAR prints "McNemar-Bowker Test" for k > 2.
 * Cost: O(k²).
 *
 * @example
 * // Paper Table 2 (Frankel A–E before × after): 7 of 10 pairs used
 * const r = bowkerTest([[0,0,0,0,0],[0,1,1,3,2],[0,0,0,3,1],[0,0,0,7,5],[1,1,0,1,30]]);
 * r.statistic // 12
 * r.df // 7
 * r.pValue // 0.1006
 */
export function bowkerTest(table: ReadonlyArray<ReadonlyArray<number>>): StatResult<BowkerDetails> {
  const t = checkCountTable(table, "table", { square: true });
  const k = t.rows;
  let x2 = 0;
  let df = 0;
  const skipped: [number, number][] = [];
  for (let i = 0; i < k - 1; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = t.counts[i * k + j];
      const b = t.counts[j * k + i];
      if (a + b === 0) {
        skipped.push([i, j]);
        continue;
      }
      x2 += ((a - b) * (a - b)) / (a + b);
      df++;
    }
  }
  const warnings: string[] = [];
  if (skipped.length > 0) {
    warnings.push(
      `${skipped.length} of ${(k * (k - 1)) / 2} off-diagonal pairs have n_ij + n_ji = 0 and were skipped; df = ${df}`,
    );
  }
  if (df === 0) warnings.push("no off-diagonal counts: the test is undefined");
  return statResult({
    test: "bowker",
    method: "Bowker's test of symmetry",
    convention:
      "Bowker (1948), empty pairs skipped; SPSS 27 CROSSTABS McNemar-Bowker; R stats::mcnemar.test when no " +
      "pair is empty",
    statisticName: "X-squared",
    statistic: df === 0 ? NaN : x2,
    df,
    pValue: df === 0 ? NaN : chisqUpper(x2, df),
    n: t.n,
    warnings,
    details: { observed: toRows(t.counts, k, k), pairsUsed: df, skippedPairs: skipped },
  });
}
