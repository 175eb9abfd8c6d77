import { localSearch } from "./local-search";
import type { Rng } from "../../lib/core/rng";

/** Covariate pattern of a patient in the Table 6 model: bit 0 = visceral metastases, bit 1 = postoperative BMA. */
export type Pattern = 0 | 1 | 2 | 3;

/** The 2 × 2 × 2 cell counts of (1-year outcome, visceral, BMA) fixed by Table 5 and one free cell per outcome. */
export interface JointCells {
  /** Deaths with neither visceral metastases nor BMA (0..4 given Table 5). */
  readonly x: number;
  /** Survivors with neither (0..10 given Table 5). */
  readonly y: number;
}

/**
 * Patterns of the 23 one-year deaths and 32 survivors for joint cells (x, y), given the Table 5
 * margins: deaths 19 visceral / 8 BMA, survivors 17 visceral / 22 BMA.
 */
export function patternsForCells({ x, y }: JointCells): { deaths: Pattern[]; survivors: Pattern[] } {
  const expand = (counts: readonly [number, number, number, number]): Pattern[] =>
    counts.flatMap((c, p) => Array<Pattern>(c).fill(p as Pattern));
  // deaths: (V,B) = (0,0) x, (0,1) 4−x, (1,1) 4+x, (1,0) 15−x
  const deaths = expand([x, 15 - x, 4 - x, 4 + x]);
  // survivors: (0,0) y, (0,1) 15−y, (1,1) 7+y, (1,0) 10−y
  const survivors = expand([y, 10 - y, 15 - y, 7 + y]);
  return { deaths, survivors };
}

/** Feasible (x, y) of {@link patternsForCells}. */
export const JOINT_CELL_RANGE = { x: [0, 4], y: [0, 10] } as const;

/**
 * Ranked one-year data of an ordering: death k (0-based) at rank time k + 1 − (ties merged into the
 * previous death), survivors censored after the last death.
 */
export function rankedOneYearData(
  order: ArrayLike<number>,
  tieWithPrevious: ArrayLike<number>,
  survivors: readonly Pattern[],
) {
  const nDeaths = order.length;
  const n = nDeaths + survivors.length;
  const time = new Array<number>(n);
  const event = new Array<number>(n);
  const visceral = new Array<number>(n);
  const bma = new Array<number>(n);
  let t = 0;
  for (let k = 0; k < nDeaths; k++) {
    if (k === 0 || !tieWithPrevious[k - 1]) t++;
    time[k] = t;
    event[k] = 1;
    visceral[k] = order[k] & 1;
    bma[k] = (order[k] >> 1) & 1;
  }
  for (let s = 0; s < survivors.length; s++) {
    time[nDeaths + s] = t + 1;
    event[nDeaths + s] = 0;
    visceral[nDeaths + s] = survivors[s] & 1;
    bma[nDeaths + s] = (survivors[s] >> 1) & 1;
  }
  return { time, event, visceral, bma };
}

export interface DeathOrderResult {
  readonly cells: JointCells;
  /** Patterns of the deaths in order of death. */
  readonly order: Pattern[];
  /** tieWithPrevious[k] = 1: death k + 1 happens on the same day as death k. */
  readonly tieWithPrevious: number[];
  readonly survivors: Pattern[];
  /** Loss of the objective at the optimum (0 = every Table 6 number printed as published). */
  readonly loss: number;
  readonly evaluations: number;
}

/**
 * Searches the order (and same-day ties) of the 23 one-year deaths over covariate patterns, for
 * each candidate joint-cell split (x, y), so that the one-year Cox model meets `objective` (the
 * Table 6 loss, computed by the reproduction function). Only ranks matter to a Cox partial
 * likelihood, so calendar times are assigned afterwards, preserving this order.
 *
 * Cost: O(candidates × iterations × Cox fit).
 */
export function searchDeathOrder(options: {
  readonly candidates: readonly JointCells[];
  readonly objective: (data: ReturnType<typeof rankedOneYearData>) => number;
  readonly rng: Rng;
  readonly iterationsPerCandidate: number;
  /** Allow same-day deaths (default false: with ties the Breslow and Efron fits differ). */
  readonly allowTies?: boolean;
  /**
   * Loss added per same-day tie during the search, so that ties are used only where they help (default 0.02); the
   * reported loss excludes it.
   */
  readonly tiePenalty?: number;
}): DeathOrderResult {
  const tiePenalty = options.tiePenalty ?? 0.02;
  let best: DeathOrderResult | null = null;
  let evaluations = 0;
  for (const cells of options.candidates) {
    const { deaths, survivors } = patternsForCells(cells);
    const order = Int32Array.from(options.rng.shuffle([...deaths]));
    const ties = new Int32Array(deaths.length - 1);
    const result = localSearch({
      initial: [order, ties],
      objective: ([o, t]) =>
        options.objective(rankedOneYearData(o, t, survivors)) + tiePenalty * t.reduce((a, b) => a + b, 0),
      moves: { bounds: [null, options.allowTies ? [0, 1] : null], maxStep: 1, swapBlocks: [0] },
      rng: options.rng,
      maxIterations: options.iterationsPerCandidate,
      temperature: 2,
      reheats: 3,
    });
    evaluations += result.iterations;
    const fitLoss = options.objective(rankedOneYearData(result.state[0], result.state[1], survivors));
    if (best === null || fitLoss < best.loss) {
      best = {
        cells,
        order: Array.from(result.state[0]) as Pattern[],
        tieWithPrevious: Array.from(result.state[1]),
        survivors,
        loss: fitLoss,
        evaluations,
      };
    }
    if (fitLoss === 0) break;
  }
  return { ...best!, evaluations };
}
