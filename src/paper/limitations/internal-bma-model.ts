import type { CoxResult } from "../../lib/survival/cox-ph";
import { coxTable6Design } from "../reproduction/cox-table6";
import type { Study } from "../study/study";
import { timeDependentCox } from "../../lib/time-dependent/time-dependent-cox";

/** The Table 6 data on its time scale (one year), with visceral metastases as the adjusting covariate. */
export interface Table6BmaData {
  readonly time: number[];
  readonly event: number[];
  readonly visceral: ArrayLike<number>;
}

/** Table 6's rows as the BMA re-analyses use them (coxTable6Design: same rows, same one-year truncation). */
export function table6BmaData(study: Study): Table6BmaData {
  const { y, x } = coxTable6Design(study);
  return { time: Array.from(y.time), event: Array.from(y.event), visceral: x.columns[0] };
}

/** Table 6 with postoperative BMA as a time-dependent covariate starting at `treatmentTime` (Breslow, as SPSS). */
export function timeDependentBmaFit(d: Table6BmaData, treatmentTime: readonly (number | null)[]): CoxResult {
  return timeDependentCox(d.time, d.event, treatmentTime, {
    ties: "breslow",
    treatmentName: "postoperative BMA (time-dependent)",
    covariates: { names: ["visceral metastases"], columns: [d.visceral] },
  });
}
