import { InputError } from "../core/errors";
import { coxInternals, type CoxResult } from "./cox-ph";

/** New covariate values by name, one array per model covariate (extra columns are ignored, as R's model.frame). */
export type CoxNewdata = Readonly<Record<string, ArrayLike<number>>>;

/**
 * Validated newdata: m rows of covariates centred at the fit's means (m × p, row-major) and, for a stratified
 * fit given per-row strata, each row's stratum index (else null). InputErrors name the column, row and value.
 * Cost O(m p).
 */
export function coxNewdata(
  fit: CoxResult,
  newdata: CoxNewdata,
  strata: ArrayLike<string | number> | undefined,
  field = "options.newdata",
): { m: number; xc: Float64Array; strata: Int32Array | null } {
  const internals = coxInternals(fit);
  const names = internals.names;
  const p = names.length;
  if (newdata === null || typeof newdata !== "object" || Array.isArray(newdata))
    throw new InputError("must be an object of covariate columns, e.g. { age: [60, 70] }", { field, value: newdata });
  let m = -1;
  for (const name of names) {
    const col = newdata[name];
    if (col === undefined)
      throw new InputError(`has no column for the model covariate "${name}"`, { field, value: Object.keys(newdata) });
    if (col === null || typeof col !== "object" || typeof col.length !== "number")
      throw new InputError("must be an array of numbers", { field: `${field}.${name}`, value: col });
    if (m === -1) m = col.length;
    else if (col.length !== m)
      throw new InputError(`length ${col.length} differs from the other columns' ${m}`, {
        field: `${field}.${name}`,
        value: col,
      });
  }
  if (m < 1) throw new InputError("needs at least one row", { field, value: newdata });
  const xc = new Float64Array(m * p);
  names.forEach((name, j) => {
    const col = newdata[name];
    for (let i = 0; i < m; i++) {
      const v = col[i];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("covariates must be finite numbers", { field: `${field}.${name}`, index: i, value: v });
      xc[i * p + j] = v - fit.means[j];
    }
  });
  let codes: Int32Array | null = null;
  if (strata !== undefined) {
    const labels = internals.strataLabels;
    if (labels === null) throw new InputError("the fit has no strata", { field: "options.strata", value: strata });
    if (strata === null || typeof strata !== "object" || strata.length !== m)
      throw new InputError(`must be an array of length ${m} (one stratum per newdata row)`, {
        field: "options.strata",
        value: strata,
      });
    codes = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const k = labels.indexOf(String(strata[i]));
      if (k < 0)
        throw new InputError(`is not a stratum of the fit (${labels.join(", ")})`, {
          field: "options.strata",
          index: i,
          value: strata[i],
        });
      codes[i] = k;
    }
  }
  return { m, xc, strata: codes };
}
