import { formatFixed, formatP } from "../core/format";
import { htmlTable, resultToHtml } from "../core/html";
import type { CoxResult } from "./cox-ph";

/**
 * Renders a {@link CoxResult} for notebooks: the coefficient table in R's summary(coxph) layout
 * (coef, exp(coef), se(coef), z, Pr(>|z|), CI of exp(coef)), SPSS's "Variables in the Equation"
 * (B, SE, Wald, df, Sig., Exp(B), CI for Exp(B)), then the three global tests, concordance and warnings.
 * Deterministic output. Cost: O(p).
 *
 * @example
 * coxToHtml(coxPH(surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]), { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] }))
 * // '<table class="repro-table"><caption>Cox proportional hazards (Efron ties) — R summary(coxph)</caption>…'
 */
export function coxToHtml(fit: CoxResult): string {
  const level = `${formatFixed(fit.confLevel * 100, 1).replace(/\.0$/, "")}%`;
  const se = fit.robust ? "robust se" : "se(coef)";
  const rRows = fit.terms.map((t) => ({
    "": t.name,
    coef: t.coef,
    "exp(coef)": t.hazardRatio,
    [se]: t.se,
    z: t.z,
    "Pr(>|z|)": formatP(t.pValue),
    [`lower ${level}`]: t.ciLower,
    [`upper ${level}`]: t.ciUpper,
  }));
  const spssRows = fit.terms.map((t) => ({
    "": t.name,
    B: t.coef,
    SE: t.se,
    Wald: t.wald,
    df: t.coef === null ? null : 1,
    "Sig.": formatP(t.pValue),
    "Exp(B)": t.hazardRatio,
    [`${formatFixed(fit.confLevel * 100, 1)}% CI Lower`]: t.ciLower,
    [`${formatFixed(fit.confLevel * 100, 1)}% CI Upper`]: t.ciUpper,
  }));
  const ties = fit.ties === "efron" ? "Efron" : "Breslow";
  const notes = [
    `n = ${fit.n}, events = ${fit.nEvents}${fit.nStrata > 1 ? `, strata = ${fit.nStrata}` : ""}; ` +
      `partial log-likelihood ${formatFixed(fit.loglikNull, 3)} (null) → ${formatFixed(fit.loglik, 3)} in ` +
      `${fit.iterations} iterations` +
      `${fit.converged ? "" : " (not converged)"}; concordance ${formatFixed(fit.concordance.concordance, 3)} ` +
      `(se ${formatFixed(fit.concordance.std, 3)})`,
    ...fit.warnings.map((w) => `Warning: ${w}`),
  ];
  return [
    htmlTable(rRows, { caption: `Cox proportional hazards (${ties} ties) — R summary(coxph)` }),
    htmlTable(spssRows, { caption: `Variables in the Equation (SPSS COXREG layout, ${ties} ties)`, decimals: 3 }),
    resultToHtml(
      fit.robustScoreTest
        ? [fit.likelihoodRatioTest, fit.waldTest, fit.scoreTest, fit.robustScoreTest]
        : [fit.likelihoodRatioTest, fit.waldTest, fit.scoreTest],
      { caption: "Global tests" },
    ),
    htmlTable(
      notes.map((note) => ({ note })),
      { caption: "Fit" },
    ),
  ].join("\n");
}
