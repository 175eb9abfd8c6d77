import { normal } from "../distributions/stdlib-normal";
import { InputError } from "../core/errors";

/**
 * Confidence-interval transformations of a survival probability, R survfit's `conf.type`: "log" (R's default),
 * "log-log", "plain", "logit" and "arcsin".
 */
export type SurvConfType = "log" | "log-log" | "plain" | "logit" | "arcsin";

export const SURV_CONF_TYPES: readonly SurvConfType[] = ["log", "log-log", "plain", "logit", "arcsin"];

/** Checks a confType / confLevel pair (InputError naming the field otherwise) and returns the normal quantile z. */
export function confZ(confType: unknown, confLevel: unknown, prefix = "options."): number {
  if (!SURV_CONF_TYPES.includes(confType as SurvConfType))
    throw new InputError(`must be one of ${SURV_CONF_TYPES.map((t) => `"${t}"`).join(", ")}`, {
      field: `${prefix}confType`,
      value: confType,
    });
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: `${prefix}confLevel`, value: confLevel });
  return normal.quantile(1 - (1 - confLevel) / 2, 0, 1);
}

/**
 * R survival's `survfit_confint` for one time point: the pointwise interval of S = p given `se`, which is the
 * standard error of log S when `logse` (R's `logse = TRUE`), else of S itself. [null, null] where R gives NA
 * (p = 0 on the log, logit and arcsin scales; p ∈ {0, 1} on the log-log scale; an infinite or undefined SE).
 * Formulas (z the normal quantile, σ the SE of log S):
 *   log      exp(log p ∓ zσ), upper capped at 1
 *   log-log  exp(−exp(log(−log p) ∓ zσ / log p))
 *   plain    p ∓ zσp, clipped to [0, 1]
 *   logit    1 − 1/(1 + exp(logit p ∓ zσ/(1 − p)))
 *   arcsin   sin²(asin √p ∓ ½ zσ √(p/(1 − p))), asin √p ∓ … kept within [0, π/2]
 * Cost O(1).
 */
export function survConfInterval(
  p: number,
  se: number,
  logse: boolean,
  confType: SurvConfType,
  z: number,
): [number | null, number | null] {
  const sigma = logse ? se : se === 0 ? 0 : se / p;
  let lower: number;
  let upper: number;
  if (confType === "plain") {
    const se2 = sigma * p * z;
    lower = Math.max(p - se2, 0);
    upper = Math.min(p + se2, 1);
  } else if (confType === "log") {
    if (p === 0) return [null, null];
    const se2 = z * sigma;
    lower = Math.exp(Math.log(p) - se2);
    upper = Math.min(Math.exp(Math.log(p) + se2), 1);
  } else if (confType === "log-log") {
    if (p === 0 || p === 1) return [null, null];
    const se2 = (z * sigma) / Math.log(p);
    const ll = Math.log(-Math.log(p));
    lower = Math.exp(-Math.exp(ll - se2));
    upper = Math.exp(-Math.exp(ll + se2));
  } else if (confType === "logit") {
    if (p === 0) return [null, null];
    const se2 = z * sigma * (1 + p / (1 - p));
    const lg = Math.log(p / (1 - p));
    lower = 1 - 1 / (1 + Math.exp(lg - se2));
    upper = 1 - 1 / (1 + Math.exp(lg + se2));
  } else {
    if (p === 0) return [null, null];
    const se2 = 0.5 * z * sigma * Math.sqrt(p / (1 - p));
    const a = Math.asin(Math.sqrt(p));
    lower = Math.sin(Math.max(0, a - se2)) ** 2;
    upper = Math.sin(Math.min(Math.PI / 2, a + se2)) ** 2;
  }
  return [Number.isFinite(lower) ? lower : null, Number.isFinite(upper) ? upper : null];
}
