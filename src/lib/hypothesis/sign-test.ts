import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { binomCdf, normalCdf } from "../distributions";
import { checkAlternative, checkChoice, checkSameLength, checkSample } from "./internal/validate";
import { InputError } from "../core/errors";
import { checkOptions } from "../core/check-options";

/** Options of {@link signTest}. */
export interface SignTestOptions {
  readonly convention?: "spss" | "r";
  readonly alternative?: Alternative;
}

/** Details of {@link signTest}. */
export interface SignTestDetails {
  readonly positive: number;
  readonly negative: number;
  /** Zero differences, dropped. */
  readonly ties: number;
  /** SPSS's Z = (min(n+, n−) + 0.5 − n/2) / (0.5·sqrt(n)), continuity-corrected; SPSS prints it for n > 25. */
  readonly zSpss: number;
}

/**
 * Sign test of paired data x − y (zero differences dropped): the number of positive differences is
 * Binomial(n, 1/2) under the null. "r": exact binomial always (stats::binom.test). "spss" (default):
 * SPSS 27 NPAR TESTS /SIGN — exact binomial "Exact Sig. (2-tailed)" = 2 × one-tailed when n ≤ 25,
 * otherwise the normal approximation with continuity correction. `statistic` is the number of positive
 * differences (R binom.test's "number of successes") under both conventions; SPSS's Z is `details.zSpss`.
 *
 * Reference: Conover WJ. Practical Nonparametric Statistics, 3rd ed. (1999) §3.4; SPSS Algorithms (NPAR TESTS, Sign
 * test).
 * R: stats::binom.test(sum(d > 0), sum(d != 0), 0.5). SPSS 27: NPAR TESTS /SIGN = a WITH b (PAIRED).
 * Cost: O(n).
 *
 * @example
 * signTest([5, 6, 7, 3, 8, 5], [1, 2, 0, 3, 1, 6]).pValue // 0.375 (4 positive, 1 negative: 2·P(X ≤ 1), X ~ Bin(5, ½))
 */
export function signTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: SignTestOptions = {},
): StatResult<SignTestDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const xs = checkSample(x, "x", 1);
  const ys = checkSample(y, "y", 1);
  checkSameLength(x, y, "x", "y");
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > ys[i]) pos++;
    else if (xs[i] < ys[i]) neg++;
  }
  const n = pos + neg;
  if (n === 0) throw new InputError("all differences are zero: the sign test is undefined", { field: "x − y" });
  const lowerP = binomCdf(pos, n, 0.5); // P(X ≤ pos)
  const upperP = pos === 0 ? 1 : 1 - binomCdf(pos - 1, n, 0.5); // P(X ≥ pos)
  const exactP =
    alternative === "less"
      ? lowerP
      : alternative === "greater"
        ? upperP
        : Math.min(1, 2 * binomCdf(Math.min(pos, neg), n, 0.5));
  const z = (Math.min(pos, neg) + 0.5 - n / 2) / (0.5 * Math.sqrt(n));
  const details: SignTestDetails = { positive: pos, negative: neg, ties: xs.length - n, zSpss: z };
  const useNormal = convention === "spss" && n > 25;
  if (useNormal) {
    const zDir = (pos + (alternative === "greater" ? -0.5 : 0.5) - n / 2) / (0.5 * Math.sqrt(n));
    const p =
      alternative === "two-sided"
        ? Math.min(1, 2 * normalCdf(z))
        : alternative === "less"
          ? normalCdf(zDir)
          : 1 - normalCdf(zDir);
    return statResult({
      test: "sign",
      method: "Sign test (normal approximation with continuity correction)",
      convention: "SPSS 27 NPAR TESTS /SIGN (n > 25: Z with continuity correction)",
      statisticName: "number of positive differences",
      statistic: pos,
      pValue: p,
      alternative,
      n: xs.length,
      details,
    });
  }
  return statResult({
    test: "sign",
    method: "Sign test (exact binomial)",
    convention:
      convention === "r"
        ? "R stats::binom.test(n+, n+ + n−, 0.5)"
        : "SPSS 27 NPAR TESTS /SIGN (n ≤ 25: Exact Sig. (2-tailed), binomial)",
    statisticName: "number of positive differences",
    statistic: pos,
    pValue: exactP,
    alternative,
    estimateName: "proportion of positive differences",
    estimate: pos / n,
    n: xs.length,
    details,
  });
}
