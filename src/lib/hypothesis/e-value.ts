import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { checkChoice } from "./internal/validate";

/** Options of {@link eValue}. */
export interface EValueOptions {
  /** Scale of the estimate. */
  readonly measure: "RR" | "OR" | "HR";
  /** Confidence limits of the estimate (both, or either). */
  readonly lower?: number;
  readonly upper?: number;
  /**
   * Outcome is rare (< 15% at end of follow-up): OR and HR approximate the RR directly. When false
   * (common outcome): OR → sqrt(OR); HR → (1 − 0.5^sqrt(HR)) / (1 − 0.5^sqrt(1/HR)). Default true
   * (ignored for RR).
   */
  readonly rareOutcome?: boolean;
}

/** E-values of an estimate and of its confidence limit closest to the null: a plain frozen object. */
export interface EValueResult {
  readonly measure: "RR" | "OR" | "HR";
  readonly estimate: number;
  /** The estimate converted to the risk-ratio scale. */
  readonly riskRatio: number;
  readonly riskRatioCi: readonly [number | null, number | null];
  readonly eValuePoint: number;
  /** E-value of the CI limit closest to 1 (1 when the CI includes 1); null without a CI. */
  readonly eValueCi: number | null;
  readonly conversion: string;
}

/**
 * E-value (VanderWeele & Ding 2017): the minimum strength of association, on the risk-ratio scale,
 * that an unmeasured confounder would need with both exposure and outcome to explain away the
 * estimate: E = RR + sqrt(RR·(RR − 1)) for RR ≥ 1 (use 1/RR below 1). The CI E-value uses the limit
 * closest to 1, and is 1 when the interval includes 1.
 *
 * Reference: VanderWeele TJ, Ding P (2017) Ann Intern Med 167:268 (Table: conversions for common
 * outcomes). R: EValue::evalues.RR / evalues.OR / evalues.HR. SPSS: none. Cost: O(1).
 *
 * @example
 * // paper Table 6 (rare-outcome approximation)
 * eValue(3.538, { measure: "HR", lower: 1.191, upper: 10.516 }) // { eValuePoint: 6.5346, eValueCi: 1.6679, … }
 */
export function eValue(estimate: number, options: EValueOptions): EValueResult {
  checkOptions(options, "options", true);
  const measure = checkChoice(options?.measure, ["RR", "OR", "HR"] as const, "RR", "options.measure");
  const rare = options.rareOutcome ?? true;
  const check = (v: number | undefined, field: string): number | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw new InputError("must be a positive finite ratio", { field, value: v });
    return v;
  };
  const est = check(estimate, "estimate") as number;
  if (est === null) throw new InputError("is required", { field: "estimate", value: estimate });
  const lo = check(options.lower, "options.lower");
  const hi = check(options.upper, "options.upper");
  if (lo !== null && lo > est)
    throw new InputError(`lower limit exceeds the estimate ${est}`, { field: "options.lower", value: lo });
  if (hi !== null && hi < est)
    throw new InputError(`upper limit is below the estimate ${est}`, { field: "options.upper", value: hi });
  let toRr: (v: number) => number = (v) => v;
  let conversion = "none (risk ratio)";
  if (measure !== "RR" && !rare) {
    if (measure === "OR") {
      toRr = Math.sqrt;
      conversion = "common outcome: RR ≈ sqrt(OR)";
    } else {
      toRr = (v) => (1 - 0.5 ** Math.sqrt(v)) / (1 - 0.5 ** Math.sqrt(1 / v));
      conversion = "common outcome: RR ≈ (1 − 0.5^sqrt(HR)) / (1 − 0.5^sqrt(1/HR))";
    }
  } else if (measure !== "RR") conversion = `rare outcome: RR ≈ ${measure}`;
  const rr = toRr(est);
  const rrLo = lo === null ? null : toRr(lo);
  const rrHi = hi === null ? null : toRr(hi);
  let eCi: number | null = null;
  if (rrLo !== null || rrHi !== null) {
    if (rr >= 1) eCi = rrLo === null ? null : rrLo <= 1 ? 1 : evalueOfRr(rrLo);
    else eCi = rrHi === null ? null : rrHi >= 1 ? 1 : evalueOfRr(rrHi);
  }
  return deepFreeze({
    measure,
    estimate: est,
    riskRatio: rr,
    riskRatioCi: [rrLo, rrHi] as const,
    eValuePoint: evalueOfRr(rr),
    eValueCi: eCi,
    conversion,
  });
}

function evalueOfRr(rr: number): number {
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}
