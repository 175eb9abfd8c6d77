import { InputError } from "../core/errors";
import { type Column, LOGICAL_NA } from "./internal/columns";
import type { CovariateFrame } from "./covariate-frame";

/** The columns of a term in the design matrix (R's `assign`, grouped). */
export interface TermColumns {
  /** The term's label (`age`, `factor(ph.ecog)`, `age:sex`). */
  readonly term: string;
  /** 0-based indices of the term's columns in {@link ModelMatrix.names}. */
  readonly columns: readonly number[];
  /** True when the term involves a categorical variable (its columns are indicators or products with them). */
  readonly categorical: boolean;
}

/** The design matrix of a Cox model: numeric columns named as R names coefficients. */
export interface ModelMatrix {
  /** Column names exactly as R prints coefficient names (`age`, `sex2`, `factor(ph.ecog)1`, `age:sexmale`). */
  readonly names: readonly string[];
  /** One Float64Array per column, over the model frame's rows. */
  readonly columns: readonly Float64Array[];
  /** Term of each column (R's `assign`). */
  readonly assign: readonly TermColumns[];
  /** Levels of every categorical variable used, by variable label (R's `xlevels`). */
  readonly xlevels: Readonly<Record<string, readonly string[]>>;
  /** Reference (first) level of each variable coded by treatment contrasts. */
  readonly reference: Readonly<Record<string, string>>;
}

/** One variable's contribution to a term: its columns' name suffixes and values. */
interface Factor {
  readonly names: readonly string[];
  readonly values: (k: number) => Float64Array;
}

/**
 * The design matrix of a Cox model from a model frame, as R's model.matrix.coxph builds it: numeric variables as
 * they are, categorical variables (text, factor(), logical, strata() in an interaction) by treatment contrasts —
 * one indicator per level after the first — or by one indicator per level where R's coding rule says so
 * (a term whose variable's margin is absent, e.g. `age:sex` without `sex`); interactions are products, the first
 * variable varying fastest; the intercept is implied (a Cox model's baseline hazard) and strata() and
 * cluster() main effects give no columns. Non-finite covariate values are an InputError naming the variable and
 * the data row.
 *
 * R: `model.matrix(coxph_fit)` / `model.matrix(terms, model.frame, contrasts = "contr.treatment")`; SPSS:
 * COXREG /CATEGORICAL with /CONTRAST(x)=INDICATOR(1) (reference first; SPSS's default reference is the last).
 * Cost: O(n × columns).
 *
 * @example
 * const frame = modelFrame(parseFormula("Surv(t, s) ~ g"), { t: [1, 2, 3], s: [1, 1, 0], g: ["b", "a", "c"] });
 * modelMatrix(frame).names // ["gb", "gc"]
 */
export function modelMatrix(frame: CovariateFrame): ModelMatrix {
  const { formula } = frame;
  const n = frame.n;
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const assign: TermColumns[] = [];
  const xlevels: Record<string, readonly string[]> = {};
  const reference: Record<string, string> = {};
  const at = (k: number) => (frame.rows ? frame.rows[k] : k);
  formula.terms.forEach((term) => {
    const roles = term.variables.map((v) => formula.variables[v].role);
    if (roles.includes("cluster")) return;
    if (term.order === 1 && roles[0] === "strata") return;
    const factors: Factor[] = term.variables.map((v, j) => {
      const variable = formula.variables[v];
      const col = frame.columns[v];
      if (col.kind === "numeric") {
        const values = col.values;
        for (let k = 0; k < n; k++)
          if (!Number.isFinite(values[k]))
            throw new InputError("covariates must be finite numbers", {
              field: variable.label,
              index: at(k),
              value: values[k],
            });
        return { names: [""], values: () => values };
      }
      const { codes, levels } = categorical(col);
      xlevels[variable.label] = levels;
      const full = term.coding[j] === 2;
      if (!full) {
        if (levels.length < 2)
          throw new InputError(
            `has ${levels.length === 0 ? "no levels" : `one level (${levels[0]})`} among the rows used: ` +
              "treatment contrasts need at least 2",
            { field: variable.label, value: levels },
          );
        reference[variable.label] = levels[0];
      }
      const used = full ? levels.map((_, k) => k) : levels.slice(1).map((_, k) => k + 1);
      return {
        names: used.map((k) => levels[k]),
        values: (r: number) => {
          const level = used[r];
          const out = new Float64Array(n);
          for (let k = 0; k < n; k++) out[k] = codes[k] === level ? 1 : 0;
          return out;
        },
      };
    });
    // Cartesian product, first variable varying fastest (R's model.matrix order).
    const sizes = factors.map((f) => f.names.length);
    const total = sizes.reduce((a, b) => a * b, 1);
    const termColumns: number[] = [];
    const cache = factors.map(() => new Map<number, Float64Array>());
    const valuesOf = (j: number, r: number) => {
      let v = cache[j].get(r);
      if (!v) {
        v = factors[j].values(r);
        cache[j].set(r, v);
      }
      return v;
    };
    for (let c = 0; c < total; c++) {
      let rest = c;
      const idx = sizes.map((s) => {
        const r = rest % s;
        rest = Math.floor(rest / s);
        return r;
      });
      const label = term.variables.map((v, j) => `${formula.variables[v].label}${factors[j].names[idx[j]]}`).join(":");
      let values: Float64Array;
      if (factors.length === 1) values = valuesOf(0, idx[0]);
      else {
        values = Float64Array.from(valuesOf(0, idx[0]));
        for (let j = 1; j < factors.length; j++) {
          const f = valuesOf(j, idx[j]);
          for (let k = 0; k < n; k++) values[k] *= f[k];
        }
      }
      termColumns.push(names.length);
      names.push(label);
      columns.push(values);
    }
    assign.push({
      term: term.label,
      columns: termColumns,
      categorical: factors.some((f) => f.names[0] !== ""),
    });
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new InputError("two design columns would have the same name; rename a variable or a level", {
        field: "formula",
        value: name,
      });
    seen.add(name);
  }
  return { names, columns, assign, xlevels, reference };
}

/** Codes and levels of a categorical column (logical: FALSE, TRUE always, as R's model.matrix). */
function categorical(col: Column): { codes: ArrayLike<number>; levels: readonly string[] } {
  if (col.kind === "factor") return { codes: col.codes, levels: col.levels };
  if (col.kind === "logical")
    return { codes: Int32Array.from(col.values, (v) => (v === LOGICAL_NA ? -1 : v)), levels: ["FALSE", "TRUE"] };
  throw new InputError("internal: text column was not converted to a factor", { field: "column", value: col.kind });
}
