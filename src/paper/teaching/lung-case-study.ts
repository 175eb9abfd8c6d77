import { deepFreeze } from "../../lib/core/freeze";
import type { StatResult } from "../../lib/core/result";
import type { LogRankDetails } from "../../lib/survival/log-rank";
import { coxPH, type CoxResult } from "../../lib/survival/cox-ph";
import { coxZph, type CoxZphResult } from "../../lib/survival/cox-zph";
import type { KaplanMeierFit } from "../../lib/survival/kaplan-meier";
import { kaplanMeierByGroup } from "../../lib/survival/kaplan-meier-by-group";
import { logRank } from "../../lib/survival/log-rank";
import { surv } from "../../lib/survival/surv";
import { completeCases, indicator, loadPublicDataset, publicRReference } from "../cohort/public-dataset";

/** The NCCTG lung case study of notebook 08: every fit it shows, and R's numbers for the same models. */
export interface LungCaseStudy {
  readonly n: number;
  /** Patients with time, status and sex (all of them). */
  readonly nSex: number;
  readonly bySex: readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[];
  readonly logRank: StatResult<LogRankDetails>;
  /** Complete cases for age, sex and ECOG, and how many rows a missing value dropped. */
  readonly nComplete: number;
  readonly dropped: number;
  /** Cox model on sex alone and on age + sex + ECOG, on the same complete cases (Efron ties, R's default). */
  readonly coxSex: CoxResult;
  readonly cox: CoxResult;
  readonly zph: CoxZphResult;
  /** R's results (data/public/r-reference.json, written by data/public/export-public-data.R). */
  readonly r: Readonly<Record<string, unknown>>;
}

/**
 * The NCCTG advanced lung cancer data (Loprinzi CL et al. 1994, J Clin Oncol 12:601; R survival's `lung`) analysed as
 * notebook 08's case study asks: do women live longer than men, and does it hold after age and ECOG performance
 * status? Kaplan–Meier by sex, the log-rank test, Cox models (sex alone; sex + age + ECOG) and the proportional-hazards
 * test, with R's results beside them. R: survfit/survdiff/coxph/cox.zph on survival::lung.
 * Cost: a few fits of 228 rows.
 *
 * @example
 * lungCaseStudy().cox.terms.map((t) => t.name) // ["age", "sex (female)", "ph.ecog"] (R's order: age + sex + ph.ecog)
 */
export function lungCaseStudy(): LungCaseStudy {
  const data = loadPublicDataset("ncctg-lung");
  const all = completeCases(data, ["time_days", "event", "sex"]);
  const y = surv(all.numeric.time_days, all.numeric.event);
  const cc = completeCases(data, ["time_days", "event", "sex", "age", "ph_ecog"]);
  const yc = surv(cc.numeric.time_days, cc.numeric.event);
  const female = indicator(cc.text.sex, "female");
  const cox = coxPH(yc, {
    names: ["age", "sex (female)", "ph.ecog"],
    columns: [cc.numeric.age, female, cc.numeric.ph_ecog],
  });
  return deepFreeze({
    n: data.n,
    nSex: all.n,
    bySex: kaplanMeierByGroup(y, all.text.sex),
    logRank: logRank(y, all.text.sex),
    nComplete: cc.n,
    dropped: cc.dropped,
    coxSex: coxPH(yc, { names: ["sex (female)"], columns: [female] }),
    cox,
    zph: coxZph(cox, { transform: "km" }),
    r: (publicRReference() as Record<string, Record<string, unknown>>).ncctg_lung,
  });
}
