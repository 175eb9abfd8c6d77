import { normalPValue, normalQuantile } from "../../distributions";

/**
 * Log-scale Wald inference for a ratio estimate with standard error `se` of its logarithm:
 * z = ln(estimate)/se, two-sided p, CI exp(ln estimate ± z_{1−α/2}·se). NaN when undefined.
 */
export function logWald(
  estimate: number,
  se: number,
  confLevel: number,
): { z: number; pValue: number; ci: [number, number] } {
  const ok = estimate > 0 && Number.isFinite(estimate) && Number.isFinite(se) && se > 0;
  if (!ok) return { z: NaN, pValue: NaN, ci: [NaN, NaN] };
  const log = Math.log(estimate);
  const q = normalQuantile(1 - (1 - confLevel) / 2);
  return {
    z: log / se,
    pValue: normalPValue(log / se, "two-sided"),
    ci: [Math.exp(log - q * se), Math.exp(log + q * se)],
  };
}
