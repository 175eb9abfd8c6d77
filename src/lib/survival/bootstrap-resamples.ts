import { InputError } from "../core/errors";
import { createRng } from "../core/rng";

/**
 * Nonparametric bootstrap resamples: `replicates` index vectors, each n draws with replacement from
 * 0..n−1, from a seeded generator (src/lib/core/rng), so the same seed gives the same resamples on every
 * machine. The bootstrap functions of this area accept these (or your own, e.g. exported from R) so a
 * result can be checked replicate by replicate against another implementation.
 *
 * Reference: Efron B, Tibshirani RJ (1993) An Introduction to the Bootstrap, ch. 6. R: `sample.int(n,
 * replace = TRUE)` per replicate (a different stream), boot::boot's index matrix. Cost: O(replicates · n).
 *
 * @example
 * bootstrapResamples(4, 2, 1).map((r) => Array.from(r)) // [[0, 1, 3, 2], [3, 2, 3, 2]]
 */
export function bootstrapResamples(n: number, replicates: number, seed: number): readonly Int32Array[] {
  if (!Number.isInteger(n) || n < 1) throw new InputError("must be a positive integer", { field: "n", value: n });
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new InputError("must be a positive integer", { field: "replicates", value: replicates });
  if (!Number.isInteger(seed)) throw new InputError("must be an integer", { field: "seed", value: seed });
  const rng = createRng(seed);
  const out: Int32Array[] = [];
  for (let b = 0; b < replicates; b++) {
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = rng.int(n);
    out.push(idx);
  }
  return Object.freeze(out);
}

/** Validates user-supplied resamples: each a vector of n integer indices in [0, n). */
export function checkResamples(resamples: ReadonlyArray<ArrayLike<number>>, n: number): readonly Int32Array[] {
  if (!Array.isArray(resamples))
    throw new InputError("must be an array of index vectors (one per resample)", {
      field: "options.resamples",
      value: resamples,
    });
  if (resamples.length < 1)
    throw new InputError("needs at least one resample", { field: "resamples", value: resamples.length });
  return resamples.map((r, b) => {
    if (r === null || typeof r !== "object" || typeof r.length !== "number")
      throw new InputError("each resample must be an array of indices", { field: "resamples", index: b, value: r });
    if (r.length !== n)
      throw new InputError(`resample has ${r.length} indices, expected n = ${n}`, {
        field: "resamples",
        index: b,
        value: r.length,
      });
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = r[i];
      if (!Number.isInteger(v) || v < 0 || v >= n)
        throw new InputError(`index ${i} must be an integer in [0, ${n})`, { field: "resamples", index: b, value: v });
      idx[i] = v;
    }
    return idx;
  });
}

/**
 * The resamples a bootstrap function uses: the caller's own (validated by {@link checkResamples}) or
 * `replicates` seeded ones from {@link bootstrapResamples} (defaults 1000 and seed 1).
 */
export function resamplesFor(
  n: number,
  options: { replicates?: number; seed?: number; resamples?: ReadonlyArray<ArrayLike<number>> },
): readonly Int32Array[] {
  return options.resamples !== undefined
    ? checkResamples(options.resamples, n)
    : bootstrapResamples(n, options.replicates ?? 1000, options.seed ?? 1);
}
