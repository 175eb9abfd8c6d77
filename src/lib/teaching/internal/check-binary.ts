import { InputError } from "../../core/errors";

/** A 0/1 covariate of length n with both values present. */
export function checkBinary(x: ArrayLike<number>, n: number): number[] {
  if (x === null || x === undefined || typeof x.length !== "number")
    throw new InputError("must be an array of 0/1 values", { field: "x", value: x });
  if (x.length !== n)
    throw new InputError(`length ${x.length} differs from the survival data's ${n}`, { field: "x", value: x });
  const out = Array.from(x);
  out.forEach((v, i) => {
    if (v !== 0 && v !== 1)
      throw new InputError("must be 0 or 1 (one binary covariate)", { field: "x", index: i, value: v });
  });
  if (!out.includes(0) || !out.includes(1))
    throw new InputError("takes both values 0 and 1: a constant covariate has no coefficient", {
      field: "x",
      value: x,
    });
  return out;
}
