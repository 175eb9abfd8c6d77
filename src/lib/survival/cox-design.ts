import type { CoxDesign } from "./cox-kernel";
import { radixArgsort } from "./cox-sort";
import type { Surv } from "./surv";

/**
 * Stable order by (group ascending, value descending, index ascending): radix sort, then a stable counting sort by
 * group. O(n).
 */
function argsortDescendingWithin(values: Float64Array, groups: Int32Array): Int32Array {
  const byValue = radixArgsort(values, true);
  let groupCount = 0;
  for (let i = 0; i < groups.length; i++) if (groups[i] + 1 > groupCount) groupCount = groups[i] + 1;
  return groupCount <= 1 ? byValue : countingSort(groups, groupCount, byValue);
}

/** Stable counting sort of `input` (or 0..n−1) by integer keys in [0, m). */
function countingSort(key: Int32Array, m: number, input: Int32Array | null): Int32Array {
  const n = key.length;
  const count = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) count[key[i] + 1]++;
  for (let k = 0; k < m; k++) count[k + 1] += count[k];
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = input ? input[r] : r;
    out[count[key[i]]++] = i;
  }
  return out;
}

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
  const order = argsortDescendingWithin(stopIn, strataIn);
  // Sorted position of each row: rows are then read in input order (sequentially) and written to their
  // sorted position, one cache line per row, instead of p + 2 passes of random reads through `order`.
  const positionOf = new Int32Array(n);
  for (let k = 0; k < n; k++) positionOf[order[k]] = k;
  const stop = new Float64Array(n);
  const event = new Uint8Array(n);
  const start = y.start ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const k = positionOf[i];
    stop[k] = stopIn[i];
    event[k] = y.event[i];
  }
  if (start && y.start) for (let i = 0; i < n; i++) start[positionOf[i]] = y.start[i];
  // Without weights or strata there is nothing to gather (each gather is n random reads).
  const weight = new Float64Array(n);
  if (input.weights) for (let i = 0; i < n; i++) weight[positionOf[i]] = input.weights[i];
  else weight.fill(1);
  const stratum = new Int32Array(n);
  if (input.strata) for (let i = 0; i < n; i++) stratum[positionOf[i]] = strataIn[i];
  const ends: number[] = [];
  for (let k = 1; k <= n; k++) if (k === n || stratum[k] !== stratum[k - 1]) ends.push(k);
  const strataEnds = Int32Array.from(ends);
  let startOrder: Int32Array | null = null;
  if (start) {
    startOrder = argsortDescendingWithin(start, stratum);
  }
  let totalWeight = 0;
  for (let k = 0; k < n; k++) totalWeight += weight[k];
  const wIn = input.weights;
  const means = new Float64Array(p);
  const scale = new Float64Array(p);
  const xs = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const [mean, sc] = centreAndScale(columns[j], wIn, totalWeight);
    means[j] = mean;
    scale[j] = sc;
  }
  // Row by row: row i's p values go to one place in xs (one cache line), each column read sequentially.
  for (let i = 0; i < n; i++) {
    const base = positionOf[i] * p;
    for (let j = 0; j < p; j++) xs[base + j] = (columns[j][i] - means[j]) * scale[j];
  }
  return { n, p, rowOf: order, xs, stop, start, event, weight, stratum, strataEnds, startOrder, means, scale, efron };
}

/**
 * coxfit6's centring and scaling of one column, read in input order: [mean, total weight / Σ w|x − mean|];
 * [0, 1] for a column coded only in {−1, 0, 1} (R's nocenter), whose deviation pass is skipped.
 * A function of its own so it is optimized once and reused for every column.
 */
function centreAndScale(col: ArrayLike<number>, w: Float64Array | null, totalWeight: number): [number, number] {
  const n = col.length;
  let zeroOne = true;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v !== 0 && v !== 1 && v !== -1) zeroOne = false;
    sum += (w ? w[i] : 1) * v;
  }
  if (zeroOne) return [0, 1];
  const mean = sum / totalWeight;
  let absDev = 0;
  for (let i = 0; i < n; i++) absDev += (w ? w[i] : 1) * Math.abs(col[i] - mean);
  return [mean, absDev > 0 ? totalWeight / absDev : 1];
}
