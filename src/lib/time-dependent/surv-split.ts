import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";

export interface SurvSplitOptions {
  /** Entry times of counting-process rows (R `Surv(tstart, tstop, event)`); else every row starts at `zero`. */
  readonly start?: ArrayLike<number>;
  /** Start of follow-up for right-censored rows (R's `zero`, default 0); must be below every time. */
  readonly zero?: number;
  /** Status given to the rows that now end at a cut point (R: 0, censored). */
  readonly censorCode?: number;
}

/** The split rows, one entry per output row (R survSplit's columns). */
export interface SurvSplitResult {
  /** 0-based index of the input row each output row comes from (carry covariates with it). */
  readonly row: readonly number[];
  readonly tstart: readonly number[];
  readonly tstop: readonly number[];
  /** The input status on the last piece of each row, censorCode on the pieces that end at a cut. */
  readonly event: readonly number[];
  /** R's `episode`: 1 for the interval before the first cut, 2 between the first and the second, … */
  readonly episode: readonly number[];
  /** The cut points used (sorted, de-duplicated). */
  readonly cut: readonly number[];
}

/**
 * Splits each (start, stop] follow-up interval at the given cut times, so that every output row lies
 * within one interval between cuts: the tool for time-varying coefficients by period (a step function
 * of β(t), e.g. the first year against later), piecewise-exponential models, and for checking
 * proportional hazards by period. A cut strictly inside (start, stop) ends one row (status censored)
 * and starts the next; cuts at or outside the interval's ends change nothing. Statuses may be any
 * number (multi-state codes pass through).
 *
 * Reference: Therneau, Crowson & Atkinson, "Using time dependent covariates and time dependent
 * coefficients in the Cox model" (survival vignette), §4.1. R: `survSplit(Surv(time, event) ~ ., data,
 * cut, episode = "episode", id = "row")` (row order, episode numbering and the C code's rules as R's
 * survSplit). SPSS: none built in (split the file by hand, or COXREG's TIME PROGRAM for T_-based
 * covariates). Cost: O(n log k + output rows) for k cuts.
 *
 * @example
 * const s = survSplit([5, 12], [1, 0], [3, 10]);
 * s.tstart // [0, 3, 0, 3, 10]
 * s.tstop // [3, 5, 3, 10, 12]
 * s.event // [0, 1, 0, 0, 0]
 * s.episode // [1, 2, 1, 2, 3]
 */
export function survSplit(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  cut: readonly number[],
  options: SurvSplitOptions = {},
): SurvSplitResult {
  checkOptions(options);
  if (time === null || typeof time !== "object" || typeof time.length !== "number")
    throw new InputError("must be an array of numbers", { field: "time", value: time });
  const n = time.length;
  if (event === null || typeof event !== "object" || event.length !== n)
    throw new InputError(`must be an array of length ${n}`, { field: "event", value: event });
  if (!Array.isArray(cut)) throw new InputError("must be an array of finite numbers", { field: "cut", value: cut });
  cut.forEach((c, k) => {
    if (typeof c !== "number" || !Number.isFinite(c))
      throw new InputError("cut points must be finite numbers", { field: "cut", index: k, value: c });
  });
  const censorCode = options.censorCode ?? 0;
  if (typeof censorCode !== "number" || !Number.isFinite(censorCode))
    throw new InputError("must be a finite number", { field: "censorCode", value: censorCode });
  const zero = options.zero ?? 0;
  if (typeof zero !== "number" || !Number.isFinite(zero))
    throw new InputError("must be a finite number", { field: "zero", value: zero });
  const start = options.start;
  if (start !== undefined && (start === null || typeof start !== "object" || start.length !== n))
    throw new InputError(`must be an array of length ${n}`, { field: "start", value: start });
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (typeof t !== "number" || !Number.isFinite(t))
      throw new InputError("times must be finite numbers", { field: "time", index: i, value: t });
    const e = event[i];
    if (typeof e !== "number" || !Number.isFinite(e))
      throw new InputError("statuses must be finite numbers", { field: "event", index: i, value: e });
    if (start === undefined) {
      if (!(t > zero))
        throw new InputError(`must be > zero (${zero}) (R: 'zero' must be less than any observed time)`, {
          field: "time",
          index: i,
          value: t,
        });
    } else {
      const s = start[i];
      if (typeof s !== "number" || !Number.isFinite(s))
        throw new InputError("times must be finite numbers", { field: "start", index: i, value: s });
      if (!(s < t)) throw new InputError(`start (${s}) must be < time`, { field: "time", index: i, value: t });
    }
  }
  const cuts = [...new Set(cut)].sort((a, b) => a - b);
  const out = {
    row: [] as number[],
    tstart: [] as number[],
    tstop: [] as number[],
    event: [] as number[],
    episode: [] as number[],
  };
  for (let i = 0; i < n; i++) {
    const t0 = start === undefined ? zero : start[i];
    const t1 = time[i];
    // First cut above the start (binary search), as survsplit.c's `cut[j] <= tstart` scan.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] <= t0) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    let s = t0;
    let episode = j + 1;
    for (; j < cuts.length && cuts[j] < t1; j++) {
      out.row.push(i);
      out.tstart.push(s);
      out.tstop.push(cuts[j]);
      out.event.push(censorCode);
      out.episode.push(episode);
      s = cuts[j];
      episode = j + 2;
    }
    out.row.push(i);
    out.tstart.push(s);
    out.tstop.push(t1);
    out.event.push(event[i]);
    out.episode.push(episode);
  }
  // Arrays frozen first: deepFreeze would enumerate every index of these long arrays.
  return deepFreeze({
    row: Object.freeze(out.row),
    tstart: Object.freeze(out.tstart),
    tstop: Object.freeze(out.tstop),
    event: Object.freeze(out.event),
    episode: Object.freeze(out.episode),
    cut: cuts,
  });
}
