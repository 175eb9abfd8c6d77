import { InputError } from "../core/errors";
import { isMissing, toFactor } from "./internal/columns";
import { dataSource, type FormulaData } from "./internal/data-source";
import { type EvalContext, evaluateColumn, type LevelsOption } from "./internal/evaluate";
import type { ModelFrame } from "./model-frame";
import type { ParsedFormula } from "./parse-formula";

/** The right-hand side of a formula evaluated on new rows: what modelMatrix needs, without a response. */
export type CovariateFrame = Pick<ModelFrame, "formula" | "n" | "rows" | "columns">;

/**
 * Evaluates the right-hand side of a fitted model's formula on new data (R's `model.frame(delete.response(terms),
 * newdata, xlev = fit$xlevels)`): every covariate, factor() and strata() variable, with the fit's levels imposed so
 * the design columns line up with the fit's coefficients. A level the fit did not see, or a missing value, is an
 * InputError naming the variable and the row (R: "factor has new levels"; R predicts NA for a missing value).
 * For predictions and curves at given covariate values (predict, survfit(coxFit, newdata)).
 * Cost: O(rows × variables).
 *
 * @example
 * const f = parseFormula("Surv(time, status) ~ age + sex");
 * covariateFrame(f, [{ age: 60, sex: "male" }], { sex: ["female", "male"] }).n // 1
 */
export function covariateFrame(formula: ParsedFormula, newdata: FormulaData, levels: LevelsOption): CovariateFrame {
  const source = dataSource(newdata);
  if (source.n === 0) throw new InputError("has no rows", { field: "newdata", value: newdata });
  const ctx: EvalContext = { text: formula.text, field: "formula", source, levels, cache: new Map() };
  const columns = formula.variables.map((v) => {
    if (v.role === "cluster") return { kind: "numeric" as const, values: new Float64Array(source.n) };
    const col = evaluateColumn(v.node, ctx);
    for (let i = 0; i < source.n; i++)
      if (isMissing(col, i))
        throw new InputError("is missing in newdata: every covariate of the model needs a value", {
          field: v.label,
          index: i,
          value: null,
        });
    const given = levels[v.label] ?? (v.node.type === "name" ? levels[v.node.name] : undefined);
    if (col.kind === "character" || (col.kind === "factor" && given)) return toFactor(col, v.label, given);
    if (col.kind === "logical" && given) return col;
    return col;
  });
  return { formula, n: source.n, rows: null, columns };
}
