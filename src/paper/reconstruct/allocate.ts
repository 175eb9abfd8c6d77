import { InputError } from "../../lib/core/errors";
import type { Rng } from "../../lib/core/rng";

/**
 * Splits a published count between the 1-year outcome groups: how many of `count` patients with a
 * level fall among the `deaths` of `n` patients, proportionally (largest remainder over levels), so
 * that factors the paper calls non-significant show no association with 1-year status.
 *
 * Cost: O(levels log levels).
 *
 * @example
 * proportionalDeaths([45, 4, 5, 1], 23, 55) // [19, 2, 2, 0]: sums to 23
 */
export function proportionalDeaths(counts: readonly number[], deaths: number, n: number): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total !== n) throw new InputError(`counts sum to ${total}, not ${n}`, { field: "counts", value: counts });
  const exact = counts.map((c) => (c * deaths) / n);
  const out = exact.map(Math.floor);
  let left = deaths - out.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    if (out[i] < counts[i]) {
      out[i]++;
      left--;
    }
  }
  return out;
}

/**
 * Assigns level indices to patients: `deathsPerLevel[l]` of the death patients and the rest of
 * `counts[l]` to survivors, positions chosen at random. Returns one level index per patient.
 *
 * Cost: O(n).
 */
export function assignLevels(
  counts: readonly number[],
  deathsPerLevel: readonly number[],
  died: readonly (0 | 1)[],
  rng: Rng,
): number[] {
  const deathIdx = rng.shuffle(died.flatMap((d, i) => (d ? [i] : [])));
  const survIdx = rng.shuffle(died.flatMap((d, i) => (d ? [] : [i])));
  const out = new Array<number>(died.length).fill(-1);
  let di = 0;
  let si = 0;
  counts.forEach((c, level) => {
    for (let k = 0; k < deathsPerLevel[level]; k++) out[deathIdx[di++]] = level;
    for (let k = 0; k < c - deathsPerLevel[level]; k++) out[survIdx[si++]] = level;
  });
  if (di !== deathIdx.length || si !== survIdx.length) {
    throw new InputError("levels do not fill the outcome groups exactly", {
      field: "deathsPerLevel",
      value: deathsPerLevel,
    });
  }
  return out;
}
