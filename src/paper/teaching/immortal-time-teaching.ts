import type { ImmortalTimeFrame } from "../../lib/figures/immortal-time-slider-figure";
import { immortalTimeByDelay, type ImmortalTimeBase } from "../../lib/teaching/immortal-time-by-delay";

/** The settings of the teaching notebook's immortal-time slider (and of exercise 9). */
export const IMMORTAL_TIME_TEACHING: ImmortalTimeBase = Object.freeze({
  n: 200,
  replicates: 100,
  seed: 20260719,
  baselineHazard: Math.LN2 / 12,
  treatedFraction: 0.5,
  trueHazardRatio: 1,
  followUp: 24,
  ties: "breslow",
});

/** The longest delays to treatment the slider visits (months). */
export const IMMORTAL_TIME_DELAYS: readonly number[] = Object.freeze([0, 1, 2, 3, 4, 6, 9, 12]);

let cached: { readonly settings: ImmortalTimeBase; readonly frames: readonly ImmortalTimeFrame[] } | null = null;

/**
 * The immortal-time slider's frames for the teaching notebook: a drug that does nothing (true HR 1), planned for half
 * of 200 patients whose median survival is 12 months, starting uniformly between 0 and d months after time zero;
 * 100 simulated studies per delay, seeded. Computed once per session (exercise 9 reads the same frames).
 * Cost: 8 simulations × 100 studies × 2 Cox fits (a few seconds).
 *
 * @example
 * immortalTimeTeaching().frames.map((f) => f.delay) // [0, 1, 2, 3, 4, 6, 9, 12]
 */
export function immortalTimeTeaching(): {
  readonly settings: ImmortalTimeBase;
  readonly frames: readonly ImmortalTimeFrame[];
} {
  cached ??= immortalTimeByDelay(IMMORTAL_TIME_TEACHING, IMMORTAL_TIME_DELAYS);
  return cached;
}
