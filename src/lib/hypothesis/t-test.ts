import { checkOptions } from "../core/check-options";
import { mean, sampleVariance } from "simple-statistics";
import { InputError } from "../core/errors";
import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { tPValue, tQuantile } from "../distributions";
import { checkAlternative, checkConfLevel, checkSameLength, checkSample } from "./internal/validate";

/** Options of {@link tTest}. */
export interface TTestOptions {
  /** Paired t-test on x − y. Default false. */
  readonly paired?: boolean;
  /** Student's pooled-variance test instead of Welch's. Default false (R's default). */
  readonly varEqual?: boolean;
  /** Mean (difference) under the null. Default 0. */
  readonly mu?: number;
  readonly alternative?: Alternative;
  readonly confLevel?: number;
}

/** Details of {@link tTest}; which of the optional fields are present depends on the design. */
export interface TTestDetails {
  /** One-sample: mean and SD of x. */
  readonly mean?: number;
  readonly sd?: number;
  /** Paired: mean of the differences x − y. */
  readonly meanDifference?: number;
  /** Two-sample: means, SDs and sizes of x and y. */
  readonly means?: readonly [number, number];
  readonly sds?: readonly [number, number];
  readonly sizes?: readonly [number, number];
  readonly standardError: number;
  readonly mu: number;
}

/**
 * t-tests as R's t.test: one-sample (y omitted), paired, Welch two-sample (default) or Student
 * pooled two-sample (varEqual), with the confidence interval of the mean (difference).
 * Welch df = (s1²/n1 + s2²/n2)² / [(s1²/n1)²/(n1 − 1) + (s2²/n2)²/(n2 − 1)].
 *
 * Reference: Welch BL (1947) Biometrika 34:28; any statistics text.
 * R: stats::t.test(x, y, var.equal = FALSE, paired = FALSE, conf.level = 0.95).
 * SPSS 27: T-TEST GROUPS (prints both "Equal variances assumed" = Student and "not assumed" = Welch),
 * T-TEST PAIRS, T-TEST /TESTVAL. Cost: O(n).
 *
 * @example
 * tTest([1, 2, 3, 4], undefined, { mu: 1 }).statistic // 2.3238 (= (2.5 − 1)/(1.2910/2))
 */
export function tTest(
  x: ArrayLike<number>,
  y?: ArrayLike<number>,
  options: TTestOptions = {},
): StatResult<TTestDetails> {
  checkOptions(options);
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const mu = options.mu ?? 0;
  if (!Number.isFinite(mu)) throw new InputError("must be a finite number", { field: "options.mu", value: mu });
  const xs = checkSample(x, "x", 2);
  let kind: "one-sample" | "paired" | "welch" | "student";
  let estimate: number;
  let se: number;
  let df: number;
  let details: Omit<TTestDetails, "standardError" | "mu">;
  let estimateName: string;
  if (y === undefined) {
    if (options.paired) throw new InputError("a paired t-test needs y", { field: "y" });
    kind = "one-sample";
    ({ estimate, se, df } = oneSample(xs));
    estimateName = "mean of x";
    details = { mean: estimate, sd: Math.sqrt(sampleVariance(Array.from(xs))) };
  } else {
    const ys = checkSample(y, "y", 2);
    if (options.paired) {
      checkSameLength(x, y, "x", "y");
      kind = "paired";
      ({ estimate, se, df } = oneSample(xs.map((v, i) => v - ys[i])));
      estimateName = "mean difference";
      details = { meanDifference: estimate };
    } else {
      const m1 = mean(Array.from(xs));
      const m2 = mean(Array.from(ys));
      const v1 = sampleVariance(Array.from(xs));
      const v2 = sampleVariance(Array.from(ys));
      const n1 = xs.length;
      const n2 = ys.length;
      estimate = m1 - m2;
      estimateName = "difference in means";
      if (options.varEqual) {
        kind = "student";
        df = n1 + n2 - 2;
        const pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
        se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
      } else {
        kind = "welch";
        const a = v1 / n1;
        const b = v2 / n2;
        se = Math.sqrt(a + b);
        df = (a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1));
      }
      details = { means: [m1, m2], sds: [Math.sqrt(v1), Math.sqrt(v2)], sizes: [n1, n2] };
    }
  }
  const t = (estimate - mu) / se;
  const warnings = se > 0 ? [] : ["zero standard error (constant data): the t statistic is undefined"];
  const alpha = 1 - confLevel;
  const ci: [number, number] =
    alternative === "two-sided"
      ? [estimate - tQuantile(1 - alpha / 2, df) * se, estimate + tQuantile(1 - alpha / 2, df) * se]
      : alternative === "greater"
        ? [estimate - tQuantile(1 - alpha, df) * se, Infinity]
        : [-Infinity, estimate + tQuantile(1 - alpha, df) * se];
  const names = {
    "one-sample": ["One Sample t-test", "R stats::t.test(x, mu) = SPSS 27 T-TEST /TESTVAL"],
    paired: ["Paired t-test", "R stats::t.test(paired = TRUE) = SPSS 27 T-TEST PAIRS"],
    welch: [
      "Welch Two Sample t-test",
      "R stats::t.test(var.equal = FALSE) = SPSS 27 T-TEST GROUPS (Equal variances not assumed)",
    ],
    student: [
      "Two Sample t-test (pooled variance)",
      "R stats::t.test(var.equal = TRUE) = SPSS 27 T-TEST GROUPS (Equal variances assumed)",
    ],
  } as const;
  return statResult({
    test: `t-test-${kind}`,
    method: names[kind][0],
    convention: names[kind][1],
    statisticName: "t",
    statistic: t,
    df,
    pValue: se > 0 ? tPValue(t, df, alternative) : NaN,
    alternative,
    estimateName,
    estimate,
    ci,
    confLevel,
    n: y === undefined || options.paired ? xs.length : xs.length + (y as ArrayLike<number>).length,
    warnings,
    details: { ...details, standardError: se, mu },
  });
}

function oneSample(d: Float64Array): { estimate: number; se: number; df: number } {
  const arr = Array.from(d);
  return { estimate: mean(arr), se: Math.sqrt(sampleVariance(arr) / d.length), df: d.length - 1 };
}
