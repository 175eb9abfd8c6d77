import { checkOptions } from "../../core/check-options";
import { InputError } from "../../core/errors";
import type { FormulaData } from "../../formula";
import { type CoxSurvfit, type CoxSurvCurve, survfitCox } from "../../survival/cox-survfit";
import type { SurvConfType } from "../../survival/survfit-confint";
import type { CoxphFit } from "../coxph";
import { fitData } from "./fit-data";
import { newdataDesignWithLabels } from "./newdata-design";

/** Options of survfit on a coxph(formula) fit: R's survfit.coxph arguments. */
export interface SurvfitCoxphOptions {
  /**
   * Covariate values of the curves as records or columns, by the data's own column names (R's `newdata`), factor
   * levels as in the fit. Without the strata variables a stratified fit gives each row a curve in every stratum
   * (R's rule); with them, one curve per row in its stratum. Default: one curve at the fit's means (R's default).
   */
  readonly newdata?: FormulaData;
  /** R's stype: 2 = exp(−H) (default), 1 = Kalbfleisch–Prentice. */
  readonly stype?: 1 | 2;
  /** R's ctype: 1 = Breslow, 2 = Efron; default follows the fit's ties, as R. */
  readonly ctype?: 1 | 2;
  /** Pointwise interval of S (R's conf.type, default "log"). */
  readonly confType?: SurvConfType;
  readonly confLevel?: number;
  /** Name of the newdata in the printed call (default "newdata"). */
  readonly newdataName?: string;
}

/** One predicted curve of a {@link CoxphSurvfit}: survfitCox's columns and a label from the data. */
export interface CoxphSurvCurve extends CoxSurvCurve {
  /**
   * The curve's stratum and newdata row as R names levels: "sex=1", "arm=b", "sex=1, age=60" (a row repeated in
   * newdata gets " (row k)"), "at the means" for R's default curve of an unstratified fit.
   */
  readonly label: string;
}

/** Predicted survival curves from a coxph(formula) fit (R's survfit.coxph object). */
export interface CoxphSurvfit extends Omit<CoxSurvfit, "curves"> {
  readonly curves: readonly CoxphSurvCurve[];
  /** `survfit(formula = fit, newdata = newdata)` with the fit's call. */
  readonly call: string;
  /** The fit's formula. */
  readonly formula: string;
}

/** survfit(coxph fit, newdata): the newdata coded as the fit's design, then survfitCox; strata named as R. */
export function survfitCoxph(fit: CoxphFit, options: SurvfitCoxphOptions): CoxphSurvfit {
  fitData(fit);
  checkOptions(options);
  for (const key of Object.keys(options))
    if (!["newdata", "stype", "ctype", "confType", "confLevel", "newdataName"].includes(key))
      throw new InputError("is not an option of survfit on a Cox fit (newdata, stype, ctype, confType, confLevel)", {
        field: `options.${key}`,
        value: (options as Record<string, unknown>)[key],
      });
  const names = fit.terms.map((t) => t.name);
  let newdata: Record<string, Float64Array> | undefined;
  let strata: Int32Array | undefined;
  let rowLabels: readonly string[] = [];
  if (options.newdata !== undefined) {
    const design = newdataDesignWithLabels({ ...fit, names }, options.newdata, false);
    rowLabels = design.rowLabels;
    newdata = Object.fromEntries(names.map((nm, j) => [nm, design.columns[j]]));
    strata = design.strata ?? undefined;
    if (names.length === 0 && !strata)
      throw new InputError("a model without covariates has one curve per stratum: leave newdata out", {
        field: "options.newdata",
        value: options.newdata,
      });
  }
  const curves = survfitCox(fit, {
    newdata,
    strata,
    stype: options.stype,
    ctype: options.ctype,
    confType: options.confType,
    confLevel: options.confLevel,
  });
  const levels = fit.strata?.levels ?? null;
  const repeated = new Set(rowLabels.filter((l, i) => rowLabels.indexOf(l) !== i));
  const relabel = (c: CoxSurvCurve): CoxphSurvCurve => {
    const strataName = c.strata === null || levels === null ? c.strata : levels[Number(c.strata)];
    const row = c.newdataRow === null ? "" : rowLabels[c.newdataRow];
    const rowPart = row !== "" && repeated.has(row) ? `${row} (row ${(c.newdataRow as number) + 1})` : row;
    const label = [strataName, rowPart].filter((p) => p).join(", ") || "at the means";
    return Object.freeze({ ...c, strata: strataName, label });
  };
  const newdataArg = options.newdata === undefined ? "" : `, newdata = ${options.newdataName ?? "newdata"}`;
  // The columns are frozen by survfitCox; freezing shallowly here avoids walking 10⁶-long arrays again.
  return Object.freeze({
    ...curves,
    curves: Object.freeze(curves.curves.map(relabel)),
    call: `survfit(formula = ${fit.call}${newdataArg})`,
    formula: fit.formula,
  });
}
