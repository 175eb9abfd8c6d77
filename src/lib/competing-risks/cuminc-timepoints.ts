import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { CumincResult } from "./cuminc";

/** Estimates and variances of every curve at chosen times (cmprsk `timepoints`). */
export interface CumincTimepoints {
  /** The times, sorted and de-duplicated as cmprsk does. */
  readonly times: readonly number[];
  /** Curve names ("group cause"), the rows of est and var. */
  readonly names: readonly string[];
  /** est[curve][time]: null beyond the curve's largest time or before 0 (cmprsk NA). */
  readonly est: readonly (readonly (number | null)[])[];
  readonly var: readonly (readonly (number | null)[])[];
}

/**
 * Reads the cumulative incidence curves of a {@link cuminc} result at given times: the right-continuous
 * step function (the value just after a jump at that time), NA (null) past the largest follow-up time of
 * the curve's group. R: `cmprsk::timepoints(fit, times)`. Cost: O(curves × (times + corners)).
 *
 * @example
 * const r = cuminc([1, 2, 3, 4], [1, 2, 1, 0]);
 * cumincTimepoints(r, [0.5, 3, 9]).est[0] // [0, 0.5, null]
 */
export function cumincTimepoints(fit: CumincResult, times: readonly number[]): CumincTimepoints {
  if (fit === null || typeof fit !== "object" || fit.kind !== "cuminc")
    throw new InputError("must be a result of cuminc()", { field: "fit", value: fit });
  if (!Array.isArray(times) || times.length === 0)
    throw new InputError("must be a non-empty array of times", { field: "times", value: times });
  times.forEach((t, i) => {
    if (typeof t !== "number" || !Number.isFinite(t))
      throw new InputError("times must be finite numbers", { field: "times", index: i, value: t });
  });
  const tp = [...new Set(times)].sort((a, b) => a - b);
  const est: (number | null)[][] = [];
  const vr: (number | null)[][] = [];
  for (const c of fit.curves) {
    const x = c.time;
    const last = x.length - 1;
    // cmprsk tpoi: the first corner strictly after t carries the value of the flat step that contains t.
    const index = tp.map((t) => {
      if (t > x[last]) return -1;
      if (t === x[last]) return last;
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x[mid] > t) hi = mid;
        else lo = mid + 1;
      }
      return lo === 0 ? -1 : lo;
    });
    est.push(index.map((k) => (k < 0 ? null : c.est[k])));
    vr.push(index.map((k) => (k < 0 ? null : c.var[k])));
  }
  return deepFreeze({ times: tp, names: fit.curves.map((c) => c.name), est, var: vr });
}
