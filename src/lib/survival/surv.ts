import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { radixArgsort } from "./cox-sort";

/**
 * Validated survival outcome, the single input type of every survival function (R's `Surv`).
 *
 * - `"right"`: right-censored data, one (time, event) per subject; `start` is null.
 * - `"counting"`: counting-process data (start, stop], for time-dependent covariates; `start[i] < time[i]`.
 *
 * Times are stored as Float64Array after near-tie merging (see {@link SurvOptions.tieTolerance});
 * `originalTime` keeps what the user passed when merging changed anything. Events are 0/1.
 * The object is frozen; kernels may read the typed arrays but never write them.
 */
export interface Surv {
  readonly kind: "right" | "counting";
  readonly n: number;
  /** Entry times (counting process only), else null. */
  readonly start: Float64Array | null;
  /** Event or censoring time (the stop time for counting-process data). */
  readonly time: Float64Array;
  /** 1 = event (death), 0 = censored. */
  readonly event: Uint8Array;
  /** Number of events. */
  readonly nEvents: number;
  /** How many time values near-tie merging changed (0 when none). */
  readonly nearTiesMerged: number;
}

export interface SurvOptions {
  /**
   * Times closer than this are treated as tied, as R survival's `aeqSurv` does (R's default
   * `sqrt(.Machine$double.eps)` ≈ 1.49e-8): two distinct sorted times y[k-1] < y[k] are merged when
   * y[k] − y[k-1] ≤ tol or (y[k] − y[k-1]) / mean(|y|) ≤ tol, and every merged value is replaced by
   * the smallest of its run. Times that come from arithmetic (e.g. days / 30.4375) otherwise split
   * one tie into two event times. Set 0 to switch merging off. Must be in [0, 1e-3]
   * ({@link MAX_TIE_TOLERANCE}): anything larger (or NaN, or negative) is an InputError.
   */
  readonly tieTolerance?: number;
  /** Field names used in error messages (default "time", "event", "start"). */
  readonly names?: { readonly time?: string; readonly event?: string; readonly start?: string };
}

/** R's default tolerance for near ties, sqrt(.Machine$double.eps). */
export const DEFAULT_TIE_TOLERANCE = Math.sqrt(2.220446049250313e-16);

/** Event codes as passed: 1/true = event, 0/false = censored (null and anything else is an InputError). */
type EventInput = ArrayLike<number | boolean | null>;
/**
 * Times as passed. The type admits null because data loaded from files has missing values; a null (or any
 * non-finite or negative value) is an InputError naming its index, so drop incomplete rows first.
 */
type TimeInput = ArrayLike<number | null>;

/**
 * Right-censored survival outcome: validates once, so every kernel can trust its input.
 * Errors name the index and the value (`time[3] = -1: ...`).
 *
 * Equivalent: R `Surv(time, event)` (with `aeqSurv` applied as in `survfit`/`coxph`).
 * Cost: O(n log n) (sorting for near-tie detection).
 *
 * @example
 * const y = surv([5, 8, 8, 12], [1, 1, 0, 1]);
 * y.nEvents // 3
 */
export function surv(time: TimeInput, event: EventInput, options: SurvOptions = {}): Surv {
  const tol = checkTieTolerance(options);
  const names = { time: "time", event: "event", start: "start", ...options.names };
  const n = checkLengths([time, event], [names.time, names.event]);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = checkTime(time[i], names.time, i);
  const ev = checkEvents(event, names.event, n);
  const merged = mergeNearTies([t], tol);
  return freezeSurv({
    kind: "right",
    n,
    start: null,
    time: t,
    event: ev,
    nEvents: countEvents(ev),
    nearTiesMerged: merged,
  });
}

/**
 * Counting-process survival outcome (start, stop], event at stop: for time-dependent covariates
 * and delayed entry. Requires start < stop for every row.
 *
 * Equivalent: R `Surv(start, stop, event)`.
 * Cost: O(n log n).
 *
 * @example
 * const y = survCounting([0, 0, 3], [3, 6, 7], [0, 1, 1]);
 * y.kind // "counting"
 */
export function survCounting(start: TimeInput, stop: TimeInput, event: EventInput, options: SurvOptions = {}): Surv {
  const tol = checkTieTolerance(options);
  const names = { time: "stop", event: "event", start: "start", ...options.names };
  const n = checkLengths([start, stop, event], [names.start, names.time, names.event]);
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s[i] = checkTime(start[i], names.start, i);
    t[i] = checkTime(stop[i], names.time, i);
    if (!(s[i] < t[i])) {
      throw new InputError(`${names.start} must be < ${names.time} (got ${names.start} = ${s[i]})`, {
        field: names.time,
        index: i,
        value: stop[i],
      });
    }
  }
  const ev = checkEvents(event, names.event, n);
  const merged = mergeNearTies([s, t], tol);
  for (let i = 0; i < n; i++) {
    if (!(s[i] < t[i])) {
      throw new InputError("interval has effective length 0 after near-tie merging (R: aeqSurv exception)", {
        field: names.time,
        index: i,
        value: stop[i],
      });
    }
  }
  return freezeSurv({
    kind: "counting",
    n,
    start: s,
    time: t,
    event: ev,
    nEvents: countEvents(ev),
    nearTiesMerged: merged,
  });
}

/** True when `x` is a Surv built by {@link surv} or {@link survCounting}. */
export function isSurv(x: unknown): x is Surv {
  return typeof x === "object" && x !== null && SURV_BRAND in x;
}

const SURV_BRAND = Symbol.for("lung-spine-mets-repro.Surv");

function freezeSurv(s: Surv): Surv {
  Object.defineProperty(s, SURV_BRAND, { value: true, enumerable: false });
  return Object.freeze(s);
}

function checkLengths(arrays: ReadonlyArray<ArrayLike<unknown> | null | undefined>, names: readonly string[]): number {
  arrays.forEach((a, k) => {
    if (
      a === null ||
      a === undefined ||
      typeof (a as ArrayLike<unknown>).length !== "number" ||
      typeof a === "string"
    ) {
      throw new InputError("must be an array", { field: names[k], value: a });
    }
  });
  const n = arrays[0]!.length;
  if (n === 0) throw new InputError("no observations (empty array)", { field: names[0], value: arrays[0] });
  arrays.forEach((a, k) => {
    if (a!.length !== n) {
      throw new InputError(`length ${a!.length} differs from ${names[0]}'s length ${n}`, { field: names[k], value: a });
    }
  });
  return n;
}

function checkTime(v: unknown, field: string, index: number): number {
  if (v === null || v === undefined)
    throw new InputError("missing time: drop incomplete rows first (R: na.omit)", { field, index, value: v });
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new InputError("times must be finite numbers ≥ 0", { field, index, value: v });
  }
  return v;
}

/** Largest accepted near-tie tolerance: the merging is for floating-point noise, not for rounding data. */
export const MAX_TIE_TOLERANCE = 1e-3;

/** Validates SurvOptions.tieTolerance (absent → R's default). */
function checkTieTolerance(options: SurvOptions): number {
  checkOptions(options);
  const tol = options.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  if (!(typeof tol === "number" && tol >= 0 && tol <= MAX_TIE_TOLERANCE))
    throw new InputError(
      `must be a number in [0, ${MAX_TIE_TOLERANCE}] (0 = no merging; R's default ≈ 1.49e-8): it merges ` +
        "floating-point noise, not real differences — round the times instead",
      { field: "options.tieTolerance", value: tol },
    );
  return tol;
}

function checkEvents(event: EventInput, field: string, n: number): Uint8Array {
  const ev = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = event[i];
    if (v === true || v === 1) ev[i] = 1;
    else if (v === false || v === 0) ev[i] = 0;
    else throw new InputError("events must be 0/1 or boolean", { field, index: i, value: v });
  }
  return ev;
}

function countEvents(ev: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < ev.length; i++) k += ev[i];
  return k;
}

/** aeqSurv's rule, applied in place over all time columns jointly; returns how many values changed. */
function mergeNearTies(columns: Float64Array[], tol: number): number {
  if (!(tol > 0)) return 0;
  // One stable radix argsort of all values (no comparator, Map or Set: 10⁶ distinct times cost seconds that
  // way), whose tie runs are the distinct values in ascending order (−0 and +0 are one value, as in a Set).
  let total = 0;
  for (const c of columns) total += c.length;
  let all = columns[0];
  if (columns.length > 1) {
    all = new Float64Array(total);
    let at = 0;
    for (const c of columns) {
      all.set(c, at);
      at += c.length;
    }
  }
  const tied = new Uint8Array(total);
  const y = new Float64Array(total);
  const order = radixArgsort(all, false, tied, y);
  // The distinct values ascending, compacted in place (a zero is stored as +0, as a Set stored it).
  let distinct = 0;
  for (let q = 0; q < total; q++) if (tied[q] === 0) y[distinct++] = y[q];
  if (distinct < 2) return 0;
  let meanAbs = 0;
  for (let k = 0; k < distinct; k++) meanAbs += Math.abs(y[k]);
  meanAbs /= distinct;
  // Distinct value k is replaced by the first value of its run of near ties; every row holding it is rewritten.
  // Reads come from the copy `y` (never from a rewritten row), so the rule compares the original values.
  let changed = 0;
  let cut = y[0];
  let k = 0;
  for (let q = 0; q < total; q++) {
    if (tied[q] === 0 && q > 0) {
      k++;
      const dy = y[k] - y[k - 1];
      if (!(dy <= tol || dy / meanAbs <= tol)) cut = y[k];
    }
    if (k > 0 && cut !== y[k]) {
      const i = order[q];
      let c = 0;
      let at = i;
      while (at >= columns[c].length) at -= columns[c++].length;
      columns[c][at] = cut;
      changed++;
    }
  }
  return changed;
}
