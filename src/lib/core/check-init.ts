import { InputError } from "./errors";

/**
 * Checks a model's starting coefficients (`options.init`): absent (all zeros), or p finite numbers. A
 * wrong length, then the first value that is not a finite number, is an InputError naming `init` (and
 * the index). Returns a fresh copy the caller may rescale. Cost: O(p).
 *
 * @example
 * Array.from(checkInit([0.5, -1], 2)) // [0.5, -1]
 */
export function checkInit(init: ArrayLike<number> | undefined, p: number): Float64Array {
  const out = new Float64Array(p);
  if (init === undefined) return out;
  if (init.length !== p)
    throw new InputError(`length ${init.length} differs from the ${p} covariates`, { field: "init", value: init });
  for (let j = 0; j < p; j++) {
    const v = init[j];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new InputError("must be a finite number", { field: "init", index: j, value: v });
    out[j] = v;
  }
  return out;
}
