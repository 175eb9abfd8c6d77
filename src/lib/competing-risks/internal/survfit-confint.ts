/** Confidence-interval transformations R's survfit offers for a probability (survfit_confint). */
export type ProbabilityConfType = "log" | "log-log" | "plain" | "logit" | "arcsin" | "none";

export const PROBABILITY_CONF_TYPES: readonly ProbabilityConfType[] = [
  "log",
  "log-log",
  "plain",
  "logit",
  "arcsin",
  "none",
];

/**
 * R survival's survfit_confint(p, se, logse = FALSE, conf.type, conf.int) for one probability p with
 * standard error se (on the probability scale): the pointwise interval, or nulls where R gives NA/NaN.
 * z is the normal quantile 1 − (1 − conf.int)/2. Cost: O(1).
 */
export function survfitConfint(
  p: number,
  se: number,
  z: number,
  confType: ProbabilityConfType,
): readonly [number | null, number | null] {
  if (confType === "none") return [null, null];
  const sl = se === 0 ? 0 : se / p; // R: se on the log scale
  let lower: number;
  let upper: number;
  if (confType === "plain") {
    const half = sl * p * z;
    lower = Math.max(p - half, 0);
    upper = Math.min(p + half, 1);
  } else if (confType === "log") {
    if (p === 0) return [null, null];
    lower = Math.exp(Math.log(p) - z * sl);
    upper = Math.min(Math.exp(Math.log(p) + z * sl), 1);
  } else if (confType === "log-log") {
    if (p === 0 || p === 1) return [null, null];
    const s2 = (z * sl) / Math.log(p);
    lower = Math.exp(-Math.exp(Math.log(-Math.log(p)) - s2));
    upper = Math.exp(-Math.exp(Math.log(-Math.log(p)) + s2));
  } else if (confType === "logit") {
    if (p === 0) return [null, null];
    const s2 = z * sl * (1 + p / (1 - p));
    const lp = Math.log(p / (1 - p));
    lower = 1 - 1 / (1 + Math.exp(lp - s2));
    upper = 1 - 1 / (1 + Math.exp(lp + s2));
  } else {
    if (p === 0) return [null, null];
    const s2 = 0.5 * z * sl * Math.sqrt(p / (1 - p));
    const a = Math.asin(Math.sqrt(p));
    lower = Math.sin(Math.max(0, a - s2)) ** 2;
    upper = Math.sin(Math.min(Math.PI / 2, a + s2)) ** 2;
  }
  return [Number.isNaN(lower) ? null : lower, Number.isNaN(upper) ? null : upper];
}
