import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deepFreeze } from "../../lib/core/freeze";
import type { StatResult } from "../../lib/core/result";
import type { LogRankDetails } from "../../lib/survival/log-rank";
import { coxPH, type CoxResult } from "../../lib/survival/cox-ph";
import { coxZph, type CoxZphResult } from "../../lib/survival/cox-zph";
import type { KaplanMeierFit } from "../../lib/survival/kaplan-meier";
import { kaplanMeierByGroup } from "../../lib/survival/kaplan-meier-by-group";
import { logRank } from "../../lib/survival/log-rank";
import { surv, survCounting } from "../../lib/survival/surv";
import { splitAtTreatment } from "../../lib/time-dependent/split-at-treatment";
import { completeCases, indicator, loadPublicDataset, publicRReference } from "../cohort/public-dataset";
import { REPO_ROOT } from "../repo-root";

/** The VA veteran case study of notebook 08. */
export interface VeteranCaseStudy {
  readonly n: number;
  readonly byTreatment: readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[];
  readonly logRankTreatment: StatResult<LogRankDetails>;
  readonly logRankCellType: StatResult<LogRankDetails>;
  /** Cox model trt + karno + cell type (squamous the reference, R's first level), Efron ties. */
  readonly cox: CoxResult;
  readonly zph: CoxZphResult;
  /**
   * The same model with the Karnofsky effect estimated separately in the first `cut` days and after (follow-up split
   * into (start, stop] rows): one remedy when a covariate's hazard ratio is not proportional.
   */
  readonly karnoByPeriod: CoxResult;
  readonly cut: number;
  /** R's results: data/public/r-reference.json's va_veteran, plus `karno_by_period` (r-case-studies.json). */
  readonly r: Readonly<Record<string, unknown>>;
}

/**
 * The Veterans' Administration lung cancer trial (Kalbfleisch JD, Prentice RL 1980; R survival's `veteran`) as
 * notebook 08's second case study: did the test chemotherapy help, and what else predicts survival? Kaplan–Meier
 * by treatment, log-rank tests for treatment and cell type, the Cox model trt + karno + celltype as R fits it, and the
 * proportional-hazards test — on which the Karnofsky score fails — and the remedy of the survival package's vignette
 * (Therneau, Crowson & Atkinson, "Using time dependent covariates", §4.1): the Karnofsky effect estimated separately
 * before and after day 90. R: coxph(Surv(time, status) ~ trt + karno + celltype, data = veteran); cox.zph;
 * survSplit(cut = 90) with karno:strata(tgroup). Cost: a few fits of 137 rows.
 *
 * @example
 * veteranCaseStudy().cox.terms.map((t) => t.name) // ["trt (test)", "karno", "celltype smallcell", …]
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
  // Split every patient's follow-up at the cut: rows (0, cut] and (cut, t]; "treated" marks the later row.
  const cut = 90;
  const split = splitAtTreatment(
    surv(cc.numeric.time_days, cc.numeric.event),
    cc.numeric.time_days.map(() => cut),
  );
  const perRow = (column: readonly number[]) => split.id.map((i) => column[i]);
  const karno = perRow(cc.numeric.karno);
  const karnoByPeriod = coxPH(survCounting(split.start, split.stop, split.event), {
    names: [
      "trt (test)",
      "celltype smallcell",
      "celltype adeno",
      "celltype large",
      `karno, days 0–${cut}`,
      `karno, after day ${cut}`,
    ],
    columns: [
      perRow(indicator(cc.text.trt, "test")),
      perRow(indicator(cell, "smallcell")),
      perRow(indicator(cell, "adeno")),
      perRow(indicator(cell, "large")),
      karno.map((k, r) => (split.treated[r] === 0 ? k : 0)),
      karno.map((k, r) => (split.treated[r] === 1 ? k : 0)),
    ],
  });
  return deepFreeze({
    n: cc.n,
    byTreatment: kaplanMeierByGroup(y, cc.text.trt),
    logRankTreatment: logRank(y, cc.text.trt),
    logRankCellType: logRank(y, cell),
    cox,
    zph: coxZph(cox, { transform: "km" }),
    karnoByPeriod,
    cut,
    r: {
      ...(publicRReference() as Record<string, Record<string, unknown>>).va_veteran,
      // data/public/r-case-studies.json (export-case-studies.R): the model split at day 90.
      karno_by_period: (
        JSON.parse(readFileSync(join(REPO_ROOT, "data", "public", "r-case-studies.json"), "utf8")) as Record<
          string,
          unknown
        >
      ).va_veteran_karno_by_period,
    },
  });
}
