import { InputError } from "../core/errors";

/** Case weights: an array of n finite numbers > 0, else an InputError naming the index and value. Cost O(n). */
export function validateCaseWeights(w: ArrayLike<number>, n: number, field: string): Float64Array {
  if (w === null || typeof w !== "object" || typeof w.length !== "number" || w.length !== n)
    throw new InputError(`must be an array of length ${n}`, { field, value: w });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = w[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw new InputError("weights must be finite numbers > 0", { field, index: i, value: v });
    out[i] = v;
  }
  return out;
}

/** R's `has.rwt`: some case weight is not a whole number (R then defaults to the robust variance). */
export function hasFractionalWeights(weights: ArrayLike<number> | null): boolean {
  if (weights === null) return false;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== Math.floor(weights[i])) return true;
  return false;
}
