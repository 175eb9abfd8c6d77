import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { baseQuantile, SURVREG_DISTRIBUTIONS } from "./internal/survreg-distributions";
import type { SurvregCovariates, SurvregResult } from "./survreg";

export interface SurvregPredictOptions {
  /**
   * R predict.survreg's `type`: "response" (default; the fitted time, exp(lp) for the log families),
   * "lp" (the linear predictor), "quantile" (time quantiles at `p`), "uquantile" (quantiles on the
   * model's scale, log time for the log families).
   */
  readonly type?: "response" | "lp" | "quantile" | "uquantile";
  /** Probabilities for the quantile types (R's default c(0.1, 0.9)). */
  readonly p?: readonly number[];
  /** Stratum label of each new row, when the fit has one scale per stratum. */
  readonly strata?: ArrayLike<string | number>;
}

/** Predictions with their standard errors (R predict(..., se.fit = TRUE): fit and se.fit). */
export interface SurvregPrediction {
  readonly type: "response" | "lp" | "quantile" | "uquantile";
  /** The probabilities of the columns (quantile types), else null. */
  readonly p: readonly number[] | null;
  /** fit[row][column]: one column per p for the quantile types, one column otherwise. */
  readonly fit: readonly (readonly number[])[];
  /** Delta-method standard errors on the same scale as fit (R se.fit). */
  readonly se: readonly (readonly number[])[];
}

/**
 * Predictions from a {@link survreg} fit for new covariate rows, as R's predict.survreg computes them
 * with se.fit = TRUE: the linear predictor x′β, the fitted time, or quantiles of the survival time
 * t_p = g⁻¹(x′β + σ w_p) with w_p the base family's quantile (Weibull: log(−log(1 − p))); standard errors
 * by the delta method with the full variance of (β, log σ) (fixed scale: of β only), times t_p for the log
 * families (R divides by dtrans). Median survival time: type "quantile", p [0.5].
 * R: `predict(fit, newdata, type = "quantile", p = c(0.1, 0.5, 0.9), se.fit = TRUE)`. SPSS: none.
 * Cost: O(rows · (p + terms²)).
 *
 * @example
 * const y = surv([2, 3, 3, 5, 6, 8, 9, 12, 15, 20], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
 * const fit = survreg(y, { names: ["x"], columns: [[0, 1, 0, 1, 1, 0, 0, 1, 0, 1]] });
 * survregPredict(fit, { names: ["x"], columns: [[0]] }, { type: "quantile", p: [0.5] }).fit[0][0].toFixed(3)
 * // "11.746" (R predict.survreg: 11.746123)
 */
export function survregPredict(
  fit: SurvregResult,
  newdata: SurvregCovariates,
  options: SurvregPredictOptions = {},
): SurvregPrediction {
  checkOptions(options);
  if (fit === null || typeof fit !== "object" || fit.kind !== "survreg")
    throw new InputError("must be a result of survreg()", { field: "fit", value: fit });
  const type = options.type ?? "response";
  if (!["response", "lp", "quantile", "uquantile"].includes(type))
    throw new InputError('must be "response", "lp", "quantile" or "uquantile"', { field: "type", value: type });
  const spec = SURVREG_DISTRIBUTIONS[fit.dist];
  const coefNames = fit.terms.map((t) => t.name);
  if (
    newdata === null ||
    typeof newdata !== "object" ||
    !Array.isArray(newdata.names) ||
    !Array.isArray(newdata.columns)
  )
    throw new InputError("must be { names: string[], columns: number[][] }", { field: "newdata", value: newdata });
  const m = newdata.columns.length > 0 ? newdata.columns[0].length : 1;
  const columnOf = coefNames.slice(1).map((name) => {
    const j = newdata.names.indexOf(name);
    if (j < 0) throw new InputError(`has no column "${name}" (the fit's covariate)`, { field: "newdata", value: name });
    const col = newdata.columns[j];
    if (col === null || typeof col !== "object" || col.length !== m)
      throw new InputError(`must have ${m} values like the other columns`, { field: name, value: col });
    for (let i = 0; i < m; i++)
      if (typeof col[i] !== "number" || !Number.isFinite(col[i]))
        throw new InputError("covariates must be finite numbers", { field: name, index: i, value: col[i] });
    return col;
  });
  const quantileType = type === "quantile" || type === "uquantile";
  const p = quantileType ? [...(options.p ?? [0.1, 0.9])] : null;
  p?.forEach((v, k) => {
    if (typeof v !== "number" || !(v > 0 && v < 1))
      throw new InputError("probabilities must be in (0, 1)", { field: "p", index: k, value: v });
  });
  const nStrata = fit.strata?.length ?? 1;
  const stratumOf = new Int32Array(m);
  if (fit.strata !== null && !fit.scaleFixed) {
    if (options.strata === undefined || options.strata.length !== m)
      throw new InputError(`needs one stratum label per new row (the fit has ${nStrata} scales)`, {
        field: "strata",
        value: options.strata,
      });
    for (let i = 0; i < m; i++) {
      const k = fit.strata.indexOf(String(options.strata[i]));
      if (k < 0)
        throw new InputError("is not a stratum of the fit", { field: "strata", index: i, value: options.strata[i] });
      stratumOf[i] = k;
    }
  }
  const nCoef = coefNames.length;
  const V = fit.variance;
  const coef = fit.terms.map((t) => t.coef);
  const outFit: number[][] = [];
  const outSe: number[][] = [];
  for (let i = 0; i < m; i++) {
    const x = [1, ...columnOf.map((c) => c[i])];
    let lp = 0;
    for (let j = 0; j < nCoef; j++) lp += x[j] * coef[j];
    const quad = (g: number[]): number => {
      let s = 0;
      for (let a = 0; a < g.length; a++) for (let b = 0; b < g.length; b++) s += g[a] * V[a][b] * g[b];
      return Math.sqrt(s);
    };
    const back = (v: number): number => (spec.logTime ? Math.exp(v) : v);
    if (!quantileType) {
      const se = quad(x);
      if (type === "lp") {
        outFit.push([lp]);
        outSe.push([se]);
      } else {
        const pred = back(lp);
        outFit.push([pred]);
        outSe.push([spec.logTime ? se * pred : se]);
      }
      continue;
    }
    const s = stratumOf[i];
    const sigma = fit.scale[fit.scaleFixed ? 0 : s];
    const rowFit: number[] = [];
    const rowSe: number[] = [];
    for (const prob of p as number[]) {
      const qq = baseQuantile(spec.base, prob);
      const u = lp + qq * sigma;
      let se: number;
      if (fit.scaleFixed) se = quad(x);
      else {
        const g = [...x, ...new Array<number>(nStrata).fill(0)];
        g[nCoef + s] = qq * sigma;
        se = quad(g);
      }
      if (type === "uquantile") {
        rowFit.push(u);
        rowSe.push(se);
      } else {
        const pred = back(u);
        rowFit.push(pred);
        rowSe.push(spec.logTime ? se * pred : se);
      }
    }
    outFit.push(rowFit);
    outSe.push(rowSe);
  }
  return deepFreeze({ type, p, fit: outFit, se: outSe });
}
