import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { HandTable } from "./km-table-by-hand";

/** One value worked by hand next to the library's. */
export interface HandCheckInput {
  readonly quantity: string;
  /** The hand-worked value; null for "does not exist" (a limit that is not estimable). */
  readonly byHand: number | null;
  readonly library: number | null;
}

/** One row of {@link handCheck}. */
export interface HandCheckRow extends HandCheckInput {
  /** |byHand − library|, or null when either is null. */
  readonly difference: number | null;
  readonly agrees: boolean;
  /** "✓" or "✗", for the table. */
  readonly mark: string;
}

/** Result of {@link handCheck}. */
export interface HandCheck extends HandTable<HandCheckRow> {
  readonly allAgree: boolean;
  readonly tolerance: number;
}

/**
 * Sets hand-worked values beside the library's and says whether each pair agrees: equal within `tolerance`
 * relative to the larger magnitude (absolute below 1), or both null (both say "does not exist"). The teaching
 * notebook shows the table under every hand calculation and stops when a pair disagrees.
 * Reference: none (a comparison). R: all.equal(hand, library, tolerance). SPSS: none. Cost: O(rows).
 *
 * @example
 * handCheck([{ quantity: "S(6)", byHand: 0.5625, library: 0.5625000000000001 }]).allAgree // true
 */
export function handCheck(values: readonly HandCheckInput[], options: { readonly tolerance?: number } = {}): HandCheck {
  checkOptions(options);
  if (!Array.isArray(values) || values.length === 0)
    throw new InputError("must be a non-empty array of { quantity, byHand, library }", {
      field: "values",
      value: values,
    });
  const tolerance = options.tolerance ?? 1e-9;
  if (!(typeof tolerance === "number" && tolerance >= 0 && tolerance < 1))
    throw new InputError("must be in [0, 1)", { field: "options.tolerance", value: options.tolerance });
  const rows = values.map((v, i): HandCheckRow => {
    if (v === null || typeof v !== "object" || typeof v.quantity !== "string" || v.quantity === "")
      throw new InputError("must be { quantity: string, byHand, library }", { field: "values", index: i, value: v });
    for (const key of ["byHand", "library"] as const) {
      const x = v[key];
      if (x !== null && !(typeof x === "number" && Number.isFinite(x)))
        throw new InputError("must be a finite number or null", { field: `values.${key}`, index: i, value: x });
    }
    const { byHand, library } = v;
    const difference = byHand === null || library === null ? null : Math.abs(byHand - library);
    const agrees =
      difference === null
        ? byHand === library
        : difference <= tolerance * Math.max(1, Math.abs(byHand), Math.abs(library));
    return { quantity: v.quantity, byHand, library, difference, agrees, mark: agrees ? "✓" : "✗" };
  });
  return deepFreeze({
    rows,
    labels: { quantity: "quantity", byHand: "by hand", library: "library", difference: "|difference|", mark: "agree" },
    allAgree: rows.every((r) => r.agrees),
    tolerance,
  });
}
