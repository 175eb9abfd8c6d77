import { InputError } from "../../lib/core/errors";
import { surv, type Surv, type SurvOptions } from "../../lib/survival/surv";
import type { Cohort } from "./cohort-row";
import { survivalMonths } from "./survival-months";

/**
 * The cohort's survival outcome as a validated {@link Surv}: time = {@link survivalMonths} of each
 * row (file order), event = 1 for tumour-specific death (`died`), 0 for censored. Near-tie merging
 * as in R (`surv` options pass through).
 *
 * Reference: Li, Zheng et al. (2026) §2.3, §4.4. R: `Surv(months, died)`; SPSS: KM months BY … /STATUS=died(1).
 * Cost: O(n log n).
 *
 * @example
 * cohortSurv(loadCohort("data/cohort.csv")).n // 55
 */
export function cohortSurv(cohort: Cohort, options: SurvOptions = {}): Surv {
  if (!cohort || !Array.isArray(cohort.rows))
    throw new InputError("must be a validated cohort", { field: "cohort", value: cohort });
  const time = cohort.rows.map((r) => survivalMonths(r));
  const event = cohort.rows.map((r) => (r.died ? 1 : 0));
  return surv(time, event, { names: { time: "survival_months", event: "died" }, ...options });
}
