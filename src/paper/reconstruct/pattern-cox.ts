import { rankedOneYearData, type Pattern } from "./death-order";

/** Coefficients and standard errors of the two-covariate (visceral, BMA) Cox model. */
export interface PatternCoxEstimate {
  readonly b: readonly [number, number];
  readonly se: readonly [number, number];
}

/**
 * Breslow score, information and the information's derivative of a death sequence over the four
 * covariate patterns, at a fixed β. Additive over death times, which is what makes an exhaustive
 * search of a segment cheap: a segment's arrangement does not change the risk sets outside it.
 * Layout: [U_v, U_b, I_vv, I_vb, I_bb, κ_vvv, κ_vvb, κ_vbb, κ_bbb] where κ_jkl = ∂I_jk/∂β_l.
 */
export type Accumulators = Float64Array;
export const ACC = 9;

/** x_v and x_b of pattern p (bit 0 visceral, bit 1 BMA). */
const XV = [0, 1, 0, 1] as const;
const XB = [0, 0, 1, 1] as const;

/**
 * Adds one death time's Breslow terms to `acc`: `risk[p]` patients of pattern p at risk (the dying
 * included), `d` deaths of which `dv` visceral and `db` BMA; `w[p]` = exp(β·x_p).
 */
function addDeathTime(
  acc: Accumulators,
  at: number,
  risk: ArrayLike<number>,
  w: ArrayLike<number>,
  d: number,
  dv: number,
  db: number,
): void {
  let s0 = 0;
  for (let p = 0; p < 4; p++) s0 += risk[p] * w[p];
  const pi1 = (risk[1] * w[1]) / s0,
    pi2 = (risk[2] * w[2]) / s0,
    pi3 = (risk[3] * w[3]) / s0;
  const mv = pi1 + pi3;
  const mb = pi2 + pi3;
  acc[at + 0] += dv - d * mv;
  acc[at + 1] += db - d * mb;
  const vv = mv * (1 - mv),
    vb = pi3 - mv * mb,
    bb = mb * (1 - mb);
  acc[at + 2] += d * vv;
  acc[at + 3] += d * vb;
  acc[at + 4] += d * bb;
  // third central moments of the binary (x_v, x_b) under the risk-set weights (the derivative of the
  // covariance): (x − m)² = x(1 − 2m) + m² for binary x, so E[(x_v − m_v)²(x_b − m_b)] = (1 − 2m_v)·cov
  acc[at + 5] += d * vv * (1 - 2 * mv);
  acc[at + 6] += d * vb * (1 - 2 * mv);
  acc[at + 7] += d * vb * (1 - 2 * mb);
  acc[at + 8] += d * bb * (1 - 2 * mb);
}

export function weights(beta: readonly [number, number]): Float64Array {
  return Float64Array.from([1, Math.exp(beta[0]), Math.exp(beta[1]), Math.exp(beta[0] + beta[1])]);
}

export function patternCounts(patterns: ArrayLike<number>, from = 0, to = patterns.length): Int32Array {
  const n = new Int32Array(4);
  for (let k = from; k < to; k++) n[patterns[k]]++;
  return n;
}

/**
 * Accumulators of deaths [from, to) of a sequence whose death `from` starts a death time, with
 * `risk` the patients at risk just before it (updated in place to those at risk after `to`).
 */
export function accumulateRange(
  acc: Accumulators,
  order: ArrayLike<number>,
  ties: ArrayLike<number>,
  from: number,
  to: number,
  risk: Int32Array,
  w: Float64Array,
): void {
  let k = from;
  while (k < to) {
    let end = k + 1;
    while (end < to && ties[end - 1]) end++;
    let dv = 0,
      db = 0;
    for (let m = k; m < end; m++) {
      dv += XV[order[m]];
      db += XB[order[m]];
    }
    addDeathTime(acc, 0, risk, w, end - k, dv, db);
    for (let m = k; m < end; m++) risk[order[m]]--;
    k = end;
  }
}

/** One Newton step's prediction from accumulators at β0: β̂ ≈ β0 + I⁻¹U, SE from I(β̂) ≈ I + κ·δ. */
export function predictEstimate(acc: ArrayLike<number>, beta0: readonly [number, number]): PatternCoxEstimate | null {
  const [uv, ub, ivv, ivb, ibb, kvvv, kvvb, kvbb, kbbb] = acc as unknown as number[];
  const det = ivv * ibb - ivb * ivb;
  if (!(det > 0)) return null;
  const dv = (ibb * uv - ivb * ub) / det;
  const db = (ivv * ub - ivb * uv) / det;
  // information at β0 + δ, first order in δ
  const jvv = ivv + kvvv * dv + kvvb * db;
  const jvb = ivb + kvvb * dv + kvbb * db;
  const jbb = ibb + kvbb * dv + kbbb * db;
  const det1 = jvv * jbb - jvb * jvb;
  if (!(det1 > 0)) return null;
  return { b: [beta0[0] + dv, beta0[1] + db], se: [Math.sqrt(jbb / det1), Math.sqrt(jvv / det1)] };
}

/**
 * Maximum-likelihood fit of the two-covariate Breslow Cox model on a ranked death sequence (deaths
 * in `order`, `ties[k]` = 1 when death k + 1 shares death k's time; survivors censored after the
 * last death), by Newton–Raphson from β = 0. Returns null when it does not converge in 50 steps
 * (for example an infinite coefficient). The same model as coxPH on {@link rankedOneYearData}.
 * Cost: O(iterations × deaths).
 *
 * @example
 * // deaths of patterns 1, 0, 3, 2 (the second and third on one day); survivors 0, 1, 2, 3, 0
 * patternCoxFit([1, 0, 3, 2], [0, 1, 0], [0, 1, 2, 3, 0]) // { b: [0.4879, −0.0203], se: [1.0164, 1.0148] } (rounded)
 */
export function patternCoxFit(
  order: readonly Pattern[],
  ties: readonly number[],
  survivors: readonly Pattern[],
): PatternCoxEstimate | null {
  const atRisk = patternCounts([...order, ...survivors]);
  const accumulateAt = (beta: [number, number]): Accumulators => {
    const acc = new Float64Array(ACC);
    accumulateRange(acc, order, ties, 0, order.length, Int32Array.from(atRisk), weights(beta));
    return acc;
  };
  let beta: [number, number] = [0, 0];
  for (let iter = 0; iter < 50; iter++) {
    const step = predictEstimate(accumulateAt(beta), beta);
    if (step === null) return null;
    const moved = Math.max(Math.abs(step.b[0] - beta[0]), Math.abs(step.b[1] - beta[1]));
    beta = [step.b[0], step.b[1]];
    if (!Number.isFinite(beta[0]) || !Number.isFinite(beta[1])) return null;
    // converged: the SEs from the information at the estimate itself
    if (moved < 1e-12) return predictEstimate(accumulateAt(beta), beta);
  }
  return null;
}

/**
 * Number of distinct arrangements of a segment holding `counts[p]` deaths of pattern p: sequences
 * of death times, each a multiset of patterns (same-day deaths). Cost: O(states × 8).
 *
 * @example
 * segmentArrangements([1, 1, 0, 0]) // 3: pattern 0 then 1, 1 then 0, or both on one day
 */
export function segmentArrangements(counts: ArrayLike<number>): number {
  const memo = new Map<string, number>();
  // last = smallest pattern the open death time may still take (tied deaths are listed in
  // non-decreasing pattern order so that each multiset is counted once); -1: no open time
  const go = (m: number[], last: number): number => {
    if (m.every((c) => c === 0)) return 1;
    const key = `${m.join(",")}|${last}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let total = 0;
    for (let p = 0; p < 4; p++) {
      if (m[p] === 0) continue;
      m[p]--;
      total += go(m, p); // a new death time
      if (last >= 0 && p >= last) total += go(m, p); // the same time as the previous death
      m[p]++;
    }
    memo.set(key, total);
    return total;
  };
  return go(Array.from(counts), -1);
}

/**
 * Calls `leaf` once for every arrangement of a segment holding `counts[p]` deaths of pattern p (as
 * counted by {@link segmentArrangements}), with the Breslow accumulators of the segment's death
 * times alone at weights `w`, starting from `riskAtStart` patients at risk (by pattern), the
 * segment's patterns in order, and tie flags (`tied[k]` = 1: death k shares death k − 1's time).
 * The arrays passed to `leaf` are reused: copy what is kept. Cost: O(arrangements × 4) arithmetic.
 */
export function forEachArrangement(
  counts: ArrayLike<number>,
  riskAtStart: ArrayLike<number>,
  w: Float64Array,
  leaf: (acc: Float64Array, seq: Int32Array, tied: Int32Array) => void,
): void {
  const remaining = Int32Array.from(counts);
  const L = remaining.reduce((a, b) => a + b, 0);
  const seq = new Int32Array(L);
  const tied = new Int32Array(L);
  const risk = Int32Array.from(riskAtStart);
  const stack = new Float64Array(ACC * (L + 1));
  const total = new Float64Array(ACC);
  // the open death time holds deaths [openStart, depth) and its risk set is `risk`; stack level
  // `closed` holds the accumulators of the closed death times
  const closeOpen = (acc: Float64Array, at: number, openStart: number, depth: number): void => {
    let dv = 0,
      db = 0;
    for (let m = openStart; m < depth; m++) {
      dv += XV[seq[m]];
      db += XB[seq[m]];
    }
    addDeathTime(acc, at, risk, w, depth - openStart, dv, db);
  };
  const visit = (depth: number, openStart: number, closed: number): void => {
    if (depth === L) {
      for (let q = 0; q < ACC; q++) total[q] = stack[closed * ACC + q];
      if (L > 0) closeOpen(total, 0, openStart, depth);
      leaf(total, seq, tied);
      return;
    }
    for (let p = 0; p < 4; p++) {
      if (remaining[p] === 0) continue;
      remaining[p]--;
      seq[depth] = p;
      if (depth > 0) {
        // a new death time: the open one closes and its deaths leave the risk set
        for (let q = 0, from = closed * ACC; q < ACC; q++) stack[from + ACC + q] = stack[from + q];
        closeOpen(stack, (closed + 1) * ACC, openStart, depth);
        for (let m = openStart; m < depth; m++) risk[seq[m]]--;
        tied[depth] = 0;
        visit(depth + 1, depth, closed + 1);
        for (let m = openStart; m < depth; m++) risk[seq[m]]++;
        // the same time as the previous death (tied deaths listed in non-decreasing pattern order)
        if (p >= seq[depth - 1]) {
          tied[depth] = 1;
          visit(depth + 1, openStart, closed);
          tied[depth] = 0;
        }
      } else {
        visit(1, 0, closed);
      }
      remaining[p]++;
    }
  };
  visit(0, 0, 0);
}
