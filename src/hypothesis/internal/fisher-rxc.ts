import gammaln = require("@stdlib/math-base-special-gammaln");
import { InputError } from "../../core/errors";
import type { CountTable } from "./validate";

/** Largest tables {@link fisherRxC} accepts; beyond them exact enumeration is not attempted. */
export const FISHER_RXC_LIMITS = Object.freeze({ maxRows: 5, maxCols: 5, maxN: 100, maxSteps: 20_000_000 });

/** R's fisher.test relative tolerance when comparing table probabilities with the observed one. */
const REL_ERR = 1 + 1e-7;

/**
 * Two-sided Fisher exact p for an r × c table: the total hypergeometric probability of all tables
 * with the observed margins that are no more probable than the observed table (× (1 + 1e-7), as R).
 *
 * Algorithm: column-by-column network enumeration (Mehta & Patel 1983, JASA 78:427). A node is the
 * multiset of remaining row totals; paths reaching a node with the same past probability are merged.
 * At each node cheap bounds on the best and worst completion (columns filled independently, most
 * even / most concentrated) either accept every completion at once — their total is the closed form
 * N'!/(Πr'!Πc'!) — or drop them all, or expand the next column. Cost: exponential in the worst case;
 * bounded by FISHER_RXC_LIMITS (InputError beyond them).
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
  if (rowTotals.length < 2 || colTotals.length < 2) return { pValue: 1, steps: 0, tableProbability: Math.exp(constant + observedW) };

  colTotals.sort((a, b) => b - a);
  const nCols = colTotals.length;
  // suffix sums of column totals: remaining total after column j is processed
  let steps = 0;
  let pValue = 0;
  type Node = { rows: number[]; paths: Map<number, { w: number; mult: number }> };
  let level = new Map<string, Node>();
  const start = [...rowTotals].sort((a, b) => b - a);
  level.set(start.join(","), { rows: start, paths: new Map([[0, { w: 0, mult: 1 }]]) });
  const boundCache = new Map<string, { max: number; min: number; logTotal: number }>();

  for (let j = 0; j < nCols; j++) {
    const remainingCols = colTotals.slice(j);
    const next = new Map<string, Node>();
    for (const [key, node] of level) {
      const cacheKey = `${j}|${key}`;
      let b = boundCache.get(cacheKey);
      if (!b) {
        b = completionBounds(node.rows, remainingCols, lf);
        boundCache.set(cacheKey, b);
      }
      const toExpand: { w: number; mult: number }[] = [];
      for (const p of node.paths.values()) {
        if (p.w + b.max <= threshold) pValue += p.mult * Math.exp(constant + p.w + b.logTotal);
        else if (p.w + b.min > threshold) continue;
        else toExpand.push(p);
      }
      if (toExpand.length === 0) continue;
      // distribute column j over the rows of this node
      const cap = node.rows;
      const k = cap.length;
      const alloc = new Array<number>(k).fill(0);
      const tailCap = new Array<number>(k + 1).fill(0);
      for (let i = k - 1; i >= 0; i--) tailCap[i] = tailCap[i + 1] + cap[i];
      const emit = (wCol: number): void => {
        const rest = cap.map((c, i) => c - alloc[i]).sort((a, b2) => b2 - a);
        const restKey = rest.join(",");
        let target = next.get(restKey);
        if (!target) {
          target = { rows: rest, paths: new Map() };
          next.set(restKey, target);
        }
        for (const p of toExpand) {
          steps++;
          const w = p.w + wCol;
          const q = Math.round(w * 1e9);
          const prev = target.paths.get(q);
          if (prev) prev.mult += p.mult;
          else target.paths.set(q, { w, mult: p.mult });
        }
        if (steps > FISHER_RXC_LIMITS.maxSteps) {
          throw new InputError(
            `exact enumeration exceeded ${FISHER_RXC_LIMITS.maxSteps} steps; use chisqTest or a Monte Carlo test for this table`,
            { field: "table" },
          );
        }
      };
      const fill = (i: number, left: number, wCol: number): void => {
        if (i === k - 1) {
          if (left > cap[i]) return;
          alloc[i] = left;
          emit(wCol - lf[left]);
          return;
        }
        const lo = Math.max(0, left - tailCap[i + 1]);
        const hi = Math.min(cap[i], left);
        for (let v = lo; v <= hi; v++) {
          alloc[i] = v;
          fill(i + 1, left - v, wCol - lf[v]);
        }
      };
      fill(0, remainingCols[0], 0);
    }
    level = next;
  }
  // after the last column every remaining node has all rows at 0: W is complete
  for (const node of level.values()) {
    for (const p of node.paths.values()) if (p.w <= threshold) pValue += p.mult * Math.exp(constant + p.w);
  }
  return { pValue: Math.min(1, pValue), steps, tableProbability: Math.exp(constant + observedW) };
}

/**
 * Bounds on the future W = −Σ ln n! over all completions of a node, plus ln Σ exp(W) over them.
 * Relaxing the row constraints makes columns independent (and relaxing the column constraints makes
 * rows independent); the tighter of the two relaxations is used. Within one line with total c and
 * caps, the greedy most even split is majorized by every feasible split and the greedy most
 * concentrated split (largest caps first) majorizes every one, so by Schur-convexity of Σ ln n! they
 * give the exact extremes of that line.
 */
function completionBounds(rows: number[], cols: number[], lf: Float64Array): { max: number; min: number; logTotal: number } {
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
