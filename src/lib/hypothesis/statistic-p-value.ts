import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { chisqUpper, correlationPValue, fUpper, normalUpper, tCdf } from "../distributions";

/** The test families whose p-value follows from a printed statistic and its degrees of freedom. */
export const REPORTED_TEST_FAMILIES = ["chisq", "t", "F", "z", "r"] as const;
export type ReportedTestFamily = (typeof REPORTED_TEST_FAMILIES)[number];

/** Options of {@link statisticPValue}. */
export interface StatisticPValueOptions {
  /** Degrees of freedom: χ²(df), t(df), r(df) with df = n − 2, F(df, df2). Not used by z. */
  readonly df?: number;
  /** Denominator degrees of freedom of F(df1, df2). */
  readonly df2?: number;
  /**
   * "two-sided" (default) or "one-sided" for t, z and r: the tail beyond |statistic|, i.e. in the
   * direction the authors predicted, as statcheck assumes. χ² and F are upper-tail tests either way.
   */
  readonly sided?: "two-sided" | "one-sided";
}

function positive(value: number | undefined, field: string): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0)
    throw new InputError("degrees of freedom must be a positive number", { field, value });
  return value;
}

/**
 * The p-value of a reported test statistic, recomputed as statcheck (Epskamp & Nuijten 2016) does from
 * "χ²(df) = x", "t(df) = x", "F(df1, df2) = x", "z = x" or "r(df) = x":
 * - χ²: P(X² ≥ x), X² ~ χ²(df);   F: P(F ≥ x), F ~ F(df1, df2);
 * - t: 2·P(T ≥ |x|) (one-sided P(T ≥ |x|)), T ~ t(df), fractional (Welch) df allowed;
 * - z: 2·P(Z ≥ |x|) (one-sided P(Z ≥ |x|));
 * - r: through t = r·√(df / (1 − r²)) with df = n − 2, then as t.
 * Upper tails are computed directly (never 1 − cdf), so p stays accurate far below 1e-16.
 *
 * Reference: Epskamp S, Nuijten MB (2016) statcheck (R package); Nuijten MB et al. (2016) Behav Res
 * Methods 48:1205. R: pchisq(x, df, lower.tail = FALSE); 2 * pt(-abs(x), df); pf(x, df1, df2,
 * lower.tail = FALSE); 2 * pnorm(-abs(x)). SPSS: the "Sig." column of the matching procedure.
 * Cost: O(1) (one incomplete gamma or beta function).
 *
 * @example
 * statisticPValue("chisq", 5.145, { df: 1 }) // 0.02331
 * @example
 * statisticPValue("t", 2.1, { df: 28 }) // 0.04486
 * @example
 * statisticPValue("F", 4.2, { df: 2, df2: 57 }) // 0.01988
 */
export function statisticPValue(
  family: ReportedTestFamily,
  statistic: number,
  options: StatisticPValueOptions = {},
): number {
  checkOptions(options);
  if (!REPORTED_TEST_FAMILIES.includes(family))
    throw new InputError(`must be one of ${REPORTED_TEST_FAMILIES.join(", ")}`, { field: "family", value: family });
  if (!Number.isFinite(statistic))
    throw new InputError("must be a finite number", { field: "statistic", value: statistic });
  const sided = options.sided ?? "two-sided";
  if (sided !== "two-sided" && sided !== "one-sided")
    throw new InputError('must be "two-sided" or "one-sided"', { field: "options.sided", value: sided });
  const tails = sided === "two-sided" ? 2 : 1;
  if ((family === "chisq" || family === "F") && statistic < 0)
    throw new InputError(`a ${family === "F" ? "F" : "χ²"} statistic cannot be negative`, {
      field: "statistic",
      value: statistic,
    });
  switch (family) {
    case "chisq":
      return chisqUpper(statistic, positive(options.df, "options.df"));
    case "F":
      return fUpper(statistic, positive(options.df, "options.df"), positive(options.df2, "options.df2"));
    case "t":
      return Math.min(1, tails * tCdf(-Math.abs(statistic), positive(options.df, "options.df")));
    case "z":
      return Math.min(1, tails * normalUpper(Math.abs(statistic)));
    case "r":
      return correlationPValue(statistic, positive(options.df, "options.df"), sided);
  }
}
