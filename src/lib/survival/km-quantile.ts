import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { normal } from "../distributions/stdlib-normal";
import type { KaplanMeierFit } from "./kaplan-meier";

/** How the confidence interval of a survival quantile is obtained. */
export type KmQuantileMethod = "r" | "spss" | "brookmeyer-crowley";

/** Options of {@link kmQuantile}. */
export interface KmQuantileOptions {
  /** How the confidence interval is obtained (default "r"). */
  readonly method?: KmQuantileMethod;
}

export interface KmQuantile {
  /** Probability of the event (0.5 = median). */
  readonly p: number;
  /** The quantile time, or null when S never falls to 1 − p. */
  readonly time: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** SE of the quantile (SPSS method only), else null. */
  readonly se: number | null;
  readonly method: KmQuantileMethod;
  readonly convention: string;
}

const TOL = Math.sqrt(2.220446049250313e-16);

/**
 * R survival's `findq`: the p-quantile of the step distribution F = 1 − S given at times x (with
 * x[0] = 0, F = 0). Takes the midpoint where F equals p (within tol) on a flat stretch, and the
 * midpoint to the last time when F ends exactly at p. Null values of F (NA) are skipped.
 */
function findq(x: readonly number[], y: readonly (number | null)[], p: number): number | null {
  const fast = findqNondecreasing(x, y, p);
  if (fast !== undefined) return fast;
  const finite = y.filter((v): v is number => v !== null);
  if (finite.length === 0 || Math.max(...finite) < p) return null;
  const xmax = x[x.length - 1];
  // drop duplicated y (keep first occurrence: the time F first reached the value); nulls count as duplicates of nulls
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  const seen = new Set<number | null>();
  y.forEach((v, i) => {
    if (!seen.has(v)) {
      seen.add(v);
      xs.push(x[i]);
      ys.push(v);
    }
  });
  // R approx(y ± tol, 1:n, p, method = "constant", f = 1) drops NA points and SORTS by y first: a
  // confidence band that is not monotone (the log band can rise after a censoring) then takes the
  // index whose value is the smallest one ≥ p, not the first in time.
  const points = ys.flatMap((v, k) => (v === null ? [] : [{ v, k }])).sort((a, b) => a.v - b.v || a.k - b.k);
  const firstAtLeast = (shift: number): number | null => points.find((pt) => pt.v + shift >= p)?.k ?? null;
  const i1 = firstAtLeast(TOL);
  const i2 = firstAtLeast(-TOL);
  let q = i1 === null || i2 === null ? null : (xs[i1] + xs[i2]) / 2;
  if (p === 0) q = xs[0];
  const yn = ys[ys.length - 1];
  if (yn !== null && Math.abs(p - yn) < TOL && i1 !== null) q = (xs[i1] + xmax) / 2;
  return q;
}

/**
 * {@link findq} in one pass when y has no nulls and never decreases (F = 1 − S of a Kaplan–Meier curve,
 * and usually its bands): after dropping repeats y is strictly increasing, so R's sort by y keeps the time
 * order and the first index at or above p is the first one met. Returns undefined (use the general path)
 * otherwise. Same result as the general path, without its allocations: simulations call this per replicate.
 */
function findqNondecreasing(x: readonly number[], y: readonly (number | null)[], p: number): number | null | undefined {
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v === null || Number.isNaN(v) || (i > 0 && v < (y[i - 1] as number))) return undefined;
  }
  if (n === 0 || (y[n - 1] as number) < p) return null;
  // The first time each distinct value is reached (the general path's xs), found without building xs.
  let i1 = -1;
  let i2 = -1;
  for (let i = 0; i < n && (i1 < 0 || i2 < 0); i++) {
    if (i > 0 && y[i] === y[i - 1]) continue;
    const v = y[i] as number;
    if (i1 < 0 && v + TOL >= p) i1 = i;
    if (i2 < 0 && v - TOL >= p) i2 = i;
  }
  let q = i1 < 0 || i2 < 0 ? null : (x[i1] + x[i2]) / 2;
  if (p === 0) q = x[0];
  if (Math.abs(p - (y[n - 1] as number)) < TOL && i1 >= 0) q = (x[i1] + x[x.length - 1]) / 2;
  return q;
}

/**
 * The p-quantile time of a Kaplan–Meier step table, exactly as {@link kmQuantile} method "r" reports its
 * `time`, without the confidence bands or a result object: kmQuantile's point value for every method but
 * "spss", and simulations that need only that value for thousands of replicates. Internal (not exported by the
 * library's index).
 */
export function kmStepsQuantileTime(steps: readonly { readonly time: number; readonly survival: number }[], p: number) {
  const x = new Array<number>(steps.length + 1);
  const y = new Array<number>(steps.length + 1);
  x[0] = 0;
  y[0] = 0;
  for (let i = 0; i < steps.length; i++) {
    x[i + 1] = steps[i].time;
    y[i + 1] = 1 - steps[i].survival;
  }
  return findq(x, y, p);
}

/**
 * Quantiles of survival time (median at p = 0.5) with confidence intervals, by two named methods:
 *
 * - "r": R survival's `quantile.survfit` — the quantile of the KM curve, and as CI the times where
 *   the pointwise lower and upper bands reach 1 − p (Brookmeyer & Crowley 1982 style; depends on the
 *   fit's confType). R: quantile(survfit(...), probs) / print(fit).
 * - "spss": the smallest event time with S ≤ 1 − p (SPSS's median, no midpoint rule) ± z·SE with SE =
 *   SE_Greenwood(S(t_p)) / f̂(t_p), f̂ = (S(û) − S(l̂)) / (l̂ − û), û the
 *   largest event time with S ≥ 1 − p + 0.05 (time 0 counts, S = 1) and l̂ the smallest with
 *   S ≤ 1 − p − 0.05 (Collett 2015, Modelling Survival Data in Medical Research, 3rd ed., §2.4.2).
 *   Symmetric, like the interval SPSS 27 KM prints for the median (the paper's 16.83 (9.88, 23.78)
 *   is symmetric). SPSS's own algorithm text was not available here; the formula is validated by a
 *   hand calculation in the tests, not by SPSS output.
 *
 * - "brookmeyer-crowley": Brookmeyer & Crowley (1982) Biometrics 38:29 — the set of t where the test
 *   of S(t) = 1 − p is not rejected with the untransformed Greenwood SE, {t : |Ŝ(t) − (1 − p)| ≤ z·SE(Ŝ(t))},
 *   whatever the fit's confType; the point estimate as "r". It equals "r" on a fit with confType
 *   "plain" (R: quantile(survfit(..., conf.type = "plain")), checked in the tests). SAS LIFETEST's default
 *   is the same test on the log-log scale (CONFTYPE = LOGLOG), the idea of "r" with confType "log-log";
 *   SAS picks the interval's ends without R's midpoint rule on flat stretches, so the two can differ
 *   there (not checked against SAS output). A bound is null where the band never crosses 1 − p while it
 *   is defined (the SE is infinite once Ŝ = 0), as in R, although the set itself would end there.
 *
 * A quantile or bound that does not exist is null, not a number. Cost: O(steps) per quantile.
 *
 * @example
 * kmQuantile(kaplanMeier(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1])), 0.5, { method: "r" }).time
 * // 3.5 (S = 0.5 on [3, 4): midpoint)
 */
export function kmQuantile(fit: KaplanMeierFit, p: number, options: KmQuantileOptions = {}): KmQuantile {
  if (!(typeof p === "number" && p > 0 && p < 1))
    throw new InputError("must be a probability in (0, 1)", { field: "p", value: p });
  checkOptions(options);
  const method = options.method ?? "r";
  if (method !== "r" && method !== "spss" && method !== "brookmeyer-crowley")
    throw new InputError('must be "r", "spss" or "brookmeyer-crowley"', { field: "options.method", value: method });
  const x = [0, ...fit.steps.map((s) => s.time)];
  const dist = (v: (s: KaplanMeierFit["steps"][number]) => number | null): (number | null)[] => [
    0,
    ...fit.steps.map((s) => {
      const u = v(s);
      return u === null ? null : 1 - u;
    }),
  ];
  if (method === "r") {
    return deepFreeze({
      p,
      time: kmStepsQuantileTime(fit.steps, p),
      se: null,
      method,
      lower: findq(
        x,
        dist((s) => s.lower),
        p,
      ),
      upper: findq(
        x,
        dist((s) => s.upper),
        p,
      ),
      convention: `R survival quantile.survfit (conf.type "${fit.confType}", ${fit.confLevel * 100}%)`,
    });
  }
  if (method === "brookmeyer-crowley") {
    const z = normal.quantile(1 - (1 - fit.confLevel) / 2, 0, 1);
    // The plain-scale Greenwood band (R's conf.type "plain", clipped to [0, 1] as R does).
    const band = (sign: 1 | -1) =>
      dist((s) =>
        s.stdErrSurvival === null ? null : Math.min(1, Math.max(0, s.survival + sign * z * s.stdErrSurvival)),
      );
    return deepFreeze({
      p,
      time: kmStepsQuantileTime(fit.steps, p),
      se: null,
      method,
      lower: findq(x, band(-1), p),
      upper: findq(x, band(1), p),
      convention:
        `Brookmeyer & Crowley (1982): test-based interval on the untransformed Greenwood scale, ` +
        `${fit.confLevel * 100}%`,
    });
  }
  const level = `${fit.confLevel * 100}%`;
  const convention = `SPSS-style symmetric CI: quantile ± z·SE(S)/f̂ (Collett 2015 §2.4.2, ε = 0.05), ${level}`;
  const target = 1 - p;
  const events = fit.steps.filter((s) => s.nEvent > 0);
  // SPSS: the smallest event time with S ≤ 1 − p (no midpoint rule).
  const atQuantile = events.find((s) => s.survival <= target + TOL);
  const spssTime = atQuantile ? atQuantile.time : null;
  const none = { p, time: spssTime, lower: null, upper: null, se: null, method, convention };
  if (spssTime === null) return deepFreeze(none);
  const uCandidates = [{ time: 0, survival: 1 }, ...events].filter((s) => s.survival >= target + 0.05 - TOL);
  const u = uCandidates[uCandidates.length - 1];
  const l = events.find((s) => s.survival <= target - 0.05 + TOL);
  if (!atQuantile || atQuantile.stdErrSurvival === null || !u || !l || l.time === u.time) return deepFreeze(none);
  const density = (u.survival - l.survival) / (l.time - u.time);
  const se = atQuantile.stdErrSurvival / density;
  const z = normal.quantile(1 - (1 - fit.confLevel) / 2, 0, 1);
  return deepFreeze({ p, time: spssTime, se, lower: spssTime - z * se, upper: spssTime + z * se, method, convention });
}
