import type { CoxDesign } from "./cox-kernel";
import type { Surv } from "./surv";

/** Inputs to {@link buildCoxDesign}, already validated by coxPH. */
export interface CoxDesignInput {
  readonly y: Surv;
  /** Columns of the covariate matrix, each of length n. */
  readonly columns: ReadonlyArray<ArrayLike<number>>;
  /** Stratum code per row (0-based, in label order), or null. */
  readonly strata: Int32Array | null;
  readonly weights: Float64Array | null;
  readonly efron: boolean;
}

/**
 * Sorts once by (stratum, stop time descending) and centres/scales the covariates as survival's
 * coxfit6 (columns coded only in {−1, 0, 1} are left uncentred, as coxph's default nocenter).
 * Cost O(n log n + n p).
 */
export function buildCoxDesign(input: CoxDesignInput): CoxDesign {
  const { y, columns, efron } = input;
  const n = y.n;
  const p = columns.length;
  const strataIn = input.strata ?? new Int32Array(n);
  const stopIn = y.time;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => strataIn[a] - strataIn[b] || stopIn[b] - stopIn[a] || a - b);
  const stop = new Float64Array(n);
  const event = new Uint8Array(n);
  const weight = new Float64Array(n);
  const stratum = new Int32Array(n);
  const start = y.start ? new Float64Array(n) : null;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    stop[k] = stopIn[i];
    event[k] = y.event[i];
    weight[k] = input.weights ? input.weights[i] : 1;
    stratum[k] = strataIn[i];
    if (start && y.start) start[k] = y.start[i];
  }
  const ends: number[] = [];
  for (let k = 1; k <= n; k++) if (k === n || stratum[k] !== stratum[k - 1]) ends.push(k);
  const strataEnds = Int32Array.from(ends);
  let startOrder: Int32Array | null = null;
  if (start) {
    startOrder = new Int32Array(n);
    for (let k = 0; k < n; k++) startOrder[k] = k;
    startOrder.sort((a, b) => stratum[a] - stratum[b] || start[b] - start[a] || a - b);
  }
  let totalWeight = 0;
  for (let k = 0; k < n; k++) totalWeight += weight[k];
  const means = new Float64Array(p);
  const scale = new Float64Array(p);
  const xs = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    let zeroOne = true;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const v = col[order[k]];
      if (v !== 0 && v !== 1 && v !== -1) zeroOne = false;
      sum += weight[k] * v;
    }
    const mean = zeroOne ? 0 : sum / totalWeight;
    let absDev = 0;
    for (let k = 0; k < n; k++) {
      const v = col[order[k]] - mean;
      xs[k * p + j] = v;
      absDev += weight[k] * Math.abs(v);
    }
    const sc = zeroOne ? 1 : absDev > 0 ? totalWeight / absDev : 1;
    if (sc !== 1) for (let k = 0; k < n; k++) xs[k * p + j] *= sc;
    means[j] = mean;
    scale[j] = sc;
  }
  return { n, p, rowOf: order, xs, stop, start, event, weight, stratum, strataEnds, startOrder, means, scale, efron };
}
