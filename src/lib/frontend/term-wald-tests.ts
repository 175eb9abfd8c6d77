import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import type { TermColumns } from "../formula";
import type { CoxResult } from "../survival/cox-ph";
import { solveLinear } from "../survival/linear-solve";

/**
 * Joint Wald test of each term with more than one design column — a factor's k − 1 indicators, or an interaction
 * with one: W = b′ V⁻¹ b over the term's estimable coefficients, on as many df. This is the row SPSS COXREG prints
 * for a categorical covariate above its indicator rows ("ph.ecog  Wald 20.1  df 3  Sig."), and what
 * car::Anova(fit, test.statistic = "Wald") gives in R (survival itself has no such table; with R alone:
 * `b <- coef(fit)[i]; t(b) %*% solve(vcov(fit)[i, i], b)`). V is the fit's variance (robust when the fit is).
 * Reference: Therneau & Grambsch (2000) §3.4. Cost: O(k³) per term.
 *
 * @example
 * const fit = coxph("Surv(time, status) ~ age + factor(ph.ecog)", lung);
 * termWaldTests(fit, fit.assign)[0].df // 3 (ph.ecog has levels 0–3)
 */
/** Details of a {@link termWaldTests} row: the term and the coefficient columns it tests jointly. */
export interface TermWaldDetails {
  readonly term: string;
  readonly columns: readonly string[];
}

export function termWaldTests(fit: CoxResult, assign: readonly TermColumns[]): StatResult<TermWaldDetails>[] {
  if (!fit || !Array.isArray(fit.terms)) throw new InputError("must be a Cox fit", { field: "fit", value: fit });
  const out: StatResult<TermWaldDetails>[] = [];
  for (const term of assign) {
    if (term.columns.length < 2) continue;
    const keep = term.columns.filter((j) => fit.terms[j]?.coef !== null && fit.terms[j] !== undefined);
    const k = keep.length;
    const warnings: string[] = [];
    if (k < term.columns.length)
      warnings.push(`${term.columns.length - k} of the term's coefficients are not estimable (NA) and are left out`);
    let statistic: number | null = null;
    if (k > 0) {
      const b = keep.map((j) => fit.terms[j].coef as number);
      const v = keep.map((j) => keep.map((l) => fit.variance[j][l] as number));
      const sol = solveLinear(v, b);
      if (sol) statistic = sol.reduce((s, x, i) => s + x * b[i], 0);
      else warnings.push("the variance of the term's coefficients is singular");
    }
    out.push(
      statResult({
        test: "cox-term-wald",
        method: `Joint Wald test of ${term.term} (${k} coefficients)`,
        convention:
          'SPSS COXREG "Variables in the Equation" row of a categorical covariate; ' +
          `R: car::Anova(fit, test.statistic = "Wald")${fit.robust ? " with the robust variance" : ""}`,
        statisticName: "Wald",
        statistic,
        df: k,
        pValue: statistic === null || k === 0 ? null : chisqUpperTail(statistic, k),
        n: fit.n,
        warnings,
        details: { term: term.term, columns: keep.map((j) => fit.terms[j].name) },
      }),
    );
  }
  return out;
}
