import studentTCdf = require("@stdlib/stats-base-dists-t-cdf");
import { InputError } from "../core/errors";

/**
 * The p-value of Pearson's correlation r with df = n − 2 degrees of freedom, through its t statistic
 * t = r·√(df / (1 − r²)) ~ t(df) under ρ = 0: two-sided 2·P(T ≥ |t|), one-sided P(T ≥ |t|) (the tail
 * in the direction of r). |r| = 1 gives 0.
 *
 * Reference: Fisher (1915); any statistics text. R: cor.test(x, y)$p.value, or
 * 2 * pt(-abs(r * sqrt(df / (1 - r^2))), df). SPSS: CORRELATIONS "Sig. (2-tailed)". Cost: O(1).
 *
 * @example
 * correlationPValue(0.35, 48) // 0.01272 (t = 2.5886)
 */
export function correlationPValue(r: number, df: number, sided: "two-sided" | "one-sided" = "two-sided"): number {
  if (!Number.isFinite(r) || r < -1 || r > 1)
    throw new InputError("a correlation must lie in [−1, 1]", { field: "r", value: r });
  if (!Number.isFinite(df) || df <= 0) throw new InputError("df = n − 2 must be positive", { field: "df", value: df });
  if (sided !== "two-sided" && sided !== "one-sided")
    throw new InputError('must be "two-sided" or "one-sided"', { field: "sided", value: sided });
  if (Math.abs(r) === 1) return 0;
  const t = r * Math.sqrt(df / (1 - r * r));
  const tail = studentTCdf(-Math.abs(t), df);
  return Math.min(1, (sided === "two-sided" ? 2 : 1) * tail);
}
