import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { binomCdf, binomPmf, chisqUpper } from "../distributions";
import { checkChoice, checkCountTable } from "./internal/validate";

/** Options of {@link mcnemarTest}. */
export interface McNemarTestOptions {
  /**
   * "corrected": (|b − c| − 1)² / (b + c), R's mcnemar.test default; "asymptotic": (b − c)² / (b + c);
   * "exact": two-sided binomial test of b given b + c (SPSS CROSSTABS McNemar, "Binomial distribution
   * used"); "mid-p": exact p minus the probability of the observed b (Fagerland, Lydersen & Laake 2013).
   * Default: "exact" under convention "spss", "corrected" under "r".
   */
  readonly method?: "corrected" | "asymptotic" | "exact" | "mid-p";
  readonly convention?: "spss" | "r";
}

/** Details of {@link mcnemarTest}. */
export interface McNemarDetails {
  /** The discordant cells [b, c]. */
  readonly discordant: readonly [number, number];
  /** b + c. */
  readonly discordantTotal: number;
}

/**
 * McNemar's test of marginal homogeneity for a paired 2×2 table [[a, b], [c, d]] (rows: first
 * measurement, columns: second). Only the discordant cells b and c matter.
 *
 * `statistic` is McNemar's χ² whatever the method, as R's mcnemar.test: (|b − c| − 1)² / (b + c) for
 * "corrected", (b − c)² / (b + c) otherwise. For "exact" and "mid-p" it is shown for reference (df
 * null): their p comes from b ~ Binomial(b + c, ½), with b and c in `details.discordant`.
 *
 * Reference: McNemar Q (1947) Psychometrika 12:153; Fagerland MW, Lydersen S, Laake P (2013) BMC Med Res
 * Methodol 13:91 (mid-p). R: stats::mcnemar.test(x, correct = TRUE); exact: binom.test(b, b + c).
 * SPSS 27: CROSSTABS /STATISTICS=MCNEMAR (exact binomial for 2×2).
 * Cost: O(min(b, c)).
 *
 * @example
 * // Paper Table 3 as a paired table: b = 8, c = 2
 * mcnemarTest([[15, 8], [2, 30]], { method: "corrected" }).statistic // 2.5 (= (|8 − 2| − 1)² / 10)
 * mcnemarTest([[15, 8], [2, 30]], { method: "exact" }).pValue // 0.109375 (= 2·P(X ≤ 2), X ~ Bin(10, ½))
 */
export function mcnemarTest(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: McNemarTestOptions = {},
): StatResult<McNemarDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const method = checkChoice(
    options.method,
    ["corrected", "asymptotic", "exact", "mid-p"] as const,
    convention === "r" ? "corrected" : "exact",
    "options.method",
  );
  const t = checkCountTable(table, "table", { minRows: 2, minCols: 2, square: true });
  if (t.rows !== 2) {
    throw new InputError(
      `McNemar's test needs a 2×2 table, got ${t.rows}×${t.rows}; use bowkerTest (symmetry) or ` +
        `stuartMaxwellTest (marginal homogeneity)`,
      { field: "table" },
    );
  }
  const b = t.counts[1];
  const c = t.counts[2];
  const m = b + c;
  const warnings: string[] = [];
  const details: McNemarDetails = { discordant: [b, c], discordantTotal: m };
  if (m === 0) warnings.push("no discordant pairs (b + c = 0): the test is undefined");
  if (method === "exact" || method === "mid-p") {
    const k = Math.min(b, c);
    const tail = m === 0 ? 1 : binomCdf(k, m, 0.5);
    const exact = Math.min(1, 2 * tail);
    const p = method === "exact" ? exact : m === 0 ? 1 : Math.min(1, 2 * tail - binomPmf(k, m, 0.5));
    return statResult({
      test: "mcnemar",
      method: method === "exact" ? "McNemar's exact (binomial) test" : "McNemar's mid-p test",
      convention:
        method === "exact"
          ? convention === "r"
            ? "R stats::binom.test(b, b + c, 0.5)"
            : "SPSS 27 CROSSTABS McNemar (binomial distribution used)"
          : "mid-p = 2·P(X ≤ min(b, c)) − P(X = min(b, c)), X ~ Bin(b + c, 1/2) (Fagerland et al. 2013)",
      statisticName: "McNemar's chi-squared",
      statistic: m === 0 ? NaN : ((b - c) * (b - c)) / m,
      pValue: p,
      alternative: "two-sided",
      n: t.n,
      warnings,
      details,
    });
  }
  const correct = method === "corrected";
  const d = correct ? Math.abs(b - c) - 1 : b - c;
  const x2 = m === 0 ? NaN : (d * d) / m;
  return statResult({
    test: "mcnemar",
    method: correct ? "McNemar's chi-square test with continuity correction" : "McNemar's chi-square test",
    convention: `R stats::mcnemar.test(correct = ${correct ? "TRUE" : "FALSE"})`,
    statisticName: "McNemar's chi-squared",
    statistic: x2,
    df: 1,
    pValue: Number.isNaN(x2) ? NaN : chisqUpper(x2, 1),
    alternative: "two-sided",
    n: t.n,
    warnings,
    details,
  });
}
