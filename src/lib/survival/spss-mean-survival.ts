import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { KaplanMeierFit } from "./kaplan-meier";
import { restrictedMean, type RestrictedMean } from "./restricted-mean";

/**
 * The "Mean" of SPSS's Kaplan–Meier "Means and Medians for Survival Time" table: the area under the
 * curve up to the largest observed time (SPSS footnote: "Estimation is limited to the largest survival
 * time if it is censored"), its standard error and the CI estimate ± 1.96·SE. Computed as the restricted
 * mean with τ = the largest time ({@link restrictedMean}; R: `print(fit, rmean = "individual")`, which
 * agrees to 1e-6 in the tests). The estimate's definition rests on IBM's footnote; the SE formula is the
 * textbook Greenwood-type one (Klein & Moeschberger §4.5) that R uses — IBM's algorithm text and SPSS
 * output were not available here to confirm the SE. When the largest time is an event the curve reaches
 * 0 and this is the ordinary (unrestricted) mean. Cost: O(steps).
 *
 * @example
 * spssMeanSurvival(kaplanMeier(surv([1, 2, 3, 4], [1, 1, 1, 0]))).estimate // 2.5 (limited to 4, censored)
 */
export function spssMeanSurvival(fit: KaplanMeierFit): RestrictedMean & { readonly limitedToCensoredMaximum: boolean } {
  const last = fit.steps[fit.steps.length - 1];
  if (!last) throw new InputError("fit has no observations", { field: "fit.steps", value: 0 });
  const base = restrictedMean(fit, last.time);
  return deepFreeze({
    ...base,
    convention:
      `SPSS 27 KM "Mean": area up to the largest time (${last.time})` +
      `${last.nEvent === 0 ? ", censored: estimation limited to it" : ""}; SE as R survmean`,
    limitedToCensoredMaximum: last.nEvent === 0,
  });
}
