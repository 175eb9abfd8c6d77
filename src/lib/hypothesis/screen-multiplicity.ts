import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { pAdjust, type PAdjustMethod } from "./p-adjust";

/** A p-value the paper printed for one factor of a screen. */
export interface ReportedP {
  readonly label: string;
  readonly p: number;
}

/** Options of {@link screenMultiplicity}. */
export interface ScreenMultiplicityOptions {
  /** How many tests the screen ran in all (reported and unreported). */
  readonly tests: number;
  /** What is known of the unreported p-values: all greater than this (the paper: "not significant", > 0.05). */
  readonly unreportedAbove: number;
  readonly methods?: readonly PAdjustMethod[];
  readonly alpha?: number;
}

/** One reported factor: its p and, per method, the smallest adjusted p any unreported values allow. */
export interface ScreenMultiplicityRow {
  readonly label: string;
  readonly p: number;
  /** Lower bound of the adjusted p per method (the adjusted p is at least this whatever the unreported values). */
  readonly adjusted: Readonly<Record<string, number>>;
  /** Whether the factor can still be significant at alpha after adjustment, per method. */
  readonly canSurvive: Readonly<Record<string, boolean>>;
}

/** Result of {@link screenMultiplicity}. */
export interface ScreenMultiplicityResult {
  readonly kind: "screen-multiplicity";
  readonly method: string;
  readonly tests: number;
  readonly unreportedAbove: number;
  readonly alpha: number;
  readonly rows: readonly ScreenMultiplicityRow[];
  /** Expected number of p < alpha among the tests if no factor had any effect (tests × alpha). */
  readonly expectedFalsePositives: number;
  /** P(at least one p < alpha | all nulls true, independent tests) = 1 − (1 − alpha)^tests. */
  readonly familywiseErrorRate: number;
}

/**
 * Multiplicity across a univariate screen of which only the "significant" p-values were printed:
 * adjusts them for the number of tests actually run (Bonferroni, Holm, Hochberg, Benjamini–Hochberg, as
 * R's p.adjust) and, because the other p-values are known only to exceed a threshold, reports the
 * *best case* — every unreported p just above the threshold, which gives each reported p its smallest
 * possible adjusted value (all four adjustments are non-decreasing in every p). If a factor fails even
 * then, no unreported values could rescue it. The adjusted bounds are strict: the true adjusted p is
 * larger than the value printed here.
 *
 * Reference: Holm (1979); Hochberg (1988); Benjamini & Hochberg (1995); Bender & Lange (2001) J Clin
 * Epidemiol 54:343 on multiplicity in screening. R: `p.adjust(c(reported, rep(threshold, m − k)), method)`.
 * SPSS: none for a set of separate tests. Cost: O(m log m) per method.
 *
 * @example
 * // The paper: 43 factors screened, 3 printed significant (p = 0.019, 0.023, 0.013), the rest > 0.05.
 * const r = screenMultiplicity([{ label: "ODI 1 m", p: 0.019 }, { label: "visceral", p: 0.023 }, { label: "BMA", p:
 * 0.013 }], { tests: 43, unreportedAbove: 0.05 });
 * r.rows[2].adjusted.holm // 0.559
 */
export function screenMultiplicity(
  reported: readonly ReportedP[],
  options: ScreenMultiplicityOptions,
): ScreenMultiplicityResult {
  checkOptions(options, "options", true);
  const { tests, unreportedAbove } = options;
  const alpha = options.alpha ?? 0.05;
  const methods = options.methods ?? (["bonferroni", "holm", "hochberg", "BH"] as const);
  if (!Number.isInteger(tests) || tests < reported.length || tests < 1) {
    throw new InputError(`must be an integer ≥ the ${reported.length} reported p-values`, {
      field: "options.tests",
      value: tests,
    });
  }
  if (!(unreportedAbove >= 0 && unreportedAbove <= 1))
    throw new InputError("must be in [0, 1]", { field: "options.unreportedAbove", value: unreportedAbove });
  if (!(alpha > 0 && alpha < 1)) throw new InputError("must be in (0, 1)", { field: "options.alpha", value: alpha });
  reported.forEach((r, i) => {
    if (!(r.p >= 0 && r.p <= 1))
      throw new InputError("a p-value must be in [0, 1]", { field: "reported.p", index: i, value: r.p });
  });
  const all = [...reported.map((r) => r.p), ...Array.from({ length: tests - reported.length }, () => unreportedAbove)];
  const adjustedBy = new Map(methods.map((m) => [m, pAdjust(all, { method: m })]));
  const rows = reported.map((r, i): ScreenMultiplicityRow => {
    const adjusted: Record<string, number> = {};
    const canSurvive: Record<string, boolean> = {};
    for (const m of methods) {
      adjusted[m] = adjustedBy.get(m)![i];
      // Significance needs adjusted p < alpha; the true adjusted p is at least the bound.
      canSurvive[m] = adjusted[m] < alpha;
    }
    return { label: r.label, p: r.p, adjusted, canSurvive };
  });
  return deepFreeze({
    kind: "screen-multiplicity",
    method:
      `${methods.join(", ")} over ${tests} tests; the ${tests - reported.length} unreported p-values set to ` +
      `their bound ${unreportedAbove} (best case)`,
    tests,
    unreportedAbove,
    alpha,
    rows,
    expectedFalsePositives: tests * alpha,
    familywiseErrorRate: 1 - (1 - alpha) ** tests,
  });
}
