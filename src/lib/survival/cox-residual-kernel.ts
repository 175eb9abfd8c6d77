import { coxSweep, coxWork, type CoxDesign, type DeathGroup } from "./cox-kernel";

/** Per-row quantities of a fitted Cox model (sorted positions, scaled covariates), from one sweep at β̂. */
export interface CoxRowResiduals {
  /** Martingale residual δ − exp(η) Λ(row's interval), unweighted as R. */
  readonly martingale: Float64Array;
  /** Score residuals on the ORIGINAL covariate scale, row-major n × p, unweighted. */
  readonly score: Float64Array;
  /** Death groups in sweep order (per stratum, time descending). */
  readonly groups: readonly DeathGroup[];
  /** Group of each sorted position that has an event, else −1. */
  readonly groupOfDeath: Int32Array;
  readonly eta: Float64Array;
}

/**
 * Martingale and score residuals (R residuals.coxph, coxscore2 / agscore2 algorithm): the Efron
 * share (1 − k/d) of each tied death's own hazard increment, cumulative hazards over the row's
 * (start, stop] found by binary search. Cost O(n p + G p² + n log G).
 */
export function coxRowResiduals(d: CoxDesign, beta: Float64Array): CoxRowResiduals {
  const { n, p, xs, stop, start, event, strataEnds, scale } = d;
  const work = coxWork(n, p);
  const groups: DeathGroup[] = [];
  coxSweep(d, beta, work, (g) => groups.push(g));
  const groupOfDeath = new Int32Array(n).fill(-1);
  groups.forEach((g, gi) => {
    for (const k of g.deaths) groupOfDeath[k] = gi;
  });
  const martingale = new Float64Array(n);
  const score = new Float64Array(n * p);
  let gFirst = 0;
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    let gEnd = gFirst;
    while (gEnd < groups.length && groups[gEnd].stratum === s) gEnd++;
    const G = gEnd - gFirst;
    // Ascending times and cumulative hazards: cum[i] = Σ over the first i groups in time order.
    const times = new Float64Array(G);
    const cumH = new Float64Array(G + 1);
    const cumHX = new Float64Array((G + 1) * p);
    for (let i = 0; i < G; i++) {
      const g = groups[gEnd - 1 - i];
      times[i] = g.time;
      cumH[i + 1] = cumH[i] + g.hazard;
      for (let j = 0; j < p; j++) cumHX[(i + 1) * p + j] = cumHX[i * p + j] + g.hazardX[j];
    }
    for (let k = lo; k < hi; k++) {
      const iStop = upperBound(times, stop[k]);
      const iStart = start ? upperBound(times, start[k]) : 0;
      let h = cumH[iStop] - cumH[iStart];
      const r = Math.exp(work.eta[k]);
      const gi = groupOfDeath[k];
      const g = gi >= 0 ? groups[gi] : null;
      if (g) h += g.hazardDying - g.hazard;
      martingale[k] = event[k] - r * h;
      for (let j = 0; j < p; j++) {
        let hx = cumHX[iStop * p + j] - cumHX[iStart * p + j];
        if (g) hx += g.hazardXDying[j] - g.hazardX[j];
        const x = xs[k * p + j];
        const own = g ? x - g.meanX[j] : 0;
        score[k * p + j] = (own - r * (x * h - hx)) / scale[j];
      }
    }
    gFirst = gEnd;
    lo = hi;
  }
  return { martingale, score, groups, groupOfDeath, eta: work.eta };
}

function upperBound(a: Float64Array, x: number): number {
  let l = 0;
  let h = a.length;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (a[mid] <= x) l = mid + 1;
    else h = mid;
  }
  return l;
}

/** V on the original scale from the scaled-covariate variance: V_jl · s_j · s_l (p × p, row-major). */
export function unscaleVariance(vScaled: ArrayLike<number>, scale: Float64Array): Float64Array {
  const p = scale.length;
  const v = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) v[j * p + l] = vScaled[j * p + l] * scale[j] * scale[l];
  return v;
}

/** dfbeta = w · (score residual) · V, n × p row-major in sorted positions. */
export function dfbetaRows(d: CoxDesign, score: Float64Array, variance: Float64Array): Float64Array {
  const { n, p, weight } = d;
  const out = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    for (let l = 0; l < p; l++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += score[k * p + j] * variance[j * p + l];
      out[k * p + l] = weight[k] * s;
    }
  }
  return out;
}

/** Sorted positions of the events in R's order: stratum, time ascending, then input row. */
export function schoenfeldOrder(design: CoxDesign): number[] {
  const { n, event, stratum, stop, rowOf } = design;
  const deaths: number[] = [];
  for (let k = 0; k < n; k++) if (event[k] === 1) deaths.push(k);
  return deaths.sort((a, b) => stratum[a] - stratum[b] || stop[a] - stop[b] || rowOf[a] - rowOf[b]);
}

/** Unweighted Schoenfeld residuals x − x̄ on the original scale, one row of p per listed death. */
export function schoenfeldRows(
  design: CoxDesign,
  groups: readonly DeathGroup[],
  groupOfDeath: Int32Array,
  deaths: readonly number[],
): Float64Array {
  const { xs, p, scale } = design;
  const out = new Float64Array(deaths.length * p);
  deaths.forEach((k, i) => {
    const g = groups[groupOfDeath[k]];
    for (let j = 0; j < p; j++) out[i * p + j] = (xs[k * p + j] - g.meanX[j]) / scale[j];
  });
  return out;
}
