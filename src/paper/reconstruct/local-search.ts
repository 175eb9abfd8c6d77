import { InputError } from "../../lib/core/errors";
import type { Rng } from "../../lib/core/rng";

/** A search state: one integer vector per block (grid indices, or patient positions). */
export type SearchState = Int32Array[];

/** How the search may change a state. */
export interface SearchMoves {
  /** Per block: inclusive bounds of each index for "shift" moves (omit a block to never shift it). */
  readonly bounds?: readonly (readonly [number, number] | null)[];
  /** Largest step of a "shift" move (default 3). */
  readonly maxStep?: number;
  /** Blocks whose elements may be swapped with each other (permutations keep the multiset). */
  readonly swapBlocks?: readonly number[];
  /**
   * Blocks (sharing one grid) whose elements may take the nearest larger or smaller value present in
   * any of these blocks: creates a tie in one step, which shift moves reach only by luck (a
   * Mann–Whitney Z with its tie correction needs them).
   */
  readonly copyBlocks?: readonly number[];
}

export interface LocalSearchOptions {
  readonly initial: SearchState;
  /** Non-negative loss; 0 means every target is met. Must not mutate the state. */
  readonly objective: (state: SearchState) => number;
  readonly moves: SearchMoves;
  readonly rng: Rng;
  /** Stop after this many evaluations (default 20000). */
  readonly maxIterations?: number;
  /** Stop as soon as the loss is ≤ this (default 0). */
  readonly target?: number;
  /** Initial temperature of the annealing schedule, in loss units (default 0: greedy, equal moves accepted). */
  readonly temperature?: number;
  /** Re-heat from the best state this many times (the budget is split evenly; default 0). */
  readonly reheats?: number;
}

export interface LocalSearchResult {
  readonly state: SearchState;
  readonly loss: number;
  readonly iterations: number;
}

/**
 * Minimises `objective` over integer vectors by randomised local search (simulated annealing with
 * a linear cooling schedule, optionally re-heated from the best state; moves that do not worsen the
 * loss are always accepted so the search drifts across the plateaus that printed-precision targets
 * create). Moves: shift one element by 1..maxStep, a paired shift (one element up, another down by
 * the same step, which keeps a met mean), swap two elements of a permutation block, or move one
 * element onto the nearest value present (a tie). Used by the cohort
 * reconstruction to meet published aggregates; deterministic for a given `rng` seed.
 *
 * Reference: Kirkpatrick, Gelatt & Vecchi (1983) Science 220:671. No R/SPSS equivalent (R's
 * `optim(method = "SANN")` is the closest, for continuous states).
 * Cost: O(maxIterations × cost of objective).
 *
 * @example
 * // three integers in 0..9 summing to 12
 * localSearch({ initial: [Int32Array.from([0, 0, 0])], objective: (s) => Math.abs(s[0][0] + s[0][1] + s[0][2] - 12),
 *   moves: { bounds: [[0, 9]] }, rng: createRng(1) }).loss // 0
 */
export function localSearch(options: LocalSearchOptions): LocalSearchResult {
  const { objective, moves, rng } = options;
  const maxIterations = options.maxIterations ?? 20000;
  const target = options.target ?? 0;
  const t0 = options.temperature ?? 0;
  const maxStep = moves.maxStep ?? 3;
  const bounds = moves.bounds ?? [];
  const shiftBlocks = bounds.map((b, i) => (b ? i : -1)).filter((i) => i >= 0 && options.initial[i].length > 0);
  const swapBlocks = (moves.swapBlocks ?? []).filter((i) => options.initial[i].length > 1);
  const copyBlocks = (moves.copyBlocks ?? []).filter((i) => options.initial[i].length > 0);
  const copySize = copyBlocks.reduce((sum, b) => sum + options.initial[b].length, 0);
  const copyKinds = copySize > 1 ? 1 : 0;
  if (shiftBlocks.length + swapBlocks.length + copyKinds === 0) {
    throw new InputError("no block can move: give bounds or swapBlocks", { field: "moves", value: moves });
  }
  const state = options.initial.map((v) => Int32Array.from(v));
  for (const b of shiftBlocks) {
    const [lo, hi] = bounds[b]!;
    state[b].forEach((x, i) => {
      if (x < lo || x > hi)
        throw new InputError(`initial value outside [${lo}, ${hi}]`, { field: `initial[${b}]`, index: i, value: x });
    });
  }
  let loss = objective(state);
  let best = state.map((v) => Int32Array.from(v));
  let bestLoss = loss;
  let iterations = 0;
  const nMoveKinds = shiftBlocks.length + swapBlocks.length + copyKinds;
  // Element k of the copy blocks laid end to end → [block, index].
  const copyElement = (k: number): [number, number] => {
    for (const b of copyBlocks) {
      if (k < state[b].length) return [b, k];
      k -= state[b].length;
    }
    throw new Error("unreachable");
  };
  while (iterations < maxIterations && bestLoss > target) {
    iterations++;
    const pick = rng.int(nMoveKinds);
    let undo: () => void;
    if (pick < shiftBlocks.length) {
      const b = shiftBlocks[pick];
      const [lo, hi] = bounds[b]!;
      const v = state[b];
      const i = rng.int(v.length);
      const old = v[i];
      const step = 1 + rng.int(maxStep);
      const sign = rng.next() < 0.5 ? -1 : 1;
      const kind = rng.next();
      if (kind < 0.3 && v.length > 1) {
        // Paired move: one element up, another down by the same step (keeps the sum, so a met mean stays met).
        const j = rng.int(v.length);
        const oldJ = v[j];
        if (
          j === i ||
          old + sign * step < lo ||
          old + sign * step > hi ||
          oldJ - sign * step < lo ||
          oldJ - sign * step > hi
        )
          continue;
        v[i] = old + sign * step;
        v[j] = oldJ - sign * step;
        undo = () => {
          v[i] = old;
          v[j] = oldJ;
        };
      } else {
        const next = Math.min(hi, Math.max(lo, old + sign * step));
        if (next === old) continue;
        v[i] = next;
        undo = () => {
          v[i] = old;
        };
      }
    } else if (pick >= shiftBlocks.length + swapBlocks.length) {
      // Tie with the nearest value above or below (over all copy blocks): ranks move by at most a half.
      const [bi, i] = copyElement(rng.int(copySize));
      const v = state[bi];
      const old = v[i];
      const up = rng.next() < 0.5;
      let next = up ? Infinity : -Infinity;
      for (const b of copyBlocks)
        for (const x of state[b]) if (up ? x > old && x < next : x < old && x > next) next = x;
      const bound = bounds[bi];
      if (!Number.isFinite(next) || (bound && (next < bound[0] || next > bound[1]))) continue;
      v[i] = next;
      undo = () => {
        v[i] = old;
      };
    } else {
      const v = state[swapBlocks[pick - shiftBlocks.length]];
      const i = rng.int(v.length);
      const j = rng.int(v.length);
      if (v[i] === v[j]) continue;
      const a = v[i];
      v[i] = v[j];
      v[j] = a;
      undo = () => {
        v[j] = v[i];
        v[i] = a;
      };
    }
    const candidate = objective(state);
    const round = maxIterations / (1 + (options.reheats ?? 0));
    const temperature = t0 * (1 - (iterations % round) / round);
    if (iterations % Math.ceil(round) === 0 && bestLoss < loss) {
      // re-heat from the best state found so far
      best.forEach((v, b) => {
        state[b].set(v);
      });
      loss = bestLoss;
      continue;
    }
    const accept = candidate <= loss || (temperature > 0 && rng.next() < Math.exp((loss - candidate) / temperature));
    if (accept) {
      loss = candidate;
      if (loss < bestLoss) {
        bestLoss = loss;
        best = state.map((v) => Int32Array.from(v));
      }
    } else {
      undo();
    }
  }
  return { state: best, loss: bestLoss, iterations };
}

/**
 * Runs `search` up to `attempts` times while its loss stays above `floor` (the least loss the
 * targets allow: 0, or what documented conflicts leave), keeping the best result; the first
 * attempt that reaches the floor ends it. Each run must draw its start from the shared seeded
 * stream, so the restarts differ and the whole stays deterministic. Cost: ≤ attempts × one search.
 *
 * @example
 * const rng = createRng(1);
 * const sumTo12 = () =>
 *   localSearch({ initial: [Int32Array.from([0, 0, 0])], objective: (s) => Math.abs(s[0][0] + s[0][1] + s[0][2] - 12),
 *     moves: { bounds: [[0, 9]] }, rng });
 * bestOfRestarts(sumTo12, { attempts: 4 }).loss // 0 (the best of up to four attempts; it stops at the first 0)
 */
export function bestOfRestarts(
  search: () => LocalSearchResult,
  options: { readonly attempts: number; readonly floor?: number },
): LocalSearchResult {
  const floor = options.floor ?? 0;
  let best = search();
  for (let attempt = 1; attempt < options.attempts && best.loss > floor + 1e-9; attempt++) {
    const next = search();
    if (next.loss < best.loss) best = next;
  }
  return best;
}
