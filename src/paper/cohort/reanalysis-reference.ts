import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";

/**
 * R's numbers for notebook 09 ("Re-analysis in a few lines"), written by data/public/reanalysis-r.R: each entry
 * holds the R call (run on data/public/ncctg-lung.csv, or on data/cohort.csv for the shipped synthetic cohort) and
 * what R printed for it, so the notebook can show our result next to the R call that gives the same numbers.
 * Cost: O(size of the file).
 *
 * @example
 * reanalysisRReference().ncctg_lung.cox_full.call
 * // "coxph(Surv(time_days, event) ~ age + sex + ph_ecog + wt_loss, data = lung)"
 */
export function reanalysisRReference(): Readonly<Record<string, unknown>> & {
  // biome-ignore lint/suspicious/noExplicitAny: R's output, read field by field in the notebook
  readonly ncctg_lung: Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: R's output, read field by field in the notebook
  readonly cohort: Record<string, any>;
} {
  return deepFreeze(JSON.parse(readFileSync(join(REPO_ROOT, "data", "public", "reanalysis-r.json"), "utf8")));
}
