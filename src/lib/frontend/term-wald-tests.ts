import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import type { TermColumns } from "../formula";
import type { CoxResult } from "../survival/cox-ph";
import { solveLinear } from "../survival/linear-solve";

/** Details of a {@link termWaldTests} row: the term and the coefficient columns it tests jointly. */
export interface TermWaldDetails {
  readonly term: string;
  readonly columns: readonly string[];
}

/**
 * Joint Wald test of each term with more than one design column — a factor's k − 1 indicators, or an interaction
 * with one: W = b′ V⁻¹ b over the term's estimable coefficients, on as many df. This is the row SPSS COXREG prints
 * for a categorical covariate above its indicator rows ("ph.ecog  Wald 20.1  df 3  Sig."), and what
 * car::Anova(fit, test.statistic = "Wald") gives in R (survival itself has no such table; with R alone:
 * `b <- coef(fit)[i]; t(b) %*% solve(vcov(fit)[i, i], b)`). V is the fit's variance (robust when the fit is).
 * Reference: Therneau & Grambsch (2000) §3.4. Cost: O(k³) per term.
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   "ph.ecog": [1, 0, 0, 1, 0, 1, 2, 2, 1, 2, 1, 2],
 * };
 * const fit = coxph("Surv(time, status) ~ age + factor(ph.ecog)", lung);
 * const [ecog] = termWaldTests(fit, fit.assign); // age has one column: no row
 * ecog.df // 2 (ph.ecog has levels 0–2 in these rows)
 * ecog.statistic // 4.7227 (R: b <- coef(fit)[2:3]; t(b) %*% solve(vcov(fit)[2:3, 2:3], b) on head(lung, 12))
 */
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
