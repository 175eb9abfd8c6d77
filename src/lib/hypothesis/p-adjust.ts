import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { checkChoice, checkSample } from "./internal/validate";

/** Adjustment methods of {@link pAdjust} (R p.adjust names). */
export type PAdjustMethod = "bonferroni" | "holm" | "hochberg" | "BH";

/** Options of {@link pAdjust}. */
export interface PAdjustOptions {
  /** Default "holm" (R's default). */
  readonly method?: PAdjustMethod;
}

/**
 * Multiplicity-adjusted p-values, as R's p.adjust: Bonferroni (n·p), Holm's step-down
 * (cummax of (n − i + 1)·p_(i)), Hochberg's step-up (cummin from the top of (n − i + 1)·p_(i)) and
 * Benjamini–Hochberg false discovery rate (cummin of n/i · p_(i)); all capped at 1, returned in input order.
 *
 * Reference: Holm S (1979) Scand J Stat 6:65; Hochberg Y (1988) Biometrika 75:800; Benjamini Y, Hochberg Y
 * (1995) JRSS B 57:289. R: stats::p.adjust(p, method). SPSS 27: Bonferroni only in post-hoc menus.
 * Cost: O(n log n).
 *
 * @example
 * pAdjust([0.01, 0.04, 0.03], { method: "holm" }) // [0.03, 0.06, 0.06]
 */
export function pAdjust(p: ArrayLike<number>, options: PAdjustOptions = {}): readonly number[] {
  checkOptions(options);
  const m = checkChoice(options.method, ["bonferroni", "holm", "hochberg", "BH"] as const, "holm", "options.method");
  const ps = checkSample(p, "p", 1);
  for (let i = 0; i < ps.length; i++)
    if (ps[i] < 0 || ps[i] > 1)
      throw new InputError("a p-value must be in [0, 1]", { field: "p", index: i, value: ps[i] });
  const n = ps.length;
  const out = new Float64Array(n);
  if (m === "bonferroni") {
    for (let i = 0; i < n; i++) out[i] = Math.min(1, n * ps[i]);
    return deepFreeze(Array.from(out));
  }
  const order = Array.from({ length: n }, (_, i) => i);
  if (m === "holm") {
    order.sort((a, b) => ps[a] - ps[b] || a - b);
    let running = 0;
    for (let r = 0; r < n; r++) {
      running = Math.max(running, (n - r) * ps[order[r]]);
      out[order[r]] = Math.min(1, running);
    }
  } else {
    // step-up: walk from the largest p down; R orders decreasing and takes cummin
    order.sort((a, b) => ps[b] - ps[a] || b - a);
    let running = Infinity;
    for (let r = 0; r < n; r++) {
      const rankFromTop = n - r; // i in R's i <- n:1
      const factor = m === "hochberg" ? n - rankFromTop + 1 : n / rankFromTop;
      running = Math.min(running, factor * ps[order[r]]);
      out[order[r]] = Math.min(1, running);
    }
  }
  return deepFreeze(Array.from(out));
}
