import { InputError } from "../core/errors";
import type { StatResult } from "../core/result";
import type { CoxResult } from "../survival/cox-ph";
import type { CoxZphResult } from "../survival/cox-zph";
import type { FineGrayResult } from "../competing-risks/fine-gray";
import type { SurvregResult } from "../parametric/survreg";
import type { KaplanMeierFit } from "../survival/kaplan-meier";
import type { AnovaTable } from "./anova";
import type { SummarizableResult } from "./summary-tables";
import type { SurvdiffResult } from "./survdiff";
import type { CoxphSurvfit, SurvfitResult, SurvfitStatesResult } from "./survfit";

/** One row of a tidy table: numbers, text, or null for R's NA. */
export type TidyRow = Readonly<Record<string, number | string | null>>;

function stepRows(fit: KaplanMeierFit, strata: string | null): TidyRow[] {
  return fit.steps.map((s) => ({
    ...(strata === null ? {} : { strata }),
    time: s.time,
    n_risk: s.nRisk,
    n_event: s.nEvent,
    n_censor: s.nCensor,
    surv: s.survival,
    std_err: s.stdErrLog,
    se_surv: s.stdErrSurvival,
    lower: s.lower,
    upper: s.upper,
  }));
}

function statRows(results: readonly StatResult[]): TidyRow[] {
  return results.map((r) => ({
    test: r.test,
    method: r.method,
    statistic: r.statistic,
    df: r.df,
    p_value: r.pValue,
    estimate: r.estimate,
    lower: r.ci?.[0] ?? null,
    upper: r.ci?.[1] ?? null,
    n: r.n,
  }));
}

/**
 * Any result as a flat table of plain records — one row per coefficient, step, group or test — with stable
 * column names (the broom idea: R's broom::tidy): numbers stay numbers, R's NA is null.
 * - coxph: term, coef, exp_coef, se (robust when the fit is), naive_se, z, p_value, lower and upper of exp(coef);
 * - survfit with a factor status: strata, time, state, n_risk, n_event, pstate, std_err, lower, upper (one row per
 *   time and state); survfit on a Cox fit: strata, newdata_row, time, n_risk, n_event, surv, cumhaz, std_err, lower,
 *   upper;
 * - fineGray: term, coef, exp_coef (subdistribution hazard ratio), se, z, p_value, lower, upper;
 * - survreg: term (coefficients, then the Log(scale) rows), coef (R's Value), se, z, p_value, lower, upper;
 * - survfit: strata, time, n_risk, n_event, n_censor, surv, std_err (of −log S, R's), se_surv (of S, SPSS's),
 *   lower, upper;
 * - survdiff: group, n, observed, expected, chisq_e ((O−E)²/E), chisq_v ((O−E)²/V);
 * - anova: term (or model), loglik, chisq, df, p_value; cox.zph: term, chisq, df, p_value;
 * - a test result (or several): test, method, statistic, df, p_value, estimate, lower, upper, n.
 * resultToDataFrame puts these rows in a danfojs DataFrame. Cost: O(size of the result).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * tidy(survdiff("Surv(time, status) ~ sex", lung))[0]
 * // { group: "sex=female", n: 3, observed: 3, expected: 2.743, … } (R: survdiff(…, head(lung, 12))$exp[2])
 */
export function tidy(result: SummarizableResult): TidyRow[] {
  if (Array.isArray(result)) return statRows(result);
  const r = result as unknown as Record<string, unknown>;
  if (r === null || typeof r !== "object")
    throw new InputError("must be a result of this library", { field: "result", value: result });
  switch (r.kind) {
    case "coxph":
      return (result as CoxResult).terms.map((t) => ({
        term: t.name,
        coef: t.coef,
        exp_coef: t.hazardRatio,
        se: t.se,
        naive_se: t.naiveSe,
        z: t.z,
        p_value: t.pValue,
        lower: t.ciLower,
        upper: t.ciUpper,
      }));
    case "survreg": {
      const f = result as SurvregResult;
      return [...f.terms, ...f.logScale].map((t) => ({
        term: t.name,
        coef: t.coef,
        se: t.se,
        z: t.z,
        p_value: t.pValue,
        lower: t.ciLower,
        upper: t.ciUpper,
      }));
    }
    case "fine-gray":
      return (result as FineGrayResult).terms.map((t) => ({
        term: t.name,
        coef: t.coef,
        exp_coef: t.hazardRatio,
        se: t.se,
        z: t.z,
        p_value: t.pValue,
        lower: t.ciLower,
        upper: t.ciUpper,
      }));
    case "survfitms":
      return (result as SurvfitStatesResult).curves.flatMap((c) =>
        c.time.flatMap((time, j) =>
          (result as SurvfitStatesResult).states.map((state, k) => ({
            strata: c.label,
            time,
            state,
            n_risk: c.nRisk[j],
            n_event: c.nEvent[j][k],
            pstate: c.pstate[j][k],
            std_err: c.stdErr[j][k],
            lower: c.lower[j][k],
            upper: c.upper[j][k],
          })),
        ),
      );
    case "survfit.coxph":
      return (result as CoxphSurvfit).curves.flatMap((c) =>
        c.time.map((time, j) => ({
          strata: c.strata,
          newdata_row: c.newdataRow,
          time,
          n_risk: c.nRisk[j],
          n_event: c.nEvent[j],
          surv: c.surv[j],
          cumhaz: c.cumhaz[j],
          std_err: c.stdErr?.[j] ?? null,
          lower: c.lower?.[j] ?? null,
          upper: c.upper?.[j] ?? null,
        })),
      );
    case "survfit":
      return (result as SurvfitResult).curves.flatMap((c) => stepRows(c.fit, c.label));
    case "survdiff":
      return (result as SurvdiffResult).groups.map((g) => ({
        group: g.label,
        n: g.n,
        observed: g.observed,
        expected: g.expected,
        chisq_e: g.chisqE,
        chisq_v: g.chisqV,
      }));
    case "anova": {
      const a = result as AnovaTable;
      return a.rows.map((row) => ({
        [a.type === "models" ? "model" : "term"]: a.type === "models" ? `${row.label}: ${row.model}` : row.label,
        loglik: row.loglik,
        chisq: row.chisq,
        df: row.df,
        p_value: row.pValue,
      }));
    }
    case "cox.zph": {
      const z = result as CoxZphResult;
      return [...z.tests, z.global].map((t, k) => ({
        term: k < z.tests.length ? z.names[k] : "GLOBAL",
        chisq: t.statistic,
        df: t.df,
        p_value: t.pValue,
      }));
    }
  }
  if (Array.isArray(r.steps) && typeof r.confType === "string") return stepRows(result as KaplanMeierFit, null);
  if (typeof r.test === "string" && typeof r.method === "string") return statRows([result as StatResult]);
  throw new InputError(
    "is not a result this function knows (coxph, survreg, fineGray, survfit, survdiff, anova, cox.zph, a test)",
    {
      field: "result",
      value: result,
    },
  );
}
