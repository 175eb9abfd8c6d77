import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { CoxResult } from "../survival/cox-ph";
import type { CoxZphResult } from "../survival/cox-zph";
import type { FineGrayResult } from "../competing-risks/fine-gray";
import type { SurvregResult } from "../parametric/survreg";
import type { KaplanMeierFit } from "../survival/kaplan-meier";
import type { AnovaTable } from "./anova";
import {
  anovaTables,
  coxR,
  coxSpss,
  kmTables,
  type Style,
  type SummarizableResult,
  type SummaryTable,
  statTables,
  survdiffTables,
  survfitTables,
  survregTables,
  coxphSurvfitTables,
  survfitStatesTables,
  fineGrayTables,
  zphTables,
} from "./internal/summary-builders";
import type { SurvdiffResult } from "./survdiff";
import type { CoxphSurvfit, SurvfitResult, SurvfitStatesResult } from "./survfit";

export type { SummarizableResult, SummaryTable } from "./internal/summary-builders";

/** Options of {@link summaryTables}, {@link formatText} and {@link summaryHtml}. */
export interface SummaryOptions {
  /** "r" (default): R's print/summary layout; "spss": SPSS's output tables. */
  readonly style?: "r" | "spss";
}

/**
 * The summary of any result as tables, in R's layout or SPSS's:
 * - coxph / coxPH fits: R's summary(coxph) (coef, exp(coef), se(coef), robust se, z, Pr(>|z|); exp(coef),
 *   exp(-coef), interval) with n, events, concordance and the three tests; or SPSS COXREG's "Variables in the
 *   Equation" (B, SE, Wald, df, Sig., Exp(B), CI) with each factor's joint Wald row above its indicator rows;
 * - survfit: R's print.survfit table (n, events, median, LCL, UCL) or SPSS's "Means and Medians";
 * - survdiff: R's table (N, Observed, Expected, (O-E)^2/E, (O-E)^2/V, χ² line) or SPSS's "Overall Comparisons";
 * - survfit with a factor status (Aalen–Johansen): per curve and state n, events, pstate at the last time with its
 *   SE and interval; survfit on a Cox fit: per curve the survival at the last time;
 * - fineGray: cmprsk's print of crr (coef, exp(coef), se(coef), z, p-value) and the subdistribution hazard ratios;
 * - survreg: R's summary(survreg) (Value, Std. Error, z, p; Log(scale) rows; scale, distribution, log-likelihoods,
 *   χ²); SPSS has no parametric survival regression, so both styles give R's;
 * - anova, cox.zph, a Kaplan–Meier fit, a test result (or several).
 * Cells are numbers (p-values included); formatText and summaryHtml print them. Cost: O(size of the result).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * summaryTables(coxph("Surv(time, status) ~ age + sex", lung), { style: "spss" })[0].columns
 * // ["", "B", "SE", "Wald", "df", "Sig.", "Exp(B)", "95.0% CI for Exp(B) Lower", "95.0% CI for Exp(B) Upper"]
 */
export function summaryTables(result: SummarizableResult, options: SummaryOptions = {}): SummaryTable[] {
  checkOptions(options);
  const style: Style = options.style ?? "r";
  if (style !== "r" && style !== "spss")
    throw new InputError('must be "r" or "spss"', { field: "options.style", value: options.style });
  if (Array.isArray(result)) return statTables(result);
  const r = result as unknown as Record<string, unknown>;
  if (r === null || typeof r !== "object")
    throw new InputError("must be a result of this library", { field: "result", value: result });
  switch (r.kind) {
    case "coxph":
      return style === "r" ? coxR(result as CoxResult) : coxSpss(result as CoxResult);
    case "survfit":
      return survfitTables(result as SurvfitResult, style);
    case "survdiff":
      return survdiffTables(result as SurvdiffResult, style);
    case "anova":
      return anovaTables(result as AnovaTable);
    case "cox.zph":
      return zphTables(result as CoxZphResult);
    case "survreg":
      return survregTables(result as SurvregResult);
    case "fine-gray":
      return fineGrayTables(result as FineGrayResult);
    case "survfitms":
      return survfitStatesTables(result as SurvfitStatesResult);
    case "survfit.coxph":
      return coxphSurvfitTables(result as CoxphSurvfit);
  }
  if (Array.isArray(r.steps) && typeof r.confType === "string") return kmTables(result as KaplanMeierFit, style);
  if (typeof r.test === "string" && typeof r.method === "string") return statTables([result as never]);
  throw new InputError(
    "is not a result this function knows (coxph, survreg, fineGray, survfit, survdiff, anova, cox.zph, a test)",
    {
      field: "result",
      value: result,
    },
  );
}
