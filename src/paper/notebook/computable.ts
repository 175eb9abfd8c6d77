import { InputError } from "../../lib/core/errors";
import { escapeHtml } from "../../lib/core/html";
import type { Study } from "../study/study";
import { showHtml } from "./show";

/**
 * Runs one analysis of a notebook on the study, or — when the cohort cannot support it — shows a
 * short note of what was skipped and why, and lets the notebook go on. "Cannot support" means the
 * analysis rejected its input with an InputError (a factor with one level, a group without deaths, a
 * Cox model without events, a table with an empty row): on your own data that is a property of the
 * data, not a failure of the run. Any other error is a bug and propagates, and on the synthetic cohort
 * nothing is skipped (every analysis must run there, so a skip cannot hide a bug). Returns the
 * analysis' value, or undefined when skipped (later cells test for it).
 *
 * The note carries `data-repro-skipped`, from which `npm run reproduce` lists the skipped analyses on
 * the report's index and in its summary.
 *
 * R/SPSS equivalent: `tryCatch(…, error = function(e) message(…))`. Cost: that of the analysis.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * computable(study, "Kaplan–Meier by postoperative BMA", () => survivalByFactor(study, "postBma"))
 * // on a cohort where nobody received BMA: shows "Not computable on this cohort: … (postBma has one level …)"
 */
export function computable<T>(study: Study, what: string, analysis: () => T): T | undefined {
  if (study.synthetic) return analysis();
  try {
    return analysis();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const summary = `${what} — ${e.message}`;
    showHtml(
      `<p class="repro-skipped" data-repro-skipped="${escapeHtml(summary)}"><strong>Not computable on this ` +
        `cohort:</strong> ${escapeHtml(what)}, skipped. Why: ${escapeHtml(e.message)}.</p>`,
    );
    return undefined;
  }
}
