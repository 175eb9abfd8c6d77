import type { CoxResult } from "../../lib/survival/cox-ph";
import type { Surv } from "../../lib/survival/surv";
import { coxTable6Design } from "../reproduction/cox-table6";
import type { Study } from "../study/study";
import { timeDependentCox } from "../../lib/time-dependent/time-dependent-cox";

/** The Table 6 data on its time scale (one year), with visceral metastases as the adjusting covariate. */
export interface Table6BmaData {
  /** Survival to one year, as Table 6's model: right-censored, one row per patient. */
  readonly y: Surv;
  readonly visceral: ArrayLike<number>;
}

/** Table 6's rows as the BMA re-analyses use them (coxTable6Design: same rows, same one-year truncation). */
export function table6BmaData(study: Study): Table6BmaData {
  const { y, x } = coxTable6Design(study);
  return { y, visceral: x.columns[0] };
}

/** Table 6 with postoperative BMA as a time-dependent covariate starting at `treatmentTime` (Breslow, as SPSS). */
export function timeDependentBmaFit(d: Table6BmaData, treatmentTime: readonly (number | null)[]): CoxResult {
  return timeDependentCox(d.y, treatmentTime, {
    ties: "breslow",
    treatmentName: "postoperative BMA (time-dependent)",
    covariates: { names: ["visceral metastases"], columns: [d.visceral] },
  });
}
