import { cohortCodebook } from "./codebook";
import type { CohortRow } from "./cohort-row";
import { daysBetween } from "./internal/rules";

/**
 * Survival time of one patient in months: days from surgery_date (the first operation, the time
 * origin) to last_contact_date (tumour-specific death or last follow-up), divided by 365.25/12 =
 * 30.4375 days (codebook studyDesign.survivalTime; the common alternative 365/12 = 30.4167 gives
 * times 0.07 % longer). Pair with the event indicator `row.died`.
 *
 * Reference: Li, Zheng et al. (2026) §2.3. R: `as.numeric(difftime(end, start, units = "days")) / (365.25/12)`;
 * SPSS: `DATEDIFF(end, start, "days") / 30.4375` in COMPUTE. Cost: O(1).
 *
 * @example
 * survivalMonths({ surgery_date: "2020-01-01", last_contact_date: "2020-07-01" } as CohortRow) // 182 / 30.4375 = 5.979466...
 */
export function survivalMonths(row: Pick<CohortRow, "surgery_date" | "last_contact_date">): number {
  return daysBetween(row.surgery_date, row.last_contact_date) / cohortCodebook().studyDesign.survivalTime.daysPerMonth;
}
