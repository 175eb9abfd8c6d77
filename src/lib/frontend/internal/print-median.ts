import type { KaplanMeierFit } from "../../survival/kaplan-meier";

const TOLERANCE = Math.sqrt(2.220446049250313e-16);

/**
 * survival's print.survfit (survmean's minmin): the first time y < 0.5 + √ε, skipping undefined values; when that
 * y equals 0.5 and the curve later falls below it, the midpoint to that later time. Applied to S for the median and
 * to the lower and upper band for its interval. quantile.survfit (kmQuantile "r") can differ from this when the
 * log band is not monotone; print.survfit and summary(fit)$table show these values.
 */
function minmin(y: readonly (number | null)[], x: readonly number[]): number | null {
  const ys: number[] = [];
  const xs: number[] = [];
  y.forEach((v, i) => {
    if (v !== null && v < 0.5 + TOLERANCE) {
      ys.push(v);
      xs.push(x[i]);
    }
  });
  if (ys.length === 0) return null;
  if (Math.abs(ys[0] - 0.5) < TOLERANCE) {
    const later = ys.findIndex((v) => v < ys[0]);
    if (later >= 0) return (xs[0] + xs[later]) / 2;
  }
  return xs[0];
}

/** Median survival and its interval as R's print.survfit prints them (see minmin). Cost O(steps). */
export function printMedian(fit: KaplanMeierFit): {
  median: number | null;
  lower: number | null;
  upper: number | null;
} {
  const time = fit.steps.map((s) => s.time);
  return {
    median: minmin(
      fit.steps.map((s) => s.survival),
      time,
    ),
    lower: minmin(
      fit.steps.map((s) => s.lower),
      time,
    ),
    upper: minmin(
      fit.steps.map((s) => s.upper),
      time,
    ),
  };
}
