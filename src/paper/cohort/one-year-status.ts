import { cohortCodebook } from "./codebook";
import type { CohortRow } from "./cohort-row";
import { survivalMonths } from "./survival-months";

/**
 * The paper's one-year outcome ("Mortality" vs "Survival" groups of Tables 4–5): 1 when the
 * patient died of the tumour within 12 months of surgery (survival months ≤ 12), 0 when the
 * patient is known to have lived beyond 12 months (died later, or censored after 12 months), and
 * null when censored at or before 12 months (status unknown — the study's inclusion criterion of
 * more than one year of follow-up should make this impossible, so null flags a data problem).
 *
 * Reference: Li, Zheng et al. (2026) §4.4, Tables 4–5. R: `ifelse(died & months <= 12, 1, ifelse(months > 12, 0, NA))`;
 * SPSS: RECODE/COMPUTE likewise. Cost: O(1).
 *
 * @example
 * oneYearStatus({ surgery_date: "2020-01-01", last_contact_date: "2020-07-01", died: true } as CohortRow) // 1
 */
export function oneYearStatus(row: Pick<CohortRow, "surgery_date" | "last_contact_date" | "died">): 0 | 1 | null {
  const months = survivalMonths(row);
  const horizon = cohortCodebook().studyDesign.oneYearMonths;
  if (row.died && months <= horizon) return 1;
  return months > horizon ? 0 : null;
}
