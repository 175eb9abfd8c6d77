import { InputError } from "../../lib/core/errors";
import type { Cohort } from "./cohort-row";
import { daysBetween } from "./internal/rules";

/**
 * The rules a codebook-valid cohort must also meet before the paper's analyses can run on it, as a
 * list of InputErrors (empty when it can): at least 2 patients, at least 1 death (tumour-specific,
 * `died` = 1), and a survival time above 0 for every patient (last_contact_date after surgery_date:
 * a time of 0 has no place on a survival curve that starts at surgery, and splitting follow-up at a
 * treatment start needs time to split). Each error names the file line (or row index), column and
 * value. `npm run reproduce` checks these before any notebook starts; `loadStudy` throws the first.
 *
 * Analyses that need more (two levels of a factor, deaths in each group, enough events for a Cox
 * model) are not rejected here: a notebook skips them with a note, since the rest still applies.
 *
 * R/SPSS equivalent: none (R's survfit accepts one patient and no deaths and returns a flat curve).
 * Cost: O(n).
 *
 * @example
 * const rows = loadCohort(SHIPPED_COHORT_PATH).rows.map((r) => ({ ...r })); // plain records for validateCohortRows
 * checkCohortForAnalysis(validateCohortRows(rows)) // [] (55 patients, 40 deaths)
 * checkCohortForAnalysis(validateCohortRows(rows.slice(0, 1)))[0].message
 * // "rows = 1: the cohort has 1 patient; survival analysis needs at least 2"
 */
export function checkCohortForAnalysis(cohort: Cohort): readonly InputError[] {
  if (!cohort || !Array.isArray(cohort.rows))
    throw new InputError("must be a validated cohort", { field: "cohort", value: cohort });
  const errors: InputError[] = [];
  const n = cohort.rows.length;
  const at = (i: number, field: string, message: string, value: unknown): InputError => {
    const line = cohort.lines[i];
    return new InputError(message, line != null ? { field, line, value } : { field, index: i, value });
  };
  if (n < 2)
    errors.push(
      new InputError(
        n === 0
          ? "the file has a header but no patient rows; survival analysis needs at least 2 patients"
          : "the cohort has 1 patient; survival analysis needs at least 2",
        { field: "rows", value: n },
      ),
    );
  cohort.rows.forEach((r, i) => {
    if (daysBetween(r.surgery_date, r.last_contact_date) <= 0)
      errors.push(
        at(
          i,
          "last_contact_date",
          `equals surgery_date (${r.surgery_date}): the survival time is 0 days; the analyses need at least one ` +
            "day of follow-up (a death on the day of surgery cannot enter a curve or a model that starts at surgery)",
          r.last_contact_date,
        ),
      );
  });
  if (n > 0 && !cohort.rows.some((r) => r.died))
    errors.push(
      new InputError(
        `no patient died (died = 0 on all ${n} rows): survival curves, medians and models need at least one death`,
        { field: "died", value: 0 },
      ),
    );
  return Object.freeze(errors);
}
