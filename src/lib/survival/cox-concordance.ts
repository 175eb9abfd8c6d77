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
  // Per slot: concordant, discordant, tied.x influence. A slot is a sorted position, except for
  // right-censored data where slot lo + q of a stratum holds its q-th row in η order (slotRow maps it
  // back), so that sweep writes sequentially and the sum of squares below needs no scatter.
  const inf = new Float64Array(n * 3);
  const slotRow = start ? null : new Int32Array(n);
  const slotWeight = start ? weight : new Float64Array(n);
  const etaRank = start ? null : new Int32Array(n);
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  const rank = new Int32Array(n);
  const deathGroup = new Int32Array(start ? n : 0);
  const tied = new TiedDeaths(start ? 2 * n + 2 : 0);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    // Ranks of η within the stratum (1 = smallest; equal η share a rank).
    const byEta = radixArgsort(eta.subarray(lo, hi), false);
    let m = 0;
    let previous = 0;
    for (let r = 0; r < byEta.length; r++) {
      const k = lo + byEta[r];
      const e = eta[k];
      if (r === 0 || e !== previous) m++;
      previous = e;
      if (etaRank) etaRank[lo + r] = m;
      else rank[k] = m;
    }
    if (slotRow && etaRank) {
      // Right-censored data: one sweep in η order over small trees keyed by time (see rightCensoredPairs).
      const c = rightCensoredPairs(d, lo, hi, byEta, etaRank, inf, slotRow, slotWeight);
      conc += c.conc;
      disc += c.disc;
      tiedX += c.tiedX;
      tiedY += c.tiedY;
      tiedXY += c.tiedXY;
      lo = hi;
      continue;
    }
    // Deaths tied in time are tied on η when their ranks agree: group 2·rank for deaths, odd otherwise.
    for (let k = lo; k < hi; k++) deathGroup[k] = event[k] === 1 ? 2 * rank[k] : 1;
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
      tied.pairs(pos, end, deathGroup, weight);
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
    dfbeta[k] = slotWeight[k] * ((c - dd) / npair - (somers / npair) * (c + dd + tx));
  }
  let v = 0;
  if (cluster) {
    const sums = new Map<number, number>();
    for (let k = 0; k < n; k++) {
      const c = cluster[d.rowOf[slotRow ? slotRow[k] : k]];
      sums.set(c, (sums.get(c) ?? 0) + dfbeta[k]);
    }
    for (const s of sums.values()) v += s * s;
  } else for (let k = 0; k < n; k++) v += dfbeta[k] * dfbeta[k];
  return {
    concordant: conc,
    discordant: disc,
    tiedX,
    tiedY,
    tiedXY,
    concordance: (somers + 1) / 2,
    std: Math.sqrt(v / 4),
  };
}

/**
 * Right-censored stratum [lo, hi): the same counts and influences as the two time sweeps, from one
 * sweep in increasing η with Fenwick trees keyed by death-time rank. A death at the r-th distinct death time
 * (0-based) has rank r; every row has g = the number of death times at which it is a comparator (death times
 * before its time, plus its own time when it is censored there, since a censoring tied with a death counts as
 * at risk after it). Death i and row j are comparable exactly when r_i < g_j. The trees have one slot per
 * distinct death time — fewer than the 2 × (distinct times) of keying by time, which matters when times are
 * continuous (10⁶ slots miss the cache on every walk) and keeps grid data (days) in cache.
 */
function rightCensoredPairs(
  d: CoxDesign,
  lo: number,
  hi: number,
  byEta: Int32Array,
  etaRank: Int32Array,
  inf: Float64Array,
  slotRow: Int32Array,
  slotWeight: Float64Array,
): { conc: number; disc: number; tiedX: number; tiedY: number; tiedXY: number } {
  const { stop, event, weight } = d;
  // Rows are sorted by time descending, so walk upwards from hi − 1 counting death times.
  const m = hi - lo;
  const g = new Int32Array(m);
  let deathTimes = 0;
  for (let k = hi - 1; k >= lo; ) {
    const t = stop[k];
    let e = k;
    let hasDeath = false;
    while (e >= lo && stop[e] === t) {
      if (event[e] === 1) hasDeath = true;
      e--;
    }
    // Deaths at t have rank deathTimes (= number of earlier death times); censored rows at t compare with
    // the deaths at t too when there are any.
    for (let q = k; q > e; q--) g[q - lo] = event[q] === 1 ? deathTimes : deathTimes + (hasDeath ? 1 : 0);
    if (hasDeath) deathTimes++;
    k = e;
  }
  const size = deathTimes + 1;
  const rowsAtG = new Float64Array(size + 1);
  const deathsAtR = new Float64Array(size + 1);
  const deathsSqAtR = new Float64Array(size + 1);
  for (let k = lo; k < hi; k++) {
    const w = weight[k];
    rowsAtG[g[k - lo]] += w;
    if (event[k] === 1) {
      deathsAtR[g[k - lo]] += w;
      deathsSqAtR[g[k - lo]] += w * w;
    }
  }
  let tiedYAll = 0;
  for (let r = 0; r < deathTimes; r++) tiedYAll += (deathsAtR[r] * deathsAtR[r] - deathsSqAtR[r]) / 2;
  let tiedXY = 0;
  const rowsAbove = new Float64Array(size + 1); // Σ rows with g > r
  for (let r = size - 1; r >= 0; r--) rowsAbove[r] = rowsAbove[r + 1] + rowsAtG[r + 1];
  const deathsBelow = new Float64Array(size + 1); // Σ deaths with rank < c
  for (let c = 0; c < size; c++) deathsBelow[c + 1] = deathsBelow[c] + deathsAtR[c];
  const tied = new TiedDeaths(2 * size + 2);
  const rows = new Fenwick(size + 1);
  const deaths = new Fenwick(size + 1);
  const rowsEq = new Fenwick(size + 1);
  const deathsEq = new Fenwick(size + 1);
  // Gather into η order once so the sweep reads memory sequentially. keyE = 2g for a death, 2g + 1 for a
  // censored row: g = keyE >> 1, and deaths at the same time share their (even) key, as TiedDeaths expects.
  const keyE = new Int32Array(m);
  const wE = slotWeight.subarray(lo, hi);
  const rankE = etaRank.subarray(lo, hi);
  for (let q = 0; q < m; q++) {
    const k = lo + byEta[q];
    keyE[q] = 2 * g[k - lo] + (event[k] === 1 ? 0 : 1);
    wE[q] = weight[k];
    slotRow[lo + q] = k;
  }
  const infE = inf.subarray(3 * lo, 3 * hi);
  let rowsSoFar = 0;
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  const rowsTree = rows.tree;
  const deathsTree = deaths.tree;
  const treeSize = size + 1;
  for (let r = 0; r < m; ) {
    let e = r + 1;
    while (e < m && rankE[e] === rankE[r]) e++;
    if (e - r === 1) {
      // The common case (η untied): the general steps below with the tied terms (0) dropped and the
      // tree walks inlined; same operations in the same order.
      const key = keyE[r];
      const c = key >> 1;
      const w = wE[r];
      const o = 3 * r;
      let dLess = 0;
      for (let i = c; i > 0; i -= i & -i) dLess += deathsTree[i];
      if ((key & 1) === 0) {
        let upto = 0;
        for (let i = c + 1; i > 0; i -= i & -i) upto += rowsTree[i];
        const less = rowsSoFar - upto;
        const greater = rowsAbove[c] - less;
        infE[o] = less + (deathsBelow[c] - dLess);
        infE[o + 1] = greater + dLess;
        conc += w * less;
        disc += w * greater;
        for (let i = c + 1; i <= treeSize; i += i & -i) deathsTree[i] += w;
      } else {
        infE[o] = deathsBelow[c] - dLess;
        infE[o + 1] = dLess;
      }
      for (let i = c + 1; i <= treeSize; i += i & -i) rowsTree[i] += w;
      rowsSoFar += w;
      r = e;
      continue;
    }
    for (let q = r; q < e; q++) {
      rowsEq.add((keyE[q] >> 1) + 1, wE[q]);
      if ((keyE[q] & 1) === 0) deathsEq.add((keyE[q] >> 1) + 1, wE[q]);
    }
    // Deaths tied on η and on time (tied.xy): same death rank (same even key) within this η group.
    tied.pairs(r, e, keyE, wE);
    tiedXY += tied.sameX;
    for (let q = r; q < e; q++) {
      const c = keyE[q] >> 1;
      if ((keyE[q] & 1) === 0) {
        // Comparators with smaller η: rows so far minus those with g ≤ r (Fenwick index = g + 1).
        const less = rowsSoFar - rows.prefix(c + 1);
        const eq = rowsEq.prefix(treeSize) - rowsEq.prefix(c + 1);
        const greater = rowsAbove[c] - less - eq;
        const w = wE[q];
        infE[q * 3] += less;
        infE[q * 3 + 1] += greater;
        infE[q * 3 + 2] += eq;
        conc += w * less;
        disc += w * greater;
        tiedX += w * eq;
      }
      // As comparator: deaths with rank < g; smaller η ⇒ discordant pair, larger ⇒ concordant.
      const dLess = deaths.prefix(c);
      const dEq = deathsEq.prefix(c);
      infE[q * 3 + 1] += dLess;
      infE[q * 3 + 2] += dEq;
      infE[q * 3] += deathsBelow[c] - dLess - dEq;
    }
    for (let q = r; q < e; q++) {
      const c = keyE[q] >> 1;
      const dead = (keyE[q] & 1) === 0;
      rowsEq.add(c + 1, -wE[q]);
      if (dead) deathsEq.add(c + 1, -wE[q]);
      rows.add(c + 1, wE[q]);
      rowsSoFar += wE[q];
      if (dead) deaths.add(c + 1, wE[q]);
    }
    r = e;
  }
  return { conc, disc, tiedX, tiedY: tiedYAll - tiedXY, tiedXY };
}

/**
 * Weighted pairs among deaths: `pairs(from, to, group, weight)` takes positions [from, to) whose
 * `group` value is even for a death (the right-censored keys; the counting-process sweep passes
 * 2·rank for deaths) and sets `all` (pairs of deaths) and `sameX` (pairs of deaths in the same group).
 * O(to − from): weights are summed per group in arrays allocated once and reset after each call.
 */
class TiedDeaths {
  all = 0;
  sameX = 0;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly touched: Int32Array;
  constructor(groups: number) {
    this.sum = new Float64Array(groups + 1);
    this.sumSq = new Float64Array(groups + 1);
    this.touched = new Int32Array(groups + 1);
  }
  pairs(from: number, to: number, group: Int32Array, weight: Float64Array): void {
    let sum = 0;
    let sumSq = 0;
    let used = 0;
    for (let k = from; k < to; k++) {
      const g = group[k];
      if ((g & 1) !== 0) continue;
      const w = weight[k];
      sum += w;
      sumSq += w * w;
      if (this.sum[g] === 0 && this.sumSq[g] === 0) this.touched[used++] = g;
      this.sum[g] += w;
      this.sumSq[g] += w * w;
    }
    let sameX = 0;
    for (let u = 0; u < used; u++) {
      const g = this.touched[u];
      sameX += (this.sum[g] * this.sum[g] - this.sumSq[g]) / 2;
      this.sum[g] = 0;
      this.sumSq[g] = 0;
    }
    this.all = (sum * sum - sumSq) / 2;
    this.sameX = sameX;
  }
}
