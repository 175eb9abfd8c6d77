import { deepFreeze } from "../../lib/core/freeze";
import type { StatResult } from "../../lib/core/result";
import { coxPH, type CoxResult } from "../../lib/survival/cox-ph";
import { coxZph, type CoxZphResult } from "../../lib/survival/cox-zph";
import type { KaplanMeierFit } from "../../lib/survival/kaplan-meier";
import { kaplanMeierByGroup } from "../../lib/survival/kaplan-meier-by-group";
import { logRank } from "../../lib/survival/log-rank";
import { surv } from "../../lib/survival/surv";
import { completeCases, indicator, loadPublicDataset, publicRReference } from "../cohort/public-dataset";

/** The VA veteran case study of notebook 08. */
export interface VeteranCaseStudy {
  readonly n: number;
  readonly byTreatment: readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[];
  readonly logRankTreatment: StatResult;
  readonly logRankCellType: StatResult;
  /** Cox model trt + karno + cell type (squamous the reference, R's first level), Efron ties. */
  readonly cox: CoxResult;
  readonly zph: CoxZphResult;
  readonly r: Readonly<Record<string, unknown>>;
}

/**
 * The Veterans' Administration lung cancer trial (Kalbfleisch JD, Prentice RL 1980; R survival's `veteran`) as
 * notebook 08's second case study: did the test chemotherapy help, and what else predicts survival? Kaplan–Meier
 * by treatment, log-rank tests for treatment and cell type, the Cox model trt + karno + celltype as R fits it, and the
 * proportional-hazards test — on which the Karnofsky score fails. R: coxph(Surv(time, status) ~ trt + karno +
 * celltype, data = veteran); cox.zph. Cost: a few fits of 137 rows.
 *
 * @example veteranCaseStudy().cox.terms.map((t) => t.name) // ["trt (test)", "karno", "celltype smallcell", …]
 */
export function veteranCaseStudy(): VeteranCaseStudy {
  const data = loadPublicDataset("va-veteran");
  const cc = completeCases(data, ["time_days", "event", "trt", "celltype", "karno"]);
  const y = surv(cc.numeric.time_days, cc.numeric.event);
  const cell = cc.text.celltype;
  const cox = coxPH(y, {
    names: ["trt (test)", "karno", "celltype smallcell", "celltype adeno", "celltype large"],
    columns: [
      indicator(cc.text.trt, "test"),
      cc.numeric.karno,
      indicator(cell, "smallcell"),
      indicator(cell, "adeno"),
      indicator(cell, "large"),
    ],
  });
  return deepFreeze({
    n: cc.n,
    byTreatment: kaplanMeierByGroup(y, cc.text.trt),
    logRankTreatment: logRank(y, cc.text.trt),
    logRankCellType: logRank(y, cell),
    cox,
    zph: coxZph(cox, "km"),
    r: (publicRReference() as Record<string, Record<string, unknown>>).va_veteran,
  });
}
