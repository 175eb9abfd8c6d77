import { cohortCodebook } from "./codebook";
import type { CohortRow } from "./cohort-row";
import { daysBetween } from "./internal/rules";

/**
 * Survival time of one patient in months: days from surgery_date (the first operation, the time
 * origin) to last_contact_date (tumour-specific death or last follow-up), divided by 365/12 =
 * 30.4167 days (codebook studyDesign.survivalTime: the conversion under which the paper's median
 * 16.83 (9.88, 23.78) can be printed at all; 365.25/12 cannot give 16.83 from whole days). Pair with
 * the event indicator `row.died`.
 *
 * Reference: Li, Zheng et al. (2026) §2.3. R: `as.numeric(difftime(end, start, units = "days")) / (365/12)`;
 * SPSS: `DATEDIFF(end, start, "days") / (365/12)` in COMPUTE. Cost: O(1).
 *
 * @example
 * survivalMonths({ surgery_date: "2020-01-01", last_contact_date: "2020-07-01" }) // 5.983562 (182 days / (365/12))
 */
export function survivalMonths(row: Pick<CohortRow, "surgery_date" | "last_contact_date">): number {
  return daysBetween(row.surgery_date, row.last_contact_date) / cohortCodebook().studyDesign.survivalTime.daysPerMonth;
}
