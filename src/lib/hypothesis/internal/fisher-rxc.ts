import gammaln = require("@stdlib/math-base-special-gammaln");
import { InputError } from "../../core/errors";
import type { CountTable } from "./validate";

/** Largest tables {@link fisherRxC} accepts; beyond them exact enumeration is not attempted. */
export const FISHER_RXC_LIMITS = Object.freeze({ maxRows: 5, maxCols: 5, maxN: 100, maxSteps: 100_000_000 });

/** R's fisher.test relative tolerance when comparing table probabilities with the observed one. */
const REL_ERR = 1 + 1e-7;

/**
 * Two-sided Fisher exact p for an r × c table: the total hypergeometric probability of all tables
 * with the observed margins that are no more probable than the observed table (× (1 + 1e-7), as R).
 *
 * Algorithm: column-by-column network enumeration (Mehta & Patel 1983, JASA 78:427). A node is the
 * multiset of remaining row totals; paths reaching a node with the same past probability are merged.
 * At each node cheap bounds on the best and worst completion (relaxing row or column constraints)
 * either accept every completion at once — their total is the closed form N'!/(Πr'!Πc'!) — or drop
 * them all, or keep the path open. When three or fewer columns remain, open paths are not expanded:
 * the completions of the last two columns are listed once per node (memoized), sorted with prefix
 * sums, and each open path is settled by one binary search.
 * Cost: exponential in the worst case; bounded by FISHER_RXC_LIMITS (InputError beyond them).
 * Measured (this machine): 5×5 n = 50 0.1 s, 5×5 n = 75 0.5 s, 4×4 n = 100 0.2 s; near-uniform
 * 5×5 tables with n = 100 need 10⁷–10⁹ steps (R's FEXACT takes 2–50 s on them too) and may hit the
 * 10⁸-step budget.
 */
export function fisherRxC(t: CountTable): { pValue: number; steps: number; tableProbability: number } {
  let rowTotals = Array.from(t.rowSums).filter((v) => v > 0);
  let colTotals = Array.from(t.colSums).filter((v) => v > 0);
  const cells: number[] = Array.from(t.counts);
  if (rowTotals.length > colTotals.length) [rowTotals, colTotals] = [colTotals, rowTotals];
  const n = t.n;
  const lf = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) lf[k] = gammaln(k + 1);
  // log P(table) = constant + W, W = −Σ ln n_ij!
  let constant = -lf[n];
  for (const r of rowTotals) constant += lf[r];
  for (const c of colTotals) constant += lf[c];
  let observedW = 0;
  for (const v of cells) observedW -= lf[v];
  const threshold = observedW + Math.log(REL_ERR);
  if (rowTotals.length < 2 || colTotals.length < 2)
    return { pValue: 1, steps: 0, tableProbability: Math.exp(constant + observedW) };

  colTotals.sort((a, b) => b - a);
  const nCols = colTotals.length;
  const budget = FISHER_RXC_LIMITS.maxSteps;
  let steps = 0;
  let pValue = 0;
  type Path = { w: number; mult: number };
  type Node = { rows: number[]; paths: Map<number, Path> };
  let level = new Map<string, Node>();
  const start = [...rowTotals].sort((a, b) => b - a);
  level.set(start.join(","), { rows: start, paths: new Map([[0, { w: 0, mult: 1 }]]) });
  const lastTwo = new Map<string, FutureList>();
  const overBudget = (): never => {
    throw new InputError(
      `exact enumeration exceeded ${budget} steps; use chisqTest or a Monte Carlo test for this table`,
      { field: "table" },
    );
  };

  for (let j = 0; j < nCols; j++) {
    const remainingCols = colTotals.slice(j);
    const next = new Map<string, Node>();
    for (const node of level.values()) {
      const b = completionBounds(node.rows, remainingCols, lf);
      const open: Path[] = [];
      for (const p of node.paths.values()) {
        if (p.w + b.max <= threshold) pValue += p.mult * Math.exp(constant + p.w + b.logTotal);
        else if (p.w + b.min > threshold) continue;
        else open.push(p);
      }
      if (open.length === 0) continue;
      if (remainingCols.length <= 3) {
        // Resolve the last two or three columns without expanding paths: the completions of the
        // last two columns are listed once per node (memoized), sorted, with prefix sums of their
        // weights; each open path then needs one pointer walk.
        open.sort((p, q) => p.w - q.w);
        const resolve = (rows: number[], wCol: number): void => {
          const key = rows.join(",");
          let f = lastTwo.get(key);
          if (!f) {
            f = lastTwoColumns(rows, remainingCols[remainingCols.length - 2], lf);
            lastTwo.set(key, f);
            steps += f.w.length;
          }
          // binary search of the last completion with W ≤ threshold − w − wCol, for each open path
          const fw = f.w;
          let hi = fw.length;
          for (const p of open) {
            const limit = threshold - p.w - wCol;
            let lo = 0;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (fw[mid] <= limit) lo = mid + 1;
              else hi = mid;
            }
            if (lo === 0) break; // paths are sorted by w: later ones have even smaller limits
            pValue += p.mult * Math.exp(constant + p.w + wCol) * f.prefix[lo];
            hi = lo;
          }
          steps += open.length;
          if (steps > budget) overBudget();
        };
        if (remainingCols.length === 2) resolve(node.rows, 0);
        else
          forEachAllocation(node.rows, remainingCols[0], lf, (alloc, wCol) =>
            resolve(
              node.rows.map((c, i) => c - alloc[i]).sort((a, b2) => b2 - a),
              wCol,
            ),
          );
        continue;
      }
      forEachAllocation(node.rows, remainingCols[0], lf, (alloc, wCol) => {
        const rest = node.rows.map((c, i) => c - alloc[i]).sort((a, b2) => b2 - a);
        const restKey = rest.join(",");
        let target = next.get(restKey);
        if (!target) {
          target = { rows: rest, paths: new Map() };
          next.set(restKey, target);
        }
        for (const p of open) {
          const w = p.w + wCol;
          const q = Math.round(w * 1e9);
          const prev = target.paths.get(q);
          if (prev) prev.mult += p.mult;
          else target.paths.set(q, { w, mult: p.mult });
        }
        steps += open.length;
        if (steps > budget) overBudget();
      });
    }
    level = next;
  }
  return { pValue: Math.min(1, pValue), steps, tableProbability: Math.exp(constant + observedW) };
}

/** Completion weights of the last two columns of a node: W ascending and prefix sums of exp(W). */
interface FutureList {
  readonly w: Float64Array;
  /** prefix[i] = Σ_{k < i} exp(w[k]) */
  readonly prefix: Float64Array;
}

function lastTwoColumns(rows: number[], firstOfTwo: number, lf: Float64Array): FutureList {
  const values: number[] = [];
  forEachAllocation(rows, firstOfTwo, lf, (alloc, wCol) => {
    let w = wCol;
    for (let i = 0; i < rows.length; i++) w -= lf[rows[i] - alloc[i]];
    values.push(w);
  });
  const w = Float64Array.from(values).sort();
  const prefix = new Float64Array(w.length + 1);
  for (let i = 0; i < w.length; i++) prefix[i + 1] = prefix[i] + Math.exp(w[i]);
  return { w, prefix };
}

/** Calls back with every split of `total` over rows with capacities `caps`, and −Σ ln(split_i!). */
function forEachAllocation(
  caps: number[],
  total: number,
  lf: Float64Array,
  visit: (alloc: number[], wCol: number) => void,
): void {
  const k = caps.length;
  const alloc = new Array<number>(k).fill(0);
  const tailCap = new Array<number>(k + 1).fill(0);
  for (let i = k - 1; i >= 0; i--) tailCap[i] = tailCap[i + 1] + caps[i];
  const fill = (i: number, left: number, wCol: number): void => {
    if (i === k - 1) {
      if (left > caps[i]) return;
      alloc[i] = left;
      visit(alloc, wCol - lf[left]);
      return;
    }
    const lo = Math.max(0, left - tailCap[i + 1]);
    const hi = Math.min(caps[i], left);
    for (let v = lo; v <= hi; v++) {
      alloc[i] = v;
      fill(i + 1, left - v, wCol - lf[v]);
    }
  };
  fill(0, total, 0);
}

/**
 * Bounds on the future W = −Σ ln n! over all completions of a node, plus ln Σ exp(W) over them.
 * Relaxing the row constraints makes columns independent (and relaxing the column constraints makes
 * rows independent); the tighter of the two relaxations is used. Within one line with total c and
 * caps, the greedy most even split is majorized by every feasible split and the greedy most
 * concentrated split (largest caps first) majorizes every one, so by Schur-convexity of Σ ln n! they
 * give the exact extremes of that line.
 */
function completionBounds(
  rows: number[],
  cols: number[],
  lf: Float64Array,
): { max: number; min: number; logTotal: number } {
  let maxByCols = 0;
  let minByCols = 0;
  for (const c of cols) {
    maxByCols -= evenSplitCost(rows, c, lf);
    minByCols -= concentratedCost(rows, c, lf);
  }
  let maxByRows = 0;
  let minByRows = 0;
  for (const r of rows) {
    maxByRows -= evenSplitCost(cols, r, lf);
    minByRows -= concentratedCost(cols, r, lf);
  }
  let total = 0;
  for (const c of cols) total += c;
  let logTotal = lf[total];
  for (const r of rows) logTotal -= lf[r];
  for (const c of cols) logTotal -= lf[c];
  return { max: Math.min(maxByCols, maxByRows), min: Math.max(minByCols, minByRows), logTotal };
}

/** min Σ ln n_i! over splits of c with n_i ≤ caps[i]: add units one by one to the least-filled line with room. */
function evenSplitCost(caps: number[], c: number, lf: Float64Array): number {
  const k = caps.length;
  const alloc = new Array<number>(k).fill(0);
  for (let unit = 0; unit < c; unit++) {
    let best = -1;
    for (let i = 0; i < k; i++) if (alloc[i] < caps[i] && (best < 0 || alloc[i] < alloc[best])) best = i;
    if (best < 0) break;
    alloc[best]++;
  }
  let s = 0;
  for (const v of alloc) s += lf[v];
  return s;
}

/** max Σ ln n_i! over splits of c with n_i ≤ caps[i]: fill the largest caps first. */
function concentratedCost(caps: number[], c: number, lf: Float64Array): number {
  const sorted = [...caps].sort((a, b) => b - a);
  let left = c;
  let s = 0;
  for (const cap of sorted) {
    const v = Math.min(cap, left);
    s += lf[v];
    left -= v;
    if (left === 0) break;
  }
  return s;
}
