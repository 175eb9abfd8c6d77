import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { isSurv, survCounting, type Surv } from "../survival/surv";

/** Counting-process rows of {@link splitAtTreatment}: one or two (start, stop] intervals per subject. */
export interface TreatmentEpisodes {
  /** Subject index (0-based, into y and the treatment times) of each row. */
  readonly id: readonly number[];
  readonly start: readonly number[];
  readonly stop: readonly number[];
  /** 1 when the subject's event ends this row. */
  readonly event: readonly (0 | 1)[];
  /** 1 on rows after treatment started. */
  readonly treated: readonly (0 | 1)[];
}

/**
 * Splits each subject's follow-up at the time a treatment starts, for a time-dependent covariate: a
 * subject treated at t_i < time_i gets the rows (0, t_i] untreated (event 0) and (t_i, time_i] treated
 * (carrying the event); treated from time zero (t_i = 0) gives one treated row; never treated (null), or
 * treated only at or after the end of follow-up (t_i ≥ time_i), gives one untreated row. This is how
 * a treatment that begins after time zero must enter a survival model: the time before it starts counts
 * as untreated time.
 *
 * Reference: Therneau T, Crowson C, Atkinson E. "Using time dependent covariates and time dependent
 * coefficients in the Cox model" (survival package vignette), §2–3. R: `tmerge(data, data, id, death =
 * event(time, status), treated = tdc(treatmentTime))`. SPSS: COXREG with a time-dependent covariate
 * (TIME PROGRAM). Cost: O(n).
 *
 * The outcome is a right-censored {@link Surv} (`surv(time, event)`), one row per subject; its times are
 * used as validated (after any near-tie merging `surv` did), and the treatment times as given.
 *
 * @example
 * splitAtTreatment(surv([10, 6, 8], [1, 0, 1]), [4, null, 8]).treated
 * // [0, 1, 0, 0] (subject 0 split at 4; subject 2 treated only at its end)
 */
export function splitAtTreatment(y: Surv, treatmentTime: ArrayLike<number | null>): TreatmentEpisodes {
  checkRightCensored(y);
  const tt = checkTreatmentTimes(treatmentTime, y.n);
  const out = {
    id: [] as number[],
    start: [] as number[],
    stop: [] as number[],
    event: [] as (0 | 1)[],
    treated: [] as (0 | 1)[],
  };
  const push = (id: number, start: number, stop: number, ev: number, treated: 0 | 1) => {
    out.id.push(id);
    out.start.push(start);
    out.stop.push(stop);
    out.event.push(ev === 1 ? 1 : 0);
    out.treated.push(treated);
  };
  for (let i = 0; i < y.n; i++) {
    const t = y.time[i];
    const s = tt[i];
    if (y.time[i] === 0) {
      throw new InputError(
        "follow-up of length 0 cannot be split into (start, stop] rows (R tmerge drops it; give it a small " +
          "positive time)",
        { field: "time", index: i, value: t },
      );
    }
    if (s === null || s >= t) push(i, 0, t, y.event[i], 0);
    else if (s === 0) push(i, 0, t, y.event[i], 1);
    else {
      push(i, 0, s, 0, 0);
      push(i, s, t, y.event[i], 1);
    }
  }
  return deepFreeze(out);
}

/** The outcome of the time-dependent methods: a right-censored Surv, one row per subject. */
export function checkRightCensored(y: Surv): void {
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv(time, event)", { field: "y", value: y });
  if (y.kind !== "right")
    throw new InputError(
      "must be right-censored (surv(time, event)), one row per subject: the method builds the (start, stop] rows",
      { field: "y", value: y.kind },
    );
}

/** Treatment start times: null (never) or finite ≥ 0, one per subject. */
export function checkTreatmentTimes(treatmentTime: ArrayLike<number | null>, n: number): (number | null)[] {
  if (treatmentTime === null || treatmentTime === undefined || typeof treatmentTime.length !== "number")
    throw new InputError("must be an array", { field: "treatmentTime", value: treatmentTime });
  if (treatmentTime.length !== n)
    throw new InputError(`length ${treatmentTime.length} differs from the ${n} subjects of y`, {
      field: "treatmentTime",
      value: treatmentTime.length,
    });
  return Array.from({ length: n }, (_, i) => {
    const v = treatmentTime[i];
    if (v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new InputError("must be null (never treated) or a finite time ≥ 0", {
        field: "treatmentTime",
        index: i,
        value: v,
      });
    return v;
  });
}

/**
 * The split rows and their counting-process outcome, built once for the analyses that share them
 * (time-dependent Cox, Mantel–Byar, Simon–Makuch). Internal to the time-dependent area.
 */
export function treatmentEpisodes(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
): { split: TreatmentEpisodes; y: Surv } {
  const split = splitAtTreatment(y, treatmentTime);
  // The times were validated and used as given by splitAtTreatment: no second near-tie merge.
  return { split, y: survCounting(split.start, split.stop, split.event, { tieTolerance: 0 }) };
}
