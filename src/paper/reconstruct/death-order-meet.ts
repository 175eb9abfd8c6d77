import { InputError } from "../../lib/core/errors";
import { rankedOneYearData, type Pattern } from "./death-order";
import {
  ACC,
  accumulateRange,
  forEachArrangement,
  patternCounts,
  predictEstimate,
  segmentArrangements,
  weights,
  type PatternCoxEstimate,
} from "./pattern-cox";

export interface MeetOptions {
  /** Covariate patterns of the deaths within the horizon (their order is what is searched). */
  readonly deaths: readonly Pattern[];
  /** Patterns of the patients censored after the last death. */
  readonly survivors: readonly Pattern[];
  /** The coefficients aimed at: the centre of the printed windows of B (and of ln Exp(B)). */
  readonly center: readonly [number, number];
  /** Half-widths of those windows. */
  readonly halfWidth: readonly [number, number];
  /** Loss of the printed numbers implied by predicted coefficients and SEs (0 = all printed as published). */
  readonly estimateLoss: (estimate: PatternCoxEstimate) => number;
  /** Exact loss of a ranked data set (a Cox fit): the final word on every candidate. */
  readonly objective: (data: ReturnType<typeof rankedOneYearData>) => number;
  /** Deaths before the split (default: half, rounded down). */
  readonly split?: number;
  /** Candidates with a predicted loss at most this are verified exactly (default 0.05). */
  readonly screen?: number;
  /**
   * Stop after the prefix composition (in lexicographic order) in which this many exact solutions (loss 0) have been
   * found (default: search all).
   */
  readonly enough?: number;
}

export interface DeathOrderSolution {
  readonly order: Pattern[];
  readonly tieWithPrevious: number[];
  readonly loss: number;
}

export interface MeetResult {
  /** Verified candidates, best exact loss first (ties: fewer same-day deaths first). */
  readonly solutions: DeathOrderSolution[];
  /**
   * Orders searched: every ordering and same-day grouping without a shared day across the split, for the compositions
   * visited.
   */
  readonly arrangements: number;
  /** Prefix compositions visited, of all. */
  readonly compositions: { readonly visited: number; readonly total: number };
}

/**
 * Exhaustive search of the one-year death orders for the Table 6 Cox model by meeting in the
 * middle. At the target β* the Breslow score U and information I are sums over death times, and
 * the risk sets after the first `split` deaths depend only on which patterns died, not on their
 * order — so every arrangement of the first deaths (prefix) and of the rest (suffix) is enumerated
 * once per prefix composition, and pairs are joined on the linearised coefficient shift
 * Ī⁻¹(U_prefix + U_suffix), which must land in the printed windows. Joined pairs are screened by
 * a one-step Newton prediction (curvature-corrected SEs, error O(δ²)) and verified with the exact
 * `objective`. This covers, for x = 0, y = 7, ≈ 2·10¹² orders in about 15 s, where annealing visits
 * 10⁵: the printed Table 6 windows (B to ±4·10⁻⁵) are too narrow for random moves to hit together.
 *
 * Orders with same-day deaths across the split are not covered (run another split for those).
 * Reference: Breslow (1974) partial likelihood; meet-in-the-middle (Horowitz & Sahni 1974).
 * Cost: O(Σ over prefix compositions of (prefix + suffix arrangements)) plus the joined pairs.
 *
 * @example slow
 * // the reconstruction's call: Table 6's windows, the printed-number losses of the evaluators (about 15 s)
 * const ev = defaultEvaluators();
 * const { deaths, survivors } = patternsForCells({ x: 0, y: 7 });
 * const losses = { estimateLoss: ev.table6EstimateLoss, objective: ev.table6Loss };
 * const result = meetInTheMiddle({ deaths, survivors, ...ev.table6Window, ...losses });
 * result.solutions.filter((s) => s.loss === 0).length // 557
 */
export function meetInTheMiddle(options: MeetOptions): MeetResult {
  const { deaths, survivors } = options;
  for (const [field, patterns] of [
    ["deaths", deaths],
    ["survivors", survivors],
  ] as const) {
    patterns.forEach((p, i) => {
      if (!(p === 0 || p === 1 || p === 2 || p === 3))
        throw new InputError("must be a covariate pattern 0, 1, 2 or 3", { field, index: i, value: p });
    });
  }
  if (deaths.length < 2)
    throw new InputError("needs at least two deaths to split", { field: "deaths", value: deaths.length });
  for (const field of ["center", "halfWidth"] as const) {
    options[field].forEach((x, i) => {
      if (!Number.isFinite(x) || (field === "halfWidth" && x <= 0))
        throw new InputError(field === "halfWidth" ? "must be a positive finite number" : "must be finite", {
          field,
          index: i,
          value: x,
        });
    });
  }
  if (
    options.split !== undefined &&
    !(Number.isInteger(options.split) && options.split >= 1 && options.split < deaths.length)
  ) {
    throw new InputError(`must be an integer in 1..${deaths.length - 1}`, { field: "split", value: options.split });
  }
  const deathCounts = patternCounts(deaths);
  const survivorCounts = patternCounts(survivors);
  const total = deaths.length;
  const split = options.split ?? Math.floor(total / 2);
  const screen = options.screen ?? 0.05;
  const enough = options.enough ?? Infinity;
  const beta = options.center;
  const w = weights(beta);
  const allAtRisk = Int32Array.from(deathCounts, (c, p) => c + survivorCounts[p]);

  // Ī⁻¹ of a reference order (deaths by pattern, no ties): the information varies by a few per cent
  // between orders, so the linearised shift is a filter only; the Newton prediction decides.
  const reference = new Float64Array(ACC);
  const sorted = [...deaths].sort((a, b) => a - b);
  accumulateRange(reference, sorted, new Array(total).fill(0), 0, total, Int32Array.from(allAtRisk), w);
  const det = reference[2] * reference[4] - reference[3] * reference[3];
  const inv = [reference[4] / det, -reference[3] / det, reference[2] / det]; // (vv, vb, bb)
  const shift = (acc: ArrayLike<number>, out: Float64Array, at: number) => {
    out[at] = inv[0] * acc[0] + inv[1] * acc[1];
    out[at + 1] = inv[1] * acc[0] + inv[2] * acc[1];
  };
  // join tolerance: the window plus 25% for the difference between Ī and the pair's own information
  const tol = [options.halfWidth[0] * 1.25 + 1e-6, options.halfWidth[1] * 1.25 + 1e-6];
  // the predicted coefficients must fall in the windows (with slack for the prediction's O(δ²) error)
  const window = [options.halfWidth[0] + 1e-6, options.halfWidth[1] + 1e-6];

  const solutions: DeathOrderSolution[] = [];
  let exactSolutions = 0;
  let arrangements = 0;
  let visited = 0;
  const pair = new Float64Array(ACC);
  const suffixShift = new Float64Array(2);
  // prefix record: 9 accumulators, 2 shifts, the patterns (base 4) and the tie flags (base 2) as codes
  const stride = ACC + 4;
  const all = [...compositions(deathCounts, split)];
  for (const prefix of all) {
    if (exactSolutions >= enough) break;
    visited++;
    const suffixCounts = Int32Array.from(deathCounts, (c, p) => c - prefix[p]);
    const nPrefix = segmentArrangements(prefix);
    arrangements += nPrefix * segmentArrangements(suffixCounts);
    const records = new Float64Array(nPrefix * stride);
    let r = 0;
    forEachArrangement(prefix, allAtRisk, w, (acc, seq, tied) => {
      const at = r * stride;
      records.set(acc, at);
      shift(acc, records, at + ACC);
      records[at + ACC + 2] = encode(seq, 4);
      records[at + ACC + 3] = encode(tied, 2);
      r++;
    });
    const grid = new ShiftGrid(records, stride, ACC, nPrefix, [2 * tol[0], 2 * tol[1]]);
    const suffixRisk = Int32Array.from(suffixCounts, (c, p) => c + survivorCounts[p]);
    forEachArrangement(suffixCounts, suffixRisk, w, (acc, seq, tied) => {
      shift(acc, suffixShift, 0);
      const sv = suffixShift[0],
        sb = suffixShift[1];
      const i0 = grid.row(-sv - tol[0]),
        i1 = grid.row(-sv + tol[0]);
      const j0 = grid.column(-sb - tol[1]),
        j1 = grid.column(-sb + tol[1]);
      for (let i = i0; i <= i1; i++)
        for (let j = j0; j <= j1; j++) {
          const bucket = grid.bucket(i, j);
          if (bucket < 0) continue;
          for (let m = grid.start[bucket]; m < grid.start[bucket + 1]; m++) {
            const at = grid.members[m];
            if (Math.abs(records[at + ACC] + sv) > tol[0] || Math.abs(records[at + ACC + 1] + sb) > tol[1]) continue;
            for (let q = 0; q < ACC; q++) pair[q] = records[at + q] + acc[q];
            const e = predictEstimate(pair, beta);
            if (e === null || Math.abs(e.b[0] - beta[0]) > window[0] || Math.abs(e.b[1] - beta[1]) > window[1])
              continue;
            if (options.estimateLoss(e) > screen) continue;
            const order = [...decode(records[at + ACC + 2], 4, split), ...Array.from(seq)] as Pattern[];
            // tie flags: inside the prefix, none across the split, inside the suffix
            const ties = [...decode(records[at + ACC + 3], 2, split).slice(1), 0, ...Array.from(tied).slice(1)];
            const loss = options.objective(rankedOneYearData(order, ties, survivors));
            if (loss === 0) exactSolutions++;
            solutions.push({ order, tieWithPrevious: ties, loss });
          }
        }
    });
  }
  solutions.sort(
    (a, b) =>
      a.loss - b.loss ||
      sum(a.tieWithPrevious) - sum(b.tieWithPrevious) ||
      compareArrays(a.order, b.order) ||
      compareArrays(a.tieWithPrevious, b.tieWithPrevious),
  );
  return { solutions, arrangements, compositions: { visited, total: all.length } };
}

const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);
const compareArrays = (a: readonly number[], b: readonly number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
};

/** Every count vector c ≤ `limits` (componentwise) with Σc = `size`, in lexicographic order. */
function* compositions(limits: ArrayLike<number>, size: number): Generator<Int32Array> {
  const c = new Int32Array(limits.length);
  function* go(p: number, left: number): Generator<Int32Array> {
    if (p === limits.length - 1) {
      if (left <= limits[p]) {
        c[p] = left;
        yield Int32Array.from(c);
      }
      return;
    }
    for (let v = 0; v <= Math.min(limits[p], left); v++) {
      c[p] = v;
      yield* go(p + 1, left - v);
    }
  }
  yield* go(0, size);
}

/** Digits of `values` in base `base` (first value least significant); exact below 2^53. */
function encode(values: ArrayLike<number>, base: number): number {
  let code = 0;
  for (let k = values.length - 1; k >= 0; k--) code = code * base + values[k];
  return code;
}

function decode(code: number, base: number, length: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < length; k++) {
    out.push(code % base);
    code = Math.floor(code / base);
  }
  return out;
}

/**
 * Records bucketed on a 2-D grid of their shift: an open-addressing table of occupied cells, each
 * pointing to a contiguous run of record offsets (typed arrays: no per-cell objects).
 */
class ShiftGrid {
  private readonly cellI: Int32Array;
  private readonly cellJ: Int32Array;
  /** Bucket of a table slot + 1 (0 = empty slot). */
  private readonly slotBucket: Int32Array;
  private readonly mask: number;
  /** Record offsets of bucket b: members[start[b] .. start[b + 1]). */
  readonly start: Int32Array;
  readonly members: Int32Array;

  constructor(
    records: Float64Array,
    stride: number,
    offset: number,
    count: number,
    private readonly cell: readonly [number, number],
  ) {
    let size = 16;
    while (size < 2 * count) size *= 2;
    this.mask = size - 1;
    this.cellI = new Int32Array(size);
    this.cellJ = new Int32Array(size);
    this.slotBucket = new Int32Array(size);
    const bucketOf = new Int32Array(count);
    const sizes: number[] = [];
    for (let r = 0; r < count; r++) {
      const at = r * stride;
      const i = this.row(records[at + offset]),
        j = this.column(records[at + offset + 1]);
      const slot = this.find(i, j);
      if (this.slotBucket[slot] === 0) {
        this.cellI[slot] = i;
        this.cellJ[slot] = j;
        sizes.push(0);
        this.slotBucket[slot] = sizes.length;
      }
      const b = this.slotBucket[slot] - 1;
      bucketOf[r] = b;
      sizes[b]++;
    }
    this.start = new Int32Array(sizes.length + 1);
    for (let b = 0; b < sizes.length; b++) this.start[b + 1] = this.start[b] + sizes[b];
    const fill = this.start.slice(0, sizes.length);
    this.members = new Int32Array(count);
    for (let r = 0; r < count; r++) this.members[fill[bucketOf[r]]++] = r * stride;
  }
  /** The slot holding cell (i, j), or the empty slot where it would go (linear probing). */
  private find(i: number, j: number): number {
    let slot = (Math.imul(i, 73856093) ^ Math.imul(j, 19349663)) & this.mask;
    while (this.slotBucket[slot] !== 0 && (this.cellI[slot] !== i || this.cellJ[slot] !== j))
      slot = (slot + 1) & this.mask;
    return slot;
  }
  row(x: number): number {
    return Math.floor(x / this.cell[0]);
  }
  column(y: number): number {
    return Math.floor(y / this.cell[1]);
  }
  /** Index of cell (i, j)'s bucket, or −1 when no record falls in it. */
  bucket(i: number, j: number): number {
    return this.slotBucket[this.find(i, j)] - 1;
  }
}
