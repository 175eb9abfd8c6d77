import { zeroin } from "./zeroin";

/** uniroot tolerance that stats:::wilcox.test.default passes. */
const R_WILCOX_TOL = 1e-4;

/**
 * Bisection root of a monotone function on [lo, hi] with f(lo), f(hi) of opposite sign (or zero),
 * run to machine precision (≤ 200 halvings). Slower than Brent but cannot fail on the step
 * functions and flat tails met in rank and exact tests.
 */
export function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  if (flo === 0) return lo;
  const fhi = f(hi);
  if (fhi === 0) return hi;
  for (let it = 0; it < 200; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm < 0 === flo < 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * Confidence limits and point estimate by inverting a standardized statistic f(d, zq) = Z(d) − zq
 * that decreases in the shift d (R wilcox.test's wdiff/root): a limit is the d where Z(d) crosses
 * the normal quantile, clamped to [lo, hi] as R does. Roots by R's own zeroin with R's tol = 1e-4,
 * because Z(d) is a step function (flat at 0 under continuity correction) and only R's iteration
 * path gives R's numbers.
 */
export function invertNormalStatistic(
  f: (d: number, zq: number, continuity: boolean) => number,
  correct: boolean,
  lo: number,
  hi: number,
  alternative: "two-sided" | "less" | "greater",
  alpha: number,
  quantile: (p: number) => number,
): { estimate: number; ci: [number, number] } {
  const root = (zq: number): number => {
    if (f(lo, zq, correct) <= 0) return lo;
    if (f(hi, zq, correct) >= 0) return hi;
    return zeroin((d) => f(d, zq, correct), lo, hi, R_WILCOX_TOL);
  };
  let ci: [number, number];
  if (alternative === "two-sided") ci = [root(quantile(1 - alpha / 2)), root(quantile(alpha / 2))];
  else if (alternative === "greater") ci = [root(quantile(1 - alpha)), Infinity];
  else ci = [-Infinity, root(quantile(alpha))];
  // R sets correct <- FALSE before solving for the estimate
  return { estimate: zeroin((d) => f(d, 0, false), lo, hi, R_WILCOX_TOL), ci };
}
