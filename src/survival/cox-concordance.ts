import type { CoxDesign } from "./cox-kernel";
import { radixArgsort } from "./cox-sort";

/** Harrell's concordance of a Cox fit as R's coxph reports it (concordancefit(reverse = TRUE), timewt "n"). */
export interface CoxConcordance {
  readonly concordant: number;
  readonly discordant: number;
  readonly tiedX: number;
  readonly tiedY: number;
  readonly tiedXY: number;
  readonly concordance: number;
  /** Infinitesimal-jackknife standard error (R's `std`, sqrt of concordancefit's `var`). */
  readonly std: number;
}

/** Fenwick (binary indexed) tree of weights over risk ranks 1..m. */
class Fenwick {
  readonly tree: Float64Array;
  /** Weight at each rank, so "below" = prefix(rank) − at[rank] costs no second tree walk. */
  readonly at: Float64Array;
  constructor(readonly m: number) {
    this.tree = new Float64Array(m + 1);
    this.at = new Float64Array(m + 1);
  }
  add(i: number, w: number): void {
    this.at[i] += w;
    for (; i <= this.m; i += i & -i) this.tree[i] += w;
  }
  /** Sum over ranks 1..i. */
  prefix(i: number): number {
    let s = 0;
    for (; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }
}

/**
 * Pairs (i dies at t, j at risk at t and not dying at t) are concordant when i's linear predictor is
 * larger. Counts and each row's pair influence come from two sweeps with Fenwick trees over the
 * ranks of η: O(n log n). The SE is R's: dfbeta_i = w_i [(C_i − D_i)/N − S/N (C_i + D_i + T_i)],
 * var = Σ dfbeta² / 4 (Somers' d to concordance), dfbetas summed within `cluster` (original-row codes) first.
 */
export function coxConcordance(d: CoxDesign, eta: Float64Array, cluster: Int32Array | null = null): CoxConcordance {
  const { n, stop, start, event, weight, strataEnds, startOrder } = d;
  const inf = new Float64Array(n * 3); // per sorted row: concordant, discordant, tied.x influence
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  const rank = new Int32Array(n);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    // Ranks of η within the stratum (1 = smallest; equal η share a rank).
    const byEta = radixArgsort(eta.subarray(lo, hi), false);
    let m = 0;
    for (let r = 0; r < byEta.length; r++) {
      const k = lo + byEta[r];
      if (r === 0 || eta[k] !== eta[lo + byEta[r - 1]]) m++;
      rank[k] = m;
    }
    // Sweep 1 (time descending): each death against the rows at risk not dying at the same time.
    const atRisk = new Fenwick(m);
    let total = 0;
    let pos = lo;
    let q = lo;
    while (pos < hi) {
      const t = stop[pos];
      if (start && startOrder) {
        while (q < hi && start[startOrder[q]] >= t) {
          const k = startOrder[q++];
          atRisk.add(rank[k], -weight[k]);
          total -= weight[k];
        }
      }
      let end = pos;
      while (end < hi && stop[end] === t) end++;
      for (let k = pos; k < end; k++) {
        if (event[k] === 0) {
          atRisk.add(rank[k], weight[k]);
          total += weight[k];
        }
      }
      for (let k = pos; k < end; k++) {
        if (event[k] === 0) continue;
        const upto = atRisk.prefix(rank[k]);
        const below = upto - atRisk.at[rank[k]];
        const w = weight[k];
        inf[k * 3] += below;
        inf[k * 3 + 1] += total - upto;
        inf[k * 3 + 2] += upto - below;
        conc += w * below;
        disc += w * (total - upto);
        tiedX += w * (upto - below);
      }
      // Pairs of deaths at the same time: tied on y (and on x when their η are equal).
      const tied = tiedDeathPairs(pos, end, event, weight, rank);
      tiedY += tied.all - tied.sameX;
      tiedXY += tied.sameX;
      for (let k = pos; k < end; k++) {
        if (event[k] === 1) {
          atRisk.add(rank[k], weight[k]);
          total += weight[k];
        }
      }
      pos = end;
    }
    // Sweep 2 (time ascending): each row's influence as the comparator of the deaths in its interval.
    const deaths = new Fenwick(m);
    let deathTotal = 0;
    const query = (k: number, sign: number): void => {
      const upto = deaths.prefix(rank[k]);
      const below = upto - deaths.at[rank[k]];
      inf[k * 3] += sign * (deathTotal - upto);
      inf[k * 3 + 1] += sign * below;
      inf[k * 3 + 2] += sign * (upto - below);
    };
    let hiPos = hi - 1;
    let qs = hi - 1;
    while (hiPos >= lo) {
      const t = stop[hiPos];
      if (start && startOrder) {
        while (qs >= lo && start[startOrder[qs]] < t) query(startOrder[qs--], -1);
      }
      let first = hiPos;
      while (first >= lo && stop[first] === t) first--;
      for (let k = first + 1; k <= hiPos; k++) if (event[k] === 1) query(k, 1);
      for (let k = first + 1; k <= hiPos; k++) {
        if (event[k] === 1) {
          deaths.add(rank[k], weight[k]);
          deathTotal += weight[k];
        }
      }
      for (let k = first + 1; k <= hiPos; k++) if (event[k] === 0) query(k, 1);
      hiPos = first;
    }
    lo = hi;
  }
  const npair = conc + disc + tiedX;
  const somers = (conc - disc) / npair;
  // With clusters (R: coxph passes cluster to concordancefit) dfbetas are summed within cluster first.
  const dfbeta = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = inf[k * 3];
    const dd = inf[k * 3 + 1];
    const tx = inf[k * 3 + 2];
    dfbeta[k] = weight[k] * ((c - dd) / npair - (somers / npair) * (c + dd + tx));
  }
  let v = 0;
  if (cluster) {
    const sums = new Map<number, number>();
    for (let k = 0; k < n; k++) sums.set(cluster[d.rowOf[k]], (sums.get(cluster[d.rowOf[k]]) ?? 0) + dfbeta[k]);
    for (const s of sums.values()) v += s * s;
  } else for (let k = 0; k < n; k++) v += dfbeta[k] * dfbeta[k];
  return { concordant: conc, discordant: disc, tiedX, tiedY, tiedXY, concordance: (somers + 1) / 2, std: Math.sqrt(v / 4) };
}

/** Weighted pairs among the deaths in positions [from, to): all, and those with equal η rank. O(d). */
function tiedDeathPairs(from: number, to: number, event: Uint8Array, weight: Float64Array, rank: Int32Array): { all: number; sameX: number } {
  let sum = 0;
  let sumSq = 0;
  const byRank = new Map<number, [number, number]>();
  for (let k = from; k < to; k++) {
    if (event[k] === 0) continue;
    const w = weight[k];
    sum += w;
    sumSq += w * w;
    const acc = byRank.get(rank[k]);
    if (acc) {
      acc[0] += w;
      acc[1] += w * w;
    } else byRank.set(rank[k], [w, w * w]);
  }
  let sameX = 0;
  for (const [s, sq] of byRank.values()) sameX += (s * s - sq) / 2;
  return { all: (sum * sum - sumSq) / 2, sameX };
}
