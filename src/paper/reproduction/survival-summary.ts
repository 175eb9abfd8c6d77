import { kaplanMeier, survivalAt } from "../../lib/survival/kaplan-meier";
import { kmQuantile } from "../../lib/survival/km-quantile";
import { surv } from "../../lib/survival/surv";
import { ONE_YEAR_MONTHS, type Study } from "../study/study";

/** Kaplan–Meier summary the paper reports: median survival with its SPSS 95% CI, and S(12 months). */
export interface SurvivalSummary {
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
  readonly survivalAt12: number;
}

/**
 * Overall Kaplan–Meier summary of a study (all follow-up, tumour-specific death as the event):
 * median survival with SPSS's 95% CI (median ± 1.96·SE) and the one-year survival S(12).
 *
 * Reference: Kaplan & Meier (1958); SPSS 27 KM algorithms. R: survival::survfit(Surv(t, d) ~ 1)
 * (median the same; R's CI is the Brookmeyer–Crowley interval, not SPSS's). Cost: O(n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * survivalSummary(study).median // 16.83 (months)
 */
export function survivalSummary(study: Study): SurvivalSummary {
  return survivalSummaryArrays(
    study.patients.map((p) => p.survivalMonths),
    study.patients.map((p) => p.died),
  );
}

/** {@link survivalSummary} on arrays (months, 0/1 death), for the reconstruction search. */
export function survivalSummaryArrays(months: readonly number[], died: readonly number[]): SurvivalSummary {
  const fit = kaplanMeier(surv(months, died));
  const median = kmQuantile(fit, 0.5, { method: "spss" });
  return {
    median: median.time ?? NaN,
    lower: median.lower ?? NaN,
    upper: median.upper ?? NaN,
    survivalAt12: survivalAt(fit, [ONE_YEAR_MONTHS])[0].survival,
  };
}
