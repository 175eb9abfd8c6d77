import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { coxPH } from "../survival/cox-ph";
import type { CoxphFit } from "./coxph";
import { fitData } from "./internal/fit-data";

/** One row of an analysis-of-deviance table. */
export interface AnovaRow {
  /** "NULL", a term label (sequential table) or "Model k" (model comparison). */
  readonly label: string;
  /** Right-hand side of the model (model comparison), else null. */
  readonly model: string | null;
  readonly loglik: number;
  /** Likelihood-ratio χ² against the row above; null for the first row. */
  readonly chisq: number | null;
  readonly df: number | null;
  readonly pValue: number | null;
}

/** R's anova table for Cox models: plain, frozen, JSON-serializable. */
export interface AnovaTable {
  readonly kind: "anova";
  /** "sequential" for anova(fit), "models" for anova(fit1, fit2, …). */
  readonly type: "sequential" | "models";
  /** R's heading lines ("Analysis of Deviance Table", "Cox model: response is Surv(time, status)", …). */
  readonly heading: readonly string[];
  readonly rows: readonly AnovaRow[];
  readonly n: number;
  readonly convention: string;
  readonly warnings: readonly string[];
}

/**
 * Likelihood-ratio tests for Cox models, as R's anova.coxph:
 * - `anova(fit)`: terms added one at a time in the formula's order (main effects, then interactions), each
 *   sub-model refitted on the same rows with the same strata and ties; χ² = 2 Δ log-likelihood on the change
 *   in the number of estimable coefficients. The first row is the null model.
 * - `anova(fit1, fit2, …)`: each model against the one before, χ² = |2 Δ log-likelihood| on |Δ df|. The models
 *   must share the response, the ties, the strata and the rows used (an InputError says which differs; R only
 *   compares the number of rows); a model whose terms do not contain the previous one's gets a warning, since the
 *   test then has no meaning.
 * Fits with a robust (cluster) variance are refused, as R does: the likelihood-ratio test ignores the clustering.
 * Case weights are kept in the sequential refits (R 3.5-3's anova.coxph drops them).
 *
 * R: `anova(fit)`, `anova(fit1, fit2)` (survival::anova.coxph, test = "Chisq"). SPSS: COXREG /METHOD=ENTER in
 * blocks prints "Change From Previous Block" χ² (the same LR statistic). Cost: one Cox fit per term.
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 *   "ph.ecog": [1, 0, 0, 1, 0, 1, 2, 2, 1, 2, 1, 2],
 * };
 * const table = anova(coxph("Surv(time, status) ~ age * sex + ph.ecog", lung));
 * table.rows.map((r) => r.label) // ["NULL", "age", "sex", "ph.ecog", "age:sex"] (interactions last, as R)
 * table.rows[3].chisq // 9.4375 (R: anova(coxph(Surv(time, status) ~ age * sex + ph.ecog, head(lung, 12))))
 */
export function anova(fit: CoxphFit, ...more: CoxphFit[]): AnovaTable {
  const fits = [fit, ...more];
  fits.forEach((f, k) => {
    fitData(f, k === 0 ? "fit" : `fit${k + 1}`);
    if (f.robust)
      throw new InputError(
        "anova tables are not available for fits with a robust (cluster) variance (as R): " +
          "the likelihood-ratio test ignores the clustering",
        { field: k === 0 ? "fit" : `fit${k + 1}`, value: f.call },
      );
  });
  return deepFreeze(fits.length === 1 ? sequential(fit) : compare(fits));
}

function sequential(fit: CoxphFit): AnovaTable {
  const data = fitData(fit);
  const { matrix, y, coxOptions } = data;
  const rows: AnovaRow[] = [
    { label: "NULL", model: null, loglik: fit.loglikNull, chisq: null, df: null, pValue: null },
  ];
  let prevLoglik = fit.loglikNull;
  let prevDf = 0;
  const warnings: string[] = [];
  matrix.assign.forEach((term, i) => {
    const last = i === matrix.assign.length - 1;
    let loglik: number;
    let df: number;
    if (last) {
      loglik = fit.loglik;
      df = fit.terms.filter((t) => t.coef !== null).length;
    } else {
      const cols = matrix.assign.slice(0, i + 1).flatMap((a) => a.columns);
      const sub = coxPH(
        y,
        { names: cols.map((j) => matrix.names[j]), columns: cols.map((j) => matrix.columns[j]) },
        { ...coxOptions, robust: false, cluster: undefined, init: undefined },
      );
      loglik = sub.loglik;
      df = sub.terms.filter((t) => t.coef !== null).length;
      if (!sub.converged) warnings.push(`the model up to ${term.term} did not converge`);
    }
    const chisq = 2 * (loglik - prevLoglik);
    const d = df - prevDf;
    rows.push({
      label: term.term,
      model: null,
      loglik,
      chisq,
      df: d,
      pValue: d > 0 ? chisqUpperTail(Math.max(chisq, 0), d) : null,
    });
    prevLoglik = loglik;
    prevDf = df;
  });
  return {
    kind: "anova",
    type: "sequential",
    heading: [
      "Analysis of Deviance Table",
      ` Cox model: response is ${fit.response}`,
      "Terms added sequentially (first to last)",
    ],
    rows,
    n: fit.n,
    convention: 'R survival::anova.coxph(fit), test = "Chisq"',
    warnings,
  };
}

function compare(fits: CoxphFit[]): AnovaTable {
  const first = fits[0];
  const firstData = fitData(first);
  const warnings: string[] = [];
  fits.forEach((f, k) => {
    if (k === 0) return;
    const field = `fit${k + 1}`;
    if (f.response !== first.response)
      throw new InputError(`has response ${f.response}, model 1 ${first.response}: compare models of one response`, {
        field,
        value: f.call,
      });
    if (f.ties !== first.ties)
      throw new InputError(`uses ${f.ties} ties, model 1 ${first.ties} (as R: all models must have the same ties)`, {
        field,
        value: f.call,
      });
    const a = JSON.stringify(f.strata?.variables ?? []);
    if (a !== JSON.stringify(first.strata?.variables ?? []))
      throw new InputError("the models do not have the same strata (as R)", { field, value: f.call });
    if (!sameRows(fitData(f, field).frame.rows, firstData.frame.rows, f.nData, first.nData))
      throw new InputError(
        `was fitted to ${f.n} rows, model 1 to ${first.n} (different missing values?): fit both on the same rows, ` +
          "e.g. with a subset that drops the rows any model would drop",
        { field, value: f.call },
      );
    const previous = fits[k - 1];
    const nested =
      previous.termLabels.every((t) => f.termLabels.includes(t)) ||
      f.termLabels.every((t) => previous.termLabels.includes(t));
    if (!nested) warnings.push(`models ${k} and ${k + 1} are not nested: their likelihood-ratio test has no meaning`);
  });
  const dfOf = (f: CoxphFit) => f.terms.filter((t) => t.coef !== null).length;
  const rows: AnovaRow[] = fits.map((f, k) => {
    const model = f.formula.slice(f.formula.indexOf("~")).trim();
    if (k === 0) return { label: "Model 1", model, loglik: f.loglik, chisq: null, df: null, pValue: null };
    const chisq = Math.abs(2 * (f.loglik - fits[k - 1].loglik));
    const df = Math.abs(dfOf(f) - dfOf(fits[k - 1]));
    return {
      label: `Model ${k + 1}`,
      model,
      loglik: f.loglik,
      chisq,
      df,
      pValue: df > 0 ? chisqUpperTail(chisq, df) : null,
    };
  });
  return {
    kind: "anova",
    type: "models",
    heading: [
      "Analysis of Deviance Table",
      ` Cox model: response is  ${first.response}`,
      ...rows.map((r, k) => ` Model ${k + 1}: ${r.model}`),
    ],
    rows,
    n: first.n,
    convention: 'R survival::anova(fit1, fit2, …), test = "Chisq" (anova.coxphlist)',
    warnings,
  };
}

function sameRows(a: Int32Array | null, b: Int32Array | null, na: number, nb: number): boolean {
  if (na !== nb) return false;
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
