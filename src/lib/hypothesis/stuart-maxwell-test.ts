import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { quadraticFormPinv } from "./internal/pseudo-inverse";
import { checkCountTable, toRows } from "./internal/validate";

/** Details of {@link stuartMaxwellTest}. */
export interface StuartMaxwellDetails {
  readonly observed: readonly (readonly number[])[];
  /** Row margin minus column margin, per category. */
  readonly marginalDifferences: readonly number[];
  /** Their covariance matrix under marginal homogeneity. */
  readonly covariance: readonly (readonly number[])[];
}

/**
 * Stuart–Maxwell test of marginal homogeneity for a paired k × k table (row margins = column
 * margins), e.g. Frankel grade before × after. With d = row sums − column sums and
 * V_ii = r_i + c_i − 2 n_ii, V_ij = −(n_ij + n_ji), X² = d' V⁻ d with df = rank(V). The classic form
 * drops one category and inverts the (k − 1) × (k − 1) block; that V is singular when a category
 * has all its counts on the diagonal or is empty, or when categories never exchange subjects. The
 * Moore–Penrose generalized inverse of the full V gives the classic value when it exists and the
 * right test otherwise (as coin::mh_test); a warning says so whenever rank(V) < k − 1.
 *
 * Reference: Stuart A (1955) Biometrika 42:412; Maxwell AE (1970) Br J Psychiatry 116:651; Agresti (2013) §11.3.
 * R: coin::mh_test(table) (asymptotic). SPSS 27: not in CROSSTABS; NPTESTS /RELATED MARGINAL_HOMOGENEITY
 * is a different (ordinal-score) test.
 * Cost: O(k³).
 *
 * @example
 * const r = stuartMaxwellTest([[0,0,0,0,0],[0,1,1,3,2],[0,0,0,3,1],[0,0,0,7,5],[1,1,0,1,30]]);
 * r.statistic // 8.3333
 * r.df // 4
 * r.pValue // 0.0801
 */
export function stuartMaxwellTest(table: ReadonlyArray<ReadonlyArray<number>>): StatResult<StuartMaxwellDetails> {
  const t = checkCountTable(table, "table", { square: true });
  const k = t.rows;
  const d = new Float64Array(k);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    d[i] = t.rowSums[i] - t.colSums[i];
    for (let j = 0; j < k; j++) {
      v[i * k + j] =
        i === j ? t.rowSums[i] + t.colSums[i] - 2 * t.counts[i * k + i] : -(t.counts[i * k + j] + t.counts[j * k + i]);
    }
  }
  const { value, rank } = quadraticFormPinv(v, d, k);
  const warnings: string[] = [];
  if (rank < k - 1) {
    warnings.push(
      `the covariance of the marginal differences is singular (rank ${rank} < k − 1 = ${k - 1}: a category is ` +
        `empty, entirely on the diagonal, or exchanges no subjects); generalized inverse used, df = ${rank}`,
    );
  }
  if (rank === 0) warnings.push("no off-diagonal counts: the test is undefined");
  return statResult({
    test: "stuart-maxwell",
    method: "Stuart–Maxwell test of marginal homogeneity",
    convention: "R coin::mh_test (asymptotic; generalized inverse, df = rank)",
    statisticName: "X-squared",
    statistic: rank === 0 ? NaN : value,
    df: rank,
    pValue: rank === 0 ? NaN : chisqUpper(value, rank),
    n: t.n,
    warnings,
    details: { observed: toRows(t.counts, k, k), marginalDifferences: Array.from(d), covariance: toRows(v, k, k) },
  });
}
