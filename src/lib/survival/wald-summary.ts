import { normalQuantile, normalUpper } from "../distributions";

/** Wald z, two-sided p and the hazard ratio with its confidence interval, from a log-hazard coefficient and its SE. */
export interface WaldSummary {
  readonly z: number;
  readonly pValue: number;
  readonly hazardRatio: number;
  readonly ciLower: number;
  readonly ciUpper: number;
}

/**
 * Wald summary of a Cox coefficient: z = B/SE, p = 2·(1 − Φ(|z|)), Exp(B) and the interval
 * exp(B ± z_{1−α/2}·SE) — as R's summary.coxph and SPSS COXREG print them.
 * Reference: Klein & Moeschberger (2003) §8.5. Cost: O(1).
 *
 * @example
 * waldSummary(0.5, 0.25) // { z: 2, pValue: 0.0455, hazardRatio: 1.6487, ciLower: 1.0101, ciUpper: 2.6912 } (rounded)
 */
export function waldSummary(coef: number, se: number, confLevel = 0.95): WaldSummary {
  const z = coef / se;
  const q = normalQuantile(1 - (1 - confLevel) / 2);
  return {
    z,
    pValue: Math.min(1, 2 * normalUpper(Math.abs(z))),
    hazardRatio: Math.exp(coef),
    ciLower: Math.exp(coef - q * se),
    ciUpper: Math.exp(coef + q * se),
  };
}
