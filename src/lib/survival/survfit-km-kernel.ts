/**
 * The survfit kernel for raw (not Cox) data, a port of R survival's survfitkm.c (3.5-3): one row per distinct
 * stop time with weighted counts, the Kaplan–Meier or exp(−H) survival, the Nelson–Aalen or Fleming–Harrington
 * cumulative hazard, and their standard errors — Greenwood / Aalen model-based, or the infinitesimal-jackknife
 * (robust) variance with each row its own cluster, which R uses by default when a case weight is not a whole
 * number. Internal to the survival area: kaplanMeier and nelsonAalen validate and call it.
 */
import { radixArgsort } from "./cox-sort";

/** R's survfit `type`: 1 = KM + Nelson–Aalen, 2 = KM + Fleming–Harrington, 3 = exp(−NA), 4 = exp(−FH). */
export type SurvfitKmType = 1 | 2 | 3 | 4;

export interface SurvfitKmColumns {
  readonly time: Float64Array;
  /** Weighted number at risk, events and censorings (R's n.risk, n.event, n.censor). */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  /** Unweighted number of events at each time (R's n[, 2]). */
  readonly nEventCount: Float64Array;
  readonly surv: Float64Array;
  readonly cumhaz: Float64Array;
  /** R's std.err: of log S when `logse`, else of S (robust Kaplan–Meier). */
  readonly stdErr: Float64Array;
  /** R's std.chaz: standard error of the cumulative hazard. */
  readonly stdChaz: Float64Array;
  /** R's `logse` flag, which survfit_confint reads (R: ncluster == 0 || type 2 || type 4). */
  readonly logse: boolean;
}

/**
 * Cost: O(n log n) to sort (radix, O(n) for large n); model-based variances O(n); the robust variance O(n) for
 * right-censored data (running sums, below) and O(n · times) for counting-process data (R's loop).
 */
export function survfitKmKernel(
  time: Float64Array,
  event: Uint8Array,
  start: Float64Array | null,
  weight: Float64Array | null,
  type: SurvfitKmType,
  robust: boolean,
): SurvfitKmColumns {
  const n = time.length;
  const byStop = radixArgsort(time, false);
  const byStart = start === null ? null : radixArgsort(start, false);
  // Distinct stop times.
  let ntime = 0;
  for (let r = 0; r < n; r++) if (r === 0 || time[byStop[r]] !== time[byStop[r - 1]]) ntime++;
  const dtime = new Float64Array(ntime);
  const nRisk = new Float64Array(ntime);
  const nEvent = new Float64Array(ntime);
  const nCensor = new Float64Array(ntime);
  const nEventCount = new Float64Array(ntime);
  // Counts, from the largest time down (survfitkm.c's pass): rows join at their stop time and leave when the
  // sweep passes their start time (start ≥ t: not at risk at t).
  let person2 = n - 1;
  let person1 = n - 1;
  let wt1 = 0;
  for (let k = ntime - 1; k >= 0; k--) {
    const t = time[byStop[person2]];
    dtime[k] = t;
    let d0 = 0;
    let wt2 = 0;
    let wt3 = 0;
    for (; person2 >= 0; person2--) {
      const i = byStop[person2];
      if (time[i] !== t) break;
      const wi = weight === null ? 1 : weight[i];
      wt1 += wi;
      if (event[i] === 1) {
        d0++;
        wt2 += wi;
      } else wt3 += wi;
    }
    if (start !== null && byStart !== null) {
      for (; person1 >= 0; person1--) {
        const i = byStart[person1];
        if (start[i] < t) break;
        wt1 -= weight === null ? 1 : weight[i];
      }
    }
    nRisk[k] = wt1;
    nEvent[k] = wt2;
    nCensor[k] = wt3;
    nEventCount[k] = d0;
  }
  const surv = new Float64Array(ntime);
  const cumhaz = new Float64Array(ntime);
  const stdErr = new Float64Array(ntime);
  const stdChaz = new Float64Array(ntime);
  // Model-based estimates and variances.
  let nelson = 0;
  let km = 1;
  let v1 = 0;
  let v2 = 0;
  for (let i = 0; i < ntime; i++) {
    const d0 = nEventCount[i];
    const d1 = nEvent[i];
    const nr = nRisk[i];
    if (type === 1 || type === 3) {
      if (d0 > 0 && d1 > 0) {
        nelson += d1 / nr;
        v2 += d1 / (nr * nr);
      }
    } else {
      for (let j = 0; j < d0; j++) {
        const dt = nr - (j * d1) / d0;
        nelson += d1 / (d0 * dt);
        v2 += d1 / (d0 * dt * dt);
      }
    }
    cumhaz[i] = nelson;
    stdChaz[i] = Math.sqrt(v2);
    if (type < 3) {
      if (d0 > 0 && d1 > 0) {
        km *= (nr - d1) / nr;
        v1 += d1 / (nr * (nr - d1)); // Greenwood
      }
      surv[i] = km;
      stdErr[i] = Math.sqrt(v1);
    } else {
      surv[i] = Math.exp(-nelson);
      stdErr[i] = stdChaz[i];
    }
  }
  if (robust) {
    if (start === null)
      robustRight(time, event, weight, byStop, type, dtime, nRisk, nEvent, nEventCount, stdErr, stdChaz);
    else
      robustCounting(
        time,
        event,
        start,
        weight,
        byStop,
        byStart!,
        type,
        dtime,
        nRisk,
        nEvent,
        nEventCount,
        stdErr,
        stdChaz,
      );
  }
  return {
    time: dtime,
    nRisk,
    nEvent,
    nCensor,
    nEventCount,
    surv,
    cumhaz,
    stdErr,
    stdChaz,
    logse: !robust || type === 2 || type === 4,
  };
}

/** Fleming–Harrington pieces of survfitkm.c's robust variance at one time: [dtemp, dtemp2, dtemp3]. */
function fhTerms(d0: number, d1: number, nr: number): [number, number, number] {
  let dtemp = 0;
  let dtemp2 = 0;
  let dtemp3 = 0;
  const rest = nr - d1;
  for (let k = d0; k > 0; k--) {
    const frac = k / d0;
    const b = 1 / (rest + frac * d1);
    dtemp += b;
    dtemp2 += b * b * frac;
    dtemp3 += b * b;
  }
  dtemp /= d0;
  if (d1 !== d0) {
    dtemp2 *= d1 / d0;
    dtemp3 *= d1 / d0;
  }
  return [dtemp, dtemp2, dtemp3];
}

/**
 * Infinitesimal-jackknife variance for right-censored rows, each its own cluster. In survfitkm.c every row at
 * risk has the same influence per unit weight (everyone enters at time 0 with influence 0), so the influences
 * of the rows at risk are w_i·A (survival) and w_i·C (hazard) for two running numbers A and C, and those of rows
 * that have left only rescale (survival: by 1 − h at each later death time) or stay fixed (hazard). Σ inf² is
 * then gone-sum + A² Σ_{at risk} w², O(1) per time instead of R's O(n): the same numbers to rounding.
 */
function robustRight(
  time: Float64Array,
  event: Uint8Array,
  weight: Float64Array | null,
  byStop: Int32Array,
  type: SurvfitKmType,
  dtime: Float64Array,
  nRisk: Float64Array,
  nEvent: Float64Array,
  nEventCount: Float64Array,
  stdErr: Float64Array,
  stdChaz: Float64Array,
): void {
  const n = time.length;
  let sumW2 = 0;
  for (let i = 0; i < n; i++) sumW2 += weight === null ? 1 : weight[i] * weight[i];
  let gone1 = 0;
  let gone2 = 0;
  let a = 0;
  let c = 0;
  let km = 1;
  let v1 = 0;
  let v2 = 0;
  let person2 = 0;
  for (let i = 0; i < dtime.length; i++) {
    const t = dtime[i];
    const nr = nRisk[i];
    const d1 = nEvent[i];
    const d0 = nEventCount[i];
    if (d0 > 0 && d1 > 0) {
      const haz = d1 / nr;
      let deathTerm = 1 / nr; // what a dying row adds to its hazard influence per unit weight
      if (type === 2 || type === 4) {
        const [dtemp, dtemp2, dtemp3] = fhTerms(d0, d1, nr);
        c -= dtemp3;
        deathTerm = dtemp + dtemp3 - dtemp2;
      } else c -= haz / nr;
      if (type < 3) {
        gone1 *= (1 - haz) * (1 - haz);
        a = a * (1 - haz) + (km * haz) / nr;
      }
      for (; person2 < n; person2++) {
        const k = byStop[person2];
        if (time[k] > t) break;
        const wk = weight === null ? 1 : weight[k];
        let i1 = wk * a;
        let i2 = wk * c;
        if (event[k] === 1) {
          i1 -= (km * wk) / nr;
          i2 += wk * deathTerm;
        }
        gone1 += i1 * i1;
        gone2 += i2 * i2;
        sumW2 -= wk * wk;
      }
      if (type < 3) km *= 1 - haz;
      v1 = gone1 + a * a * sumW2;
      v2 = gone2 + c * c * sumW2;
    } else {
      for (; person2 < n; person2++) {
        const k = byStop[person2];
        if (time[k] > t) break;
        const wk = weight === null ? 1 : weight[k];
        gone1 += wk * a * (wk * a);
        gone2 += wk * c * (wk * c);
        sumW2 -= wk * wk;
      }
    }
    stdChaz[i] = Math.sqrt(v2);
    stdErr[i] = type < 3 ? Math.sqrt(v1) : Math.sqrt(v2);
  }
}

/** survfitkm.c's robust loop for counting-process rows (each row its own cluster), O(n · times). */
function robustCounting(
  time: Float64Array,
  event: Uint8Array,
  start: Float64Array,
  weight: Float64Array | null,
  byStop: Int32Array,
  byStart: Int32Array,
  type: SurvfitKmType,
  dtime: Float64Array,
  nRisk: Float64Array,
  nEvent: Float64Array,
  nEventCount: Float64Array,
  stdErr: Float64Array,
  stdChaz: Float64Array,
): void {
  const n = time.length;
  const gwt = new Float64Array(n);
  const inf1 = new Float64Array(n);
  const inf2 = new Float64Array(n);
  const w = (i: number) => (weight === null ? 1 : weight[i]); // O(n · times) anyway: clarity over speed
  let person1 = 0;
  let person2 = 0;
  let km = 1;
  let v1 = 0;
  let v2 = 0;
  for (let i = 0; i < dtime.length; i++) {
    const t = dtime[i];
    for (; person1 < n; person1++) {
      const k = byStart[person1];
      if (start[k] >= t) break;
      gwt[k] = w(k);
    }
    const nr = nRisk[i];
    const d1 = nEvent[i];
    const d0 = nEventCount[i];
    if (d0 > 0 && d1 > 0) {
      const haz = d1 / nr;
      let deathTerm = 1 / nr;
      let hazPerWeight = haz / nr;
      if (type === 2 || type === 4) {
        const [dtemp, dtemp2, dtemp3] = fhTerms(d0, d1, nr);
        hazPerWeight = dtemp3;
        deathTerm = dtemp + dtemp3 - dtemp2;
      }
      for (let k = 0; k < n; k++) {
        if (type < 3) inf1[k] = inf1[k] * (1 - haz) + (gwt[k] * km * haz) / nr;
        inf2[k] -= gwt[k] * hazPerWeight;
      }
      for (; person2 < n; person2++) {
        const k = byStop[person2];
        if (time[k] > t) break;
        if (event[k] === 1) {
          inf1[k] -= (km * w(k)) / nr;
          inf2[k] += w(k) * deathTerm;
        }
        gwt[k] = 0;
      }
      if (type < 3) km *= 1 - haz;
      v1 = 0;
      v2 = 0;
      for (let k = 0; k < n; k++) {
        v1 += inf1[k] * inf1[k];
        v2 += inf2[k] * inf2[k];
      }
    } else {
      for (; person2 < n; person2++) {
        const k = byStop[person2];
        if (time[k] > t) break;
        gwt[k] = 0;
      }
    }
    stdChaz[i] = Math.sqrt(v2);
    stdErr[i] = type < 3 ? Math.sqrt(v1) : Math.sqrt(v2);
  }
}
