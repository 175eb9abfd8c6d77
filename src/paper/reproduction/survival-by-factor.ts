import { deepFreeze } from "../../lib/core/freeze";
import type { StatResult } from "../../lib/core/result";
import { kaplanMeier, type KaplanMeierFit, type KaplanMeierOptions } from "../../lib/survival/kaplan-meier";
import { kaplanMeierByGroup } from "../../lib/survival/kaplan-meier-by-group";
import { logRank } from "../../lib/survival/log-rank";
import { surv } from "../../lib/survival/surv";
import { requireComparison } from "../study/require-comparison";
import type { BinaryFactor, Study } from "../study/study";

/** Kaplan–Meier curves of a study split by a binary factor, with the log-rank test between them. */
export interface SurvivalByFactor {
  readonly factor: BinaryFactor;
  readonly groups: readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[];
  readonly logRank: StatResult;
  readonly synthetic: boolean;
}

/**
 * The paper's Figures 1–2: overall follow-up (months from surgery to tumour-specific death),
 * one Kaplan–Meier curve per level of a binary factor ("No" / "Yes"), and the log-rank test the
 * methods (§3) name for univariate analysis. Step tables plug straight into kaplanMeierFigure.
 *
 * R: survfit(Surv(months, died) ~ factor); survdiff(...). SPSS 27: KM /STRATA=factor /TEST LOGRANK.
 * Cost: O(n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * survivalByFactor(study, "visceral").groups.map((g) => g.label) // ["No", "Yes"]
 */
export function survivalByFactor(
  study: Study,
  factor: BinaryFactor,
  options: KaplanMeierOptions = {},
): SurvivalByFactor {
  requireComparison(study, { factor });
  const months = study.patients.map((p) => p.survivalMonths);
  const died = study.patients.map((p) => p.died);
  const labels = study.patients.map((p) => (p.factors[factor] ? "Yes" : "No"));
  const y = surv(months, died);
  const groups = kaplanMeierByGroup(y, labels, options); // levels "No", "Yes" in R's order
  return deepFreeze({ factor, groups, logRank: logRank(y, labels), synthetic: study.synthetic });
}

/** The whole cohort's Kaplan–Meier fit (months, tumour-specific death). */
export function overallSurvival(study: Study, options: KaplanMeierOptions = {}): KaplanMeierFit {
  return kaplanMeier(
    surv(
      study.patients.map((p) => p.survivalMonths),
      study.patients.map((p) => p.died),
    ),
    options,
  );
}
