import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { radixArgsort } from "../survival/cox-sort";
import {
  type StatusCode,
  type StatusCoding,
  validateCaseWeights,
  validateCompetingRisks,
  validateGroups,
} from "./internal/competing-risks-input";

export interface FineGrayDataOptions extends StatusCoding {
  /** The cause of interest (R `etype`); default the first cause. */
  readonly cause?: StatusCode;
  /** Strata: the censoring distribution is estimated within each (R `strata()` in the finegray formula). */
  readonly strata?: ArrayLike<string | number>;
  /** Case weights > 0, multiplied into fgwt (R `weights =`). */
  readonly weights?: ArrayLike<number>;
  /** R's near-tie tolerance (finegray's timefix = TRUE); 0 switches merging off. */
  readonly tieTolerance?: number;
}

/** The expanded counting-process data set (R's finegray columns), one entry per output row. */
export interface FineGrayData {
  /** 0-based index of the input row each output row comes from (R's row order: each row, then its extensions). */
  readonly row: readonly number[];
  readonly fgstart: readonly number[];
  readonly fgstop: readonly number[];
  /** 1 for a failure of the cause of interest, else 0. */
  readonly fgstatus: readonly number[];
  /** Ĝ(t)/Ĝ(tᵢ) for the extended rows of other-cause failures, 1 otherwise (times the case weight). */
  readonly fgwt: readonly number[];
  /** R's `count` column: 0 for the original row, 1, 2, … for its added intervals. */
  readonly add: readonly number[];
  readonly cause: string;
  readonly nInput: number;
}

/**
 * The data set for a Fine–Gray model fitted as a weighted Cox model, as R survival::finegray builds it:
 * subjects who fail of another cause stay in the risk set after their failure, in intervals that end
 * at the censoring times, with weight Ĝ(t)/Ĝ(tᵢ) (Ĝ = Kaplan–Meier of the censoring distribution, by
 * stratum; events precede censorings at the same time); intervals that contain no failure of interest
 * are dropped. Fit with `coxPH(survCounting(fgstart, fgstop, fgstatus), x[row], { weights: fgwt,
 * cluster: row, robust: true })`, which is what {@link fineGray} does with `method: "finegray"`.
 * Right-censored input only (one row per subject; finegray's (start, stop] form with delayed entry is
 * not supported). Strata with no failure of interest are dropped, as finegray drops them.
 *
 * Reference: Geskus RB (2011) Biometrics 67:39; Therneau, Crowson & Atkinson, "Multi-state models and
 * competing risks", survival vignette §4. R: `survival::finegray(Surv(time, factor(status)) ~ .,
 * data, etype = cause)`. SPSS: none. Cost: O(n log n + output rows).
 *
 * @example
 * const d = fineGrayData([1, 2, 3, 4], [1, 2, 0, 1]);
 * d.fgstop // [1, 3, 4, 3, 4]: the cause-2 failure at 2 is carried to the censoring at 3, then to 4
 * d.fgwt // [1, 1, 0.5, 1, 1]
 */
export function fineGrayData(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  options: FineGrayDataOptions = {},
): FineGrayData {
  checkOptions(options);
  const data = validateCompetingRisks(time, status, options, undefined, options.tieTolerance);
  const n = data.n;
  const weights = validateCaseWeights(options.weights, n);
  const strata = validateGroups(options.strata, n, "strata");
  const enumCode = causeIndex(options.cause, data.causeCodes, "cause");
  const t = data.time;
  // Interval bounds on R's scale: start "zero" below every time.
  let minTime = Infinity;
  for (let i = 0; i < n; i++) if (t[i] < minTime) minTime = t[i];
  const zero = minTime > 0 ? 0 : 2 * minTime - 1;
  const nStrata = strata === null ? 1 : strata.labels.length;
  const order = radixArgsort(t, false);
  const out = { row: [] as number[], fgstart: [] as number[], fgstop: [] as number[], fgstatus: [] as number[] };
  const wts: number[] = [];
  const adds: number[] = [];
  for (let h = 0; h < nStrata; h++) {
    const inStratum = (i: number): boolean => strata === null || strata.codes[i] === h;
    // Censoring Kaplan–Meier within the stratum; an event at the time of a censoring leaves the risk set first.
    const ctime: number[] = [];
    const cprob: number[] = [];
    let atRisk = 0;
    let maxTime = -Infinity;
    let anyEvent = false;
    for (let i = 0; i < n; i++) {
      if (!inStratum(i)) continue;
      atRisk++;
      if (t[i] > maxTime) maxTime = t[i];
      if (data.cause[i] === enumCode) anyEvent = true;
    }
    if (!anyEvent) continue;
    let g = 1;
    for (let r = 0; r < n; ) {
      const tt = t[order[r]];
      let e = r;
      let events = 0;
      let censored = 0;
      while (e < n && t[order[e]] === tt) {
        const i = order[e];
        if (inStratum(i)) {
          if (data.cause[i] > 0) events++;
          else censored++;
        }
        e++;
      }
      atRisk -= events;
      if (censored > 0) {
        g *= 1 - censored / atRisk;
        ctime.push(tt);
        cprob.push(g);
      }
      atRisk -= censored;
      r = e;
    }
    const ct2 = [...ctime, maxTime];
    const cp2 = [1, ...cprob];
    // keep[j]: the interval (ct2[j−1], ct2[j]] holds a failure of interest (keep[0] is always true).
    const keep = new Array<boolean>(ct2.length + 1).fill(false);
    keep[0] = true;
    for (let i = 0; i < n; i++) {
      if (!inStratum(i) || data.cause[i] !== enumCode) continue;
      keep[firstAtOrAfter(ct2, t[i])] = true;
    }
    for (let i = 0; i < n; i++) {
      if (!inStratum(i)) continue;
      const w = weights === null ? 1 : weights[i];
      const c = data.cause[i];
      out.row.push(i);
      out.fgstart.push(zero);
      out.fgstatus.push(c === enumCode ? 1 : 0);
      wts.push(w);
      adds.push(0);
      if (c === 0 || c === enumCode) {
        out.fgstop.push(t[i]);
        continue;
      }
      // Another cause: extend to the end of the censoring interval holding tᵢ, then add the kept intervals.
      let j = firstAtOrAfter(ct2, t[i]);
      out.fgstop.push(ct2[j]);
      const base = cp2[j];
      let added = 0;
      for (j++; j < ct2.length; j++) {
        if (!keep[j]) continue;
        added++;
        out.row.push(i);
        out.fgstart.push(ct2[j - 1]);
        out.fgstop.push(ct2[j]);
        out.fgstatus.push(0);
        wts.push((cp2[j] / base) * w);
        adds.push(added);
      }
    }
  }
  // Arrays frozen first: deepFreeze would enumerate every index of these long arrays.
  return deepFreeze({
    row: Object.freeze(out.row),
    fgstart: Object.freeze(out.fgstart),
    fgstop: Object.freeze(out.fgstop),
    fgstatus: Object.freeze(out.fgstatus),
    fgwt: Object.freeze(wts),
    add: Object.freeze(adds),
    cause: data.causes[enumCode - 1],
    nInput: n,
  });
}

/** Index of the first value ≥ t in a sorted array (its length when none). */
function firstAtOrAfter(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1-based cause index of a status code (default: the first cause). */
export function causeIndex(code: StatusCode | undefined, causeCodes: readonly StatusCode[], field: string): number {
  if (code === undefined) return 1;
  const k = causeCodes.indexOf(code);
  if (k < 0)
    throw new InputError(`is not one of the causes in the data (${causeCodes.join(", ")})`, { field, value: code });
  return k + 1;
}
