import { InputError } from "../../core/errors";
import type { Surv } from "../surv";
import { surv } from "../surv";
import type { CoxCovariates } from "../cox-ph";

/** Patients are the resampling unit, so only right-censored data (one row per patient) are accepted. */
export function checkRightCensored(y: Surv): void {
  if (y.kind !== "right")
    throw new InputError("the bootstrap resamples patients: pass right-censored data (surv), one row per patient", {
      field: "y",
      value: y.kind,
    });
}

/** Rows `idx` of a right-censored outcome and its covariates (times already validated and tie-merged). */
export function resampleRows(y: Surv, x: CoxCovariates, idx: Int32Array): { y: Surv; x: CoxCovariates } {
  const n = idx.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = y.time[idx[i]];
    event[i] = y.event[idx[i]];
  }
  const columns = x.columns.map((col) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col[idx[i]];
    return out;
  });
  // tieTolerance 0: the times were merged when y was built; resampling must not merge again.
  return { y: surv(time, event, { tieTolerance: 0 }), x: { names: x.names, columns } };
}
