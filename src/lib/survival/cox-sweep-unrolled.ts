import type { CoxDesign, CoxWork } from "./cox-kernel";
import { buildCoxDesign } from "./cox-design";
import { surv } from "./surv";

/**
 * The risk-set sweep of {@link coxSweep} specialised to a fixed number of covariates p: the source is
 * generated once per p with every loop over covariates unrolled and every running sum (s1, s2, a1, a2,
 * u, imat) held in a local variable, so the per-row work is straight-line arithmetic on registers
 * instead of typed-array reads and writes. The log-likelihood is computed with the same operations as the
 * generic loop (bit-identical); the score and information sum the Efron steps in closed form (below), so
 * they agree with the generic loop to rounding (tests compare both to 1e-11). Used for fits without a
 * per-death-time collector and p ≤ MAX_UNROLLED_P. Internal to the survival area.
 */
export type UnrolledSweep = (d: CoxDesign, beta: Float64Array, work: CoxWork) => void;

export const MAX_UNROLLED_P = 12;

const cache = new Map<number, UnrolledSweep>();

/** The sweep for p covariates (generated on first use, then cached). */
export function unrolledSweep(p: number): UnrolledSweep {
  let f = cache.get(p);
  if (!f) {
    f = compileSweep(p);
    warmUp(f, p);
    cache.set(p, f);
  }
  return f;
}

/**
 * The generated sweep for p covariates (uncached, not warmed up; {@link sweepSource} says what
 * `singleDeathLines` does). The generated function takes the design's and the work's arrays as arguments
 * rather than the objects: its optimized code then depends on no object's field types, which V8 generalizes
 * (and so throws that code away) when an optimized buildCoxDesign first builds a design.
 */
export function compileSweep(p: number, singleDeathLines = true): UnrolledSweep {
  // new Function on source generated from integers only (no user input): one unrolled loop per p.
  const sweep = new Function(...SWEEP_ARGUMENTS, sweepSource(p, singleDeathLines)) as (...args: unknown[]) => number;
  return (d, beta, work) => {
    const { n, xs, stop, start, event, weight, strataEnds, startOrder, efron } = d;
    const { eta, risk, u, imat } = work;
    work.loglik = sweep(n, xs, stop, start, event, weight, strataEnds, startOrder, efron, beta, eta, risk, u, imat);
  };
}

/** The generated sweep's parameters, in the order compileSweep passes them. */
const SWEEP_ARGUMENTS = [
  "n",
  "xs",
  "stop",
  "start",
  "event",
  "weight",
  "strataEnds",
  "startOrder",
  "efron",
  "beta",
  "eta",
  "risk",
  "u",
  "imat",
];

/**
 * Runs a freshly generated sweep a few times on a small synthetic design, so that V8 has optimized it
 * before the first real call: a fit makes only 3–6 sweeps, and a cold sweep over 10⁶ rows runs 2–3×
 * slower than an optimized one. No effect on results (the synthetic data are discarded).
 */
function warmUp(f: UnrolledSweep, p: number): void {
  const m = 2048;
  // Built by the same constructors as a real fit, so the objects have the same shapes (hidden classes)
  // and the optimized code is not thrown away on the first real call.
  // Tied times in the first half (several deaths per death time), distinct ones in the second (one death per
  // death time, the single-death lines): optimized code that has never run a branch is thrown away when the first
  // real fit reaches it, which cost a cold continuous-time fit over a second.
  const y = surv(
    Float64Array.from({ length: m }, (_, k) => (k < m / 2 ? 1 + (k % 97) : 100 + k)),
    Uint8Array.from({ length: m }, (_, k) => (k % 3 === 0 ? 0 : 1)),
    { tieTolerance: 0 },
  );
  const columns = Array.from({ length: p }, (_, j) => Float64Array.from({ length: m }, (_, k) => Math.sin(k + j)));
  const design = buildCoxDesign({ y, columns, strata: null, weights: null, efron: true });
  const work = {
    eta: new Float64Array(m),
    risk: new Float64Array(m),
    s1: new Float64Array(p),
    s2: new Float64Array(p * p),
    a1: new Float64Array(p),
    a2: new Float64Array(p * p),
    xbar: new Float64Array(p),
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    loglik: 0,
  };
  const beta = new Float64Array(p).fill(0.1);
  for (let r = 0; r < 8; r++) f(design, beta, work);
}

/**
 * Source text of the sweep body for p covariates: a function of the SWEEP_ARGUMENTS that fills u and imat
 * and returns the log-likelihood (exported for the tests, which also build it without the single-death lines to
 * check that those give the general lines' results bit for bit).
 */
export function sweepSource(p: number, singleDeathLines = true): string {
  const J = Array.from({ length: p }, (_, j) => j);
  const pairs = J.flatMap((j) => J.filter((l) => l <= j).map((l) => [j, l] as const));
  const lines: string[] = [];
  const emit = (s: string) => lines.push(s);
  // A row's risk-weighted x and x xᵀ entering (+=) or leaving (-=) the risk-set sums s1, s2.
  const emitRiskSums = (indent: string, op: "+=" | "-=") => {
    for (const j of J) {
      emit(`${indent}const rx${j} = r * x${j};`);
      emit(`${indent}s1_${j} ${op} rx${j};`);
      for (const l of J.filter((l) => l <= j)) emit(`${indent}s2_${j}_${l} ${op} rx${j} * x${l};`);
    }
  };
  for (const j of J) emit(`const b${j} = beta[${j}];`);
  emit("let loglik = 0;");
  emit(`let ${J.map((j) => `u${j} = 0`).join(", ")};`);
  emit(`let ${pairs.map(([j, l]) => `i${j}_${l} = 0`).join(", ")};`);
  emit("let lo = 0;");
  emit("for (let s = 0; s < strataEnds.length; s++) {");
  emit("  const hi = strataEnds[s];");
  emit("  let s0 = 0;");
  emit(`  let ${J.map((j) => `s1_${j} = 0`).join(", ")};`);
  emit(`  let ${pairs.map(([j, l]) => `s2_${j}_${l} = 0`).join(", ")};`);
  emit("  let pos = lo;");
  emit("  let q = lo;");
  emit("  while (pos < hi) {");
  emit("    const t = stop[pos];");
  emit("    if (start !== null && startOrder !== null) {");
  emit("      while (q < hi && start[startOrder[q]] >= t) {");
  emit("        const k = startOrder[q++];");
  emit("        const r = risk[k];");
  emit("        s0 -= r;");
  emit(`        const base = k * ${p};`);
  for (const j of J) emit(`        const x${j} = xs[base + ${j}];`);
  emitRiskSums("        ", "-=");
  emit("      }");
  emit("    }");
  emit("    let nd = 0;");
  emit("    let wd = 0;");
  emit("    let a0 = 0;");
  emit(`    let ${J.map((j) => `a1_${j} = 0`).join(", ")};`);
  emit(`    let ${pairs.map(([j, l]) => `a2_${j}_${l} = 0`).join(", ")};`);
  emit(`    let ${J.map((j) => `dx${j} = 0`).join(", ")};`);
  emit("    while (pos < hi && stop[pos] === t) {");
  emit("      const k = pos++;");
  emit(`      const base = k * ${p};`);
  for (const j of J) emit(`      const x${j} = xs[base + ${j}];`);
  // η and the risk weight computed as the row enters (linearPredictor's operations, in its order); kept
  // in work for rows leaving later (counting process) and for callers.
  emit(`      const e = ${J.map((j) => `x${j} * b${j}`).join(" + ")};`);
  emit("      eta[k] = e;");
  emit("      const r = weight[k] * Math.exp(e);");
  emit("      risk[k] = r;");
  emit("      s0 += r;");
  emitRiskSums("      ", "+=");
  emit("      if (event[k] === 1) {");
  emit("        const w = weight[k];");
  emit("        nd++;");
  emit("        wd += w;");
  emit("        a0 += r;");
  emit("        loglik += w * e;");
  for (const j of J) {
    emit(`        u${j} += w * x${j};`);
    emit(`        a1_${j} += rx${j};`);
    for (const l of J.filter((l) => l <= j)) emit(`        a2_${j}_${l} += rx${j} * x${l};`);
  }
  emit("      }");
  emit("    }");
  emit("    if (nd === 0) continue;");
  emit("    const steps = efron ? nd : 1;");
  emit("    const meanwt = efron ? wd / nd : wd;");
  // One death (every death time when times are continuous): f = 0 in its only step, so sF, sF2 and sFF2 are
  // +0 and the general lines below reduce to these, bit for bit: a finite term times +0 is ±0, which changes a
  // difference at most in the sign of a zero result, and adding a zero of either sign leaves u and imat
  // unchanged (they start at +0 and are never −0). The terms the general lines multiply by 0 must be finite
  // (∞ · 0 is NaN): s1, a1 and the death's x below 1e100 in size keep a2 = a1·x, s1·a1 and a1·a1 finite, and
  // 1e-100 < s0 < 1e100 keeps 1/s0 and 1/s0² finite. Otherwise (fits whose risk scores overflow) the general
  // lines run.
  const bounded = (v: string) => `Math.abs(${v}) < 1e100`;
  if (singleDeathLines) {
    emit(
      `    if (nd === 1 && s0 > 1e-100 && s0 < 1e100 && ${J.flatMap((j) => [`s1_${j}`, `a1_${j}`, `dx${j}`])
        .map(bounded)
        .join(" && ")}) {`,
    );
    emit("      loglik -= meanwt * Math.log(s0);");
    emit("      const inv = 1 / s0;");
    emit("      const inv2 = inv * inv;");
    for (const j of J) emit(`      u${j} -= meanwt * (s1_${j} * inv);`);
    for (const [j, l] of pairs) emit(`      i${j}_${l} += meanwt * (s2_${j}_${l} * inv - s1_${j} * s1_${l} * inv2);`);
    emit("      continue;");
    emit("    }");
  }
  // The Efron steps k = 0..steps−1 (f_k = k/nd, d_k = s0 − f_k a0) enter u and imat only through
  // x̄_k = (s1 − f_k a1)/d_k and (s2 − f_k a2)/d_k, so their sums over k expand into five scalar sums
  // (Σ 1/d, Σ f/d, Σ 1/d², Σ f/d², Σ f²/d²): O(steps + p²) per death time instead of O(steps · p²).
  emit("    let sInv = 0, sF = 0, sInv2 = 0, sF2 = 0, sFF2 = 0;");
  emit("    for (let st = 0; st < steps; st++) {");
  emit("      const f = efron ? st / nd : 0;");
  emit("      const d0 = s0 - f * a0;");
  emit("      loglik -= meanwt * Math.log(d0);");
  emit("      const inv = 1 / d0;");
  emit("      const inv2 = inv * inv;");
  emit("      sInv += inv;");
  emit("      sF += f * inv;");
  emit("      sInv2 += inv2;");
  emit("      sF2 += f * inv2;");
  emit("      sFF2 += f * f * inv2;");
  emit("    }");
  for (const j of J) emit(`    u${j} -= meanwt * (s1_${j} * sInv - a1_${j} * sF);`);
  for (const [j, l] of pairs) {
    emit(
      `    i${j}_${l} += meanwt * (s2_${j}_${l} * sInv - a2_${j}_${l} * sF - (s1_${j} * s1_${l} * sInv2 - (s1_` +
        `${j} * a1_${l} + a1_${j} * s1_${l}) * sF2 + a1_${j} * a1_${l} * sFF2));`,
    );
  }
  emit("  }");
  emit("  lo = hi;");
  emit("}");
  for (const j of J) emit(`u[${j}] = u${j};`);
  for (const [j, l] of pairs) {
    emit(`imat[${j * p + l}] = i${j}_${l};`);
    if (j !== l) emit(`imat[${l * p + j}] = i${j}_${l};`);
  }
  emit("return loglik;");
  return lines.join("\n");
}
