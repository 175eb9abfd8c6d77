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
 * `sums` chooses how right-censored data's sums over earlier rows are formed, which changes only the speed:
 * "trees" (Fenwick trees), "blocks" (priorSums, used only when the weights are whole, else trees) or "auto"
 * (blocks when the trees would outgrow the cache). The tests compare the two.
 */
export function coxConcordance(
  d: CoxDesign,
  eta: Float64Array,
  cluster: Int32Array | null = null,
  sums: "auto" | "blocks" | "trees" = "auto",
): CoxConcordance {
  const { n, stop, start, event, weight, strataEnds, startOrder } = d;
  // Per slot: concordant, discordant, tied.x influence. A slot is a sorted position, except for
  // right-censored data where slot lo + q of a stratum holds its q-th row in η order (slotRow maps it
  // back), so that sweep writes sequentially and the sum of squares below needs no scatter.
  const inf = new Float64Array(n * 3);
  const slotRow = start ? null : new Int32Array(n);
  const slotWeight = start ? weight : new Float64Array(n);
  // Sorted position r of a stratum's η holds 1 when η equals the η at r − 1 (radixArgsort's tie runs).
  const tiedEta = new Uint8Array(n);
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  const rank = new Int32Array(start ? n : 0);
  const deathGroup = new Int32Array(start ? n : 0);
  const tied = new TiedDeaths(start ? 2 * n + 2 : 0);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    const byEta = radixArgsort(eta.subarray(lo, hi), false, tiedEta.subarray(lo, hi));
    if (slotRow) {
      // Right-censored data: one sweep in η order over small trees keyed by time (see rightCensoredPairs).
      const c = rightCensoredPairs(d, lo, hi, byEta, tiedEta, inf, slotRow, slotWeight, sums);
      conc += c.conc;
      disc += c.disc;
      tiedX += c.tiedX;
      tiedY += c.tiedY;
      tiedXY += c.tiedXY;
      lo = hi;
      continue;
    }
    // Ranks of η within the stratum (1 = smallest; equal η share a rank).
    let m = 0;
    for (let r = 0; r < byEta.length; r++) {
      if (tiedEta[lo + r] === 0) m++;
      rank[lo + byEta[r]] = m;
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
  tiedEta: Uint8Array,
  inf: Float64Array,
  slotRow: Int32Array,
  slotWeight: Float64Array,
  sums: "auto" | "blocks" | "trees",
): { conc: number; disc: number; tiedX: number; tiedY: number; tiedXY: number } {
  const { stop, event, weight } = d;
  // Rows are sorted by time descending, so walk upwards from hi − 1 counting death times.
  const m = hi - lo;
  // key = 2g for a death, 2g + 1 for a censored row: g = key >> 1, and deaths at the same time share their
  // (even) key, as TiedDeaths expects.
  const key = new Int32Array(m);
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
    for (let q = k; q > e; q--)
      key[q - lo] = event[q] === 1 ? 2 * deathTimes : 2 * (deathTimes + (hasDeath ? 1 : 0)) + 1;
    if (hasDeath) deathTimes++;
    k = e;
  }
  const size = deathTimes + 1;
  const rowsAtG = new Float64Array(size + 1);
  const deathsAtR = new Float64Array(size + 1);
  const deathsSqAtR = new Float64Array(size + 1);
  // Whole weights with a sum below 2^53 make every sum over rows exact (for priorSums); all 1 (no weights
  // given) spares the gather below a read per row.
  let wholeWeights = true;
  let unitWeights = true;
  let totalWeight = 0;
  for (let k = lo; k < hi; k++) {
    const w = weight[k];
    if (w !== 1) {
      unitWeights = false;
      if (!Number.isInteger(w)) wholeWeights = false;
    }
    totalWeight += w;
    const g = key[k - lo] >> 1;
    rowsAtG[g] += w;
    if (event[k] === 1) {
      deathsAtR[g] += w;
      deathsSqAtR[g] += w * w;
    }
  }
  let tiedYAll = 0;
  for (let r = 0; r < deathTimes; r++) tiedYAll += (deathsAtR[r] * deathsAtR[r] - deathsSqAtR[r]) / 2;
  let tiedXY = 0;
  // One node of 4 doubles per index i, so that a row's tree walks and its totals share cache lines (with ~10⁶
  // continuous death times every separate array would add a cache miss per row): the rows and deaths Fenwick
  // trees (indices 1..size + 1) at 4i and 4i + 1, Σ rows with g > i at 4i + 2, Σ deaths with rank < i at 4i + 3.
  const treeSize = size + 1;
  const node = new Float64Array(4 * (treeSize + 1));
  for (let r = size - 1; r >= 0; r--) node[4 * r + 2] = node[4 * r + 6] + rowsAtG[r + 1];
  for (let c = 0; c < size; c++) node[4 * c + 7] = node[4 * c + 3] + deathsAtR[c];
  // For groups of rows tied on η, which continuous data rarely has: allocated at the first.
  let tied: TiedDeaths | null = null;
  let rowsEq: Fenwick | null = null;
  let deathsEq: Fenwick | null = null;
  // Gather into η order once so the sweep reads memory sequentially.
  const keyE = new Int32Array(m);
  const wE = slotWeight.subarray(lo, hi);
  const tieE = tiedEta.subarray(lo, hi);
  if (unitWeights) wE.fill(1);
  for (let q = 0; q < m; q++) {
    const k = byEta[q];
    keyE[q] = key[k];
    if (!unitWeights) wE[q] = weight[lo + k];
    slotRow[lo + q] = lo + k;
  }
  // With many death times the trees outgrow the caches; the walks' sums then come from priorSums (the same
  // numbers when every sum is an exact integer) and the sweep skips the walks.
  const blocks = sums === "blocks" || (sums === "auto" && size > PRIOR_SUMS_MIN_SIZE);
  const prior = blocks && wholeWeights && totalWeight < 2 ** 53 ? priorSums(keyE, wE, tieE, node, size) : null;
  const infE = inf.subarray(3 * lo, 3 * hi);
  let rowsSoFar = 0;
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  for (let r = 0; r < m; ) {
    let e = r + 1;
    while (e < m && tieE[e] === 1) e++;
    if (e - r === 1) {
      // The common case (η untied): the general steps below with the tied terms (0) dropped and the
      // tree walks inlined; same operations in the same order.
      const key = keyE[r];
      const c = key >> 1;
      const w = wE[r];
      const o = 3 * r;
      const dead = (key & 1) === 0;
      let upto = 0; // rows before with g ≤ c (deaths only)
      let dLess = 0; // deaths before with rank < c
      let above: number;
      let below: number;
      if (prior) {
        upto = prior[4 * r];
        dLess = prior[4 * r + 1];
        above = prior[4 * r + 2];
        below = prior[4 * r + 3];
      } else {
        if (dead) {
          // deaths prefix(c) and rows prefix(c + 1): walk both index chains downwards until they meet, then
          // the shared tail once. Each sum still adds its own nodes in its own order.
          let i = c;
          let j = c + 1;
          while (i !== j) {
            if (j > i) {
              upto += node[4 * j];
              j -= j & -j;
            } else {
              dLess += node[4 * i + 1];
              i -= i & -i;
            }
          }
          for (; i > 0; i -= i & -i) {
            upto += node[4 * i];
            dLess += node[4 * i + 1];
          }
        } else for (let i = c; i > 0; i -= i & -i) dLess += node[4 * i + 1];
        above = node[4 * c + 2];
        below = node[4 * c + 3];
      }
      if (dead) {
        const less = rowsSoFar - upto;
        const greater = above - less;
        infE[o] = less + (below - dLess);
        infE[o + 1] = greater + dLess;
        conc += w * less;
        disc += w * greater;
        if (!prior) {
          for (let i = c + 1; i <= treeSize; i += i & -i) {
            node[4 * i] += w;
            node[4 * i + 1] += w;
          }
        }
      } else {
        infE[o] = below - dLess;
        infE[o + 1] = dLess;
        if (!prior) for (let i = c + 1; i <= treeSize; i += i & -i) node[4 * i] += w;
      }
      rowsSoFar += w;
      r = e;
      continue;
    }
    tied ??= new TiedDeaths(2 * size + 2);
    rowsEq ??= new Fenwick(treeSize);
    deathsEq ??= new Fenwick(treeSize);
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
        const less = rowsSoFar - (prior ? prior[4 * q] : nodePrefix(node, c + 1, 0));
        const eq = rowsEq.prefix(treeSize) - rowsEq.prefix(c + 1);
        const greater = node[4 * c + 2] - less - eq;
        const w = wE[q];
        infE[q * 3] += less;
        infE[q * 3 + 1] += greater;
        infE[q * 3 + 2] += eq;
        conc += w * less;
        disc += w * greater;
        tiedX += w * eq;
      }
      // As comparator: deaths with rank < g; smaller η ⇒ discordant pair, larger ⇒ concordant.
      const dLess = prior ? prior[4 * q + 1] : nodePrefix(node, c, 1);
      const dEq = deathsEq.prefix(c);
      infE[q * 3 + 1] += dLess;
      infE[q * 3 + 2] += dEq;
      infE[q * 3] += node[4 * c + 3] - dLess - dEq;
    }
    for (let q = r; q < e; q++) {
      const c = keyE[q] >> 1;
      const dead = (keyE[q] & 1) === 0;
      rowsEq.add(c + 1, -wE[q]);
      if (dead) deathsEq.add(c + 1, -wE[q]);
      if (!prior) for (let i = c + 1; i <= treeSize; i += i & -i) node[4 * i] += wE[q];
      rowsSoFar += wE[q];
      if (dead && !prior) for (let i = c + 1; i <= treeSize; i += i & -i) node[4 * i + 1] += wE[q];
    }
    r = e;
  }
  return { conc, disc, tiedX, tiedY: tiedYAll - tiedXY, tiedXY };
}

/**
 * Below this many death times rightCensoredPairs' trees (32 bytes a node: 8 MB here) mostly stay in cache and
 * are faster than priorSums (measured: about equal near 2 × 10⁵; priorSums 10–20% faster from 3 × 10⁵ to 7 × 10⁵).
 */
const PRIOR_SUMS_MIN_SIZE = 1 << 18;
/** log2 of the death ranks per block in priorSums: its per-block tree (2^B nodes × 2 lanes) fits in L1. */
const BLOCK_BITS = 10;

/**
 * rightCensoredPairs' two Fenwick prefix sums for every row q in η order, computed without its sweep over
 * trees too large for the caches: out[4q] = Σ w over rows of earlier η groups with g ≤ c, out[4q + 1] = Σ w over
 * deaths of earlier η groups with rank < c (c = keyE[q] >> 1), and the totals node[4c + 2], node[4c + 3]
 * at 4q + 2, 4q + 3. Ranks are cut into blocks of 2^BLOCK_BITS. The rows are bucketed by block (η order kept) and
 * one pass per block over a tree of 2^BLOCK_BITS ranks gives what the row's own block contributes; then one pass
 * in η order over a tree of blocks adds what lower blocks contribute, reading each block's results in order.
 * Every pass reads and writes sequentially or within cache-sized trees. The sums group the weights differently
 * from the sweep's tree, so they are the same numbers only when every partial sum is exact: whole weights with
 * total below 2^53 (the caller's condition). Cost O(m log m) time, 13 m words of memory.
 */
function priorSums(
  keyE: Int32Array,
  wE: Float64Array,
  tieE: Uint8Array,
  node: Float64Array,
  size: number,
): Float64Array {
  const m = keyE.length;
  const shift = BLOCK_BITS + 1; // keyE = 2c or 2c + 1: block = keyE >> shift
  const width = 1 << BLOCK_BITS;
  const blocks = ((size - 1) >> BLOCK_BITS) + 1;
  // Bucket by block, keeping η order: the key within the block, the weight and the η group (its first row).
  const start = new Int32Array(blocks + 1);
  for (let q = 0; q < m; q++) start[(keyE[q] >> shift) + 1]++;
  for (let b = 0; b < blocks; b++) start[b + 1] += start[b];
  const cursor = start.slice(0, blocks);
  const inBlock = new Int32Array(m);
  const wB = new Float64Array(m);
  const group = new Int32Array(m);
  let g = 0;
  for (let q = 0; q < m; q++) {
    if (tieE[q] === 0) g = q;
    const key = keyE[q];
    const t = cursor[key >> shift]++;
    inBlock[t] = key & ((width << 1) - 1);
    wB[t] = wE[q];
    group[t] = g;
  }
  // The row's own block, block by block over a tree of its ranks (rows at 2i, deaths at 2i + 1), emptied after
  // each block; each η group queries before any of its rows enter. With the totals at the row's rank, whose
  // node entries lie within the block's window.
  const own = new Float64Array(4 * m);
  const tree = new Float64Array(2 * (width + 1));
  for (let b = 0; b < blocks; b++) {
    const end = start[b + 1];
    for (let t = start[b]; t < end; ) {
      let e = t + 1;
      while (e < end && group[e] === group[t]) e++;
      for (let u = t; u < e; u++) {
        const o = inBlock[u] >> 1;
        let rows = 0;
        for (let i = o + 1; i > 0; i -= i & -i) rows += tree[2 * i];
        let deaths = 0;
        for (let i = o; i > 0; i -= i & -i) deaths += tree[2 * i + 1];
        const c = (b << BLOCK_BITS) + o;
        own[4 * u] = rows;
        own[4 * u + 1] = deaths;
        own[4 * u + 2] = node[4 * c + 2];
        own[4 * u + 3] = node[4 * c + 3];
      }
      for (let u = t; u < e; u++) {
        const w = wB[u];
        const dw = (inBlock[u] & 1) === 0 ? w : 0;
        for (let i = (inBlock[u] >> 1) + 1; i <= width; i += i & -i) {
          tree[2 * i] += w;
          tree[2 * i + 1] += dw;
        }
      }
      t = e;
    }
    tree.fill(0);
  }
  // Lower blocks, in η order over a tree of blocks; each block's own-block results are read in bucket order.
  const out = new Float64Array(4 * m);
  const blockTree = new Float64Array(2 * (blocks + 1));
  cursor.set(start.subarray(0, blocks));
  for (let r = 0; r < m; ) {
    let e = r + 1;
    while (e < m && tieE[e] === 1) e++;
    for (let q = r; q < e; q++) {
      const b = keyE[q] >> shift;
      let rows = 0;
      let deaths = 0;
      for (let i = b; i > 0; i -= i & -i) {
        rows += blockTree[2 * i];
        deaths += blockTree[2 * i + 1];
      }
      const u = 4 * cursor[b]++;
      out[4 * q] = rows + own[u];
      out[4 * q + 1] = deaths + own[u + 1];
      out[4 * q + 2] = own[u + 2];
      out[4 * q + 3] = own[u + 3];
    }
    for (let q = r; q < e; q++) {
      const w = wE[q];
      const dw = (keyE[q] & 1) === 0 ? w : 0;
      for (let i = (keyE[q] >> shift) + 1; i <= blocks; i += i & -i) {
        blockTree[2 * i] += w;
        blockTree[2 * i + 1] += dw;
      }
    }
    r = e;
  }
  return out;
}

/** Sum over Fenwick indices 1..i of one tree in rightCensoredPairs' nodes (lane 0 = rows, 1 = deaths). */
function nodePrefix(node: Float64Array, i: number, lane: number): number {
  let s = 0;
  for (; i > 0; i -= i & -i) s += node[4 * i + lane];
  return s;
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
