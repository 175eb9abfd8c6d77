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
 * sweep in increasing η with Fenwick trees keyed by time (key 2·timeRank, +1 when censored, so that a
 * censoring tied with a death counts as at risk after it). The trees have 2 × (distinct times) slots,
 * which stay in cache when times are recorded on a grid (days), unlike trees over 10⁶ distinct η.
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
  // Keys: rows are sorted by time descending, so walk upwards from hi − 1.
  const key = new Int32Array(hi - lo);
  let tr = -1;
  for (let k = hi - 1; k >= lo; k--) {
    if (k === hi - 1 || stop[k] !== stop[k + 1]) tr++;
    key[k - lo] = 2 * tr + (event[k] === 1 ? 0 : 1);
  }
  const size = 2 * (tr + 1);
  // Comparators of a death with key 2r: all rows with key ≥ 2r + 1; deaths comparable to a row with key c: deaths with
  // key < c.
  const rowsAtKey = new Float64Array(size + 1);
  const deathsAtKey = new Float64Array(size + 1);
  // Pairs of deaths at the same time (tied on y): Σ over times of (S² − Σw²)/2, S the deaths' weight.
  const deathsSqAtKey = new Float64Array(size + 1);
  for (let k = lo; k < hi; k++) {
    const w = weight[k];
    rowsAtKey[key[k - lo]] += w;
    if (event[k] === 1) {
      deathsAtKey[key[k - lo]] += w;
      deathsSqAtKey[key[k - lo]] += w * w;
    }
  }
  let tiedYAll = 0;
  for (let c = 0; c < size; c += 2) tiedYAll += (deathsAtKey[c] * deathsAtKey[c] - deathsSqAtKey[c]) / 2;
  let tiedXY = 0;
  const rowsFrom = new Float64Array(size + 1); // Σ rows with key ≥ c
  for (let c = size - 1; c >= 0; c--) rowsFrom[c] = rowsFrom[c + 1] + rowsAtKey[c];
  const deathsBelow = new Float64Array(size + 1); // Σ deaths with key < c
  for (let c = 0; c < size; c++) deathsBelow[c + 1] = deathsBelow[c] + deathsAtKey[c];
  const tied = new TiedDeaths(size);
  const rows = new Fenwick(size);
  const deaths = new Fenwick(size);
  const rowsEq = new Fenwick(size);
  const deathsEq = new Fenwick(size);
  // Gather into η order once so the sweep reads memory sequentially (the key's parity is the event).
  const m = hi - lo;
  const keyE = new Int32Array(m);
  const wE = slotWeight.subarray(lo, hi);
  const rankE = etaRank.subarray(lo, hi);
  for (let q = 0; q < m; q++) {
    const k = lo + byEta[q];
    keyE[q] = key[k - lo];
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
  for (let r = 0; r < m; ) {
    let e = r + 1;
    while (e < m && rankE[e] === rankE[r]) e++;
    const single = e - r === 1;
    if (single) {
      // The common case (η untied): the general steps below with the tied terms (0) dropped and the
      // tree walks inlined; same operations in the same order.
      const c = keyE[r];
      const w = wE[r];
      const o = 3 * r;
      let dLess = 0;
      for (let i = c; i > 0; i -= i & -i) dLess += deathsTree[i];
      if ((c & 1) === 0) {
        let upto = 0;
        for (let i = c + 1; i > 0; i -= i & -i) upto += rowsTree[i];
        const less = rowsSoFar - upto;
        const greater = rowsFrom[c + 1] - less;
        infE[o] = less + (deathsBelow[c] - dLess);
        infE[o + 1] = greater + dLess;
        conc += w * less;
        disc += w * greater;
        for (let i = c + 1; i <= size; i += i & -i) deathsTree[i] += w;
      } else {
        infE[o] = deathsBelow[c] - dLess;
        infE[o + 1] = dLess;
      }
      for (let i = c + 1; i <= size; i += i & -i) rowsTree[i] += w;
      rowsSoFar += w;
      r = e;
      continue;
    }
    if (!single) {
      for (let q = r; q < e; q++) {
        rowsEq.add(keyE[q] + 1, wE[q]);
        if ((keyE[q] & 1) === 0) deathsEq.add(keyE[q] + 1, wE[q]);
      }
      // Deaths tied on η and on time (tied.xy): same key within this η group.
      tied.pairs(r, e, keyE, wE);
      tiedXY += tied.sameX;
    }
    for (let q = r; q < e; q++) {
      const c = keyE[q];
      if ((keyE[q] & 1) === 0) {
        // Comparators with smaller η: rows so far minus those with key ≤ 2r (Fenwick index = key + 1).
        const less = rowsSoFar - rows.prefix(c + 1);
        const eq = single ? 0 : rowsEq.prefix(size) - rowsEq.prefix(c + 1);
        const greater = rowsFrom[c + 1] - less - eq;
        const w = wE[q];
        infE[q * 3] += less;
        infE[q * 3 + 1] += greater;
        infE[q * 3 + 2] += eq;
        conc += w * less;
        disc += w * greater;
        tiedX += w * eq;
      }
      // As comparator: deaths with key < c; smaller η ⇒ discordant pair, larger ⇒ concordant.
      const dLess = deaths.prefix(c);
      const dEq = single ? 0 : deathsEq.prefix(c);
      infE[q * 3 + 1] += dLess;
      infE[q * 3 + 2] += dEq;
      infE[q * 3] += deathsBelow[c] - dLess - dEq;
    }
    for (let q = r; q < e; q++) {
      if (!single) {
        rowsEq.add(keyE[q] + 1, -wE[q]);
        if ((keyE[q] & 1) === 0) deathsEq.add(keyE[q] + 1, -wE[q]);
      }
      rows.add(keyE[q] + 1, wE[q]);
      rowsSoFar += wE[q];
      if ((keyE[q] & 1) === 0) deaths.add(keyE[q] + 1, wE[q]);
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
