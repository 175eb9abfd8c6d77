import { deepFreeze } from "../../lib/core/freeze";
import { formatFixed } from "../../lib/core/format";
import type { OtherCauseEstimates } from "./other-cause-estimates";

/**
 * Rows for the notebook's one-year and median tables, journal-style (one decimal, "not reached").
 * Cost: O(scenarios).
 *
 * @example
 * const d: OtherCauseData = { // 5 study patients (status 1: tumour death), then 2 other-cause deaths (status 2)
 *   label: "2 other-cause deaths",
 *   months: [2, 5, 8, 14, 20, 3, 10],
 *   status: [1, 1, 0, 1, 0, 2, 2],
 *   nStudy: 5,
 *   nOther: 2,
 * };
 * const rows = otherCauseRows(otherCauseEstimates([d]));
 * rows.oneYear[0]["CIF tumour death % (95% CI)"] // "28.6 (8.9, 92.2)"
 * // (R: summary(survfit(Surv(months, factor(status)) ~ 1), times = 12): pstate, lower, upper of state 1)
 * rows.median[0]["CIF of tumour death reaches 50%"] // "not reached" (its last value is 10/21 ≈ 47.6%)
 */
export function otherCauseRows(estimates: readonly OtherCauseEstimates[]): {
  readonly oneYear: readonly Record<string, string | number>[];
  readonly median: readonly Record<string, string | number>[];
} {
  const one = (v: number | null): string => (v === null ? "—" : formatFixed(v, 1));
  const pct = (v: readonly [number, number | null, number | null]): string =>
    `${formatFixed(v[0], 1)} (${one(v[1])}, ${one(v[2])})`;
  const months = (v: number | null): string => (v === null ? "not reached" : formatFixed(v, 1));
  return deepFreeze({
    oneYear: estimates.map((e) => ({
      scenario: e.label,
      "other-cause deaths": e.nOther,
      "1 − KM, excluded (paper) % (95% CI)": pct(e.excluded1y),
      "1 − KM, censored % (95% CI)": pct(e.censored1y),
      "CIF tumour death % (95% CI)": pct(e.cif1y),
      "CIF other causes %": formatFixed(e.cifOther1y, 1),
      "alive %": formatFixed(e.alive1y, 1),
    })),
    median: estimates.map((e) => ({
      scenario: e.label,
      "other-cause deaths": e.nOther,
      "KM median, excluded (paper)": months(e.medianExcluded),
      "KM median, censored": months(e.medianCensored),
      "overall survival median (all deaths)": months(e.medianOverall),
      "CIF of tumour death reaches 50%": months(e.medianCif),
    })),
  });
}
