import { cohortTag } from "./cohort-tag";
import type { Study } from "./study";

/**
 * Caption of a published-vs-reproduced table: on the synthetic cohort it says matches are by
 * construction (the cohort was built to print them); on your data, that each row says whether your
 * number equals the paper's or by how much it differs — never "by construction".
 *
 * R/SPSS equivalent: none. Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * versusPaperCaption(study, "Table 1") // "Published vs your data: Table 1 (your data, n = 200): …"
 */
export function versusPaperCaption(study: Study, what: string): string {
  return study.synthetic
    ? `Published vs reproduced: ${what} (${cohortTag(study)}: matches are by construction)`
    : `Published vs your data: ${what} (${cohortTag(study)}; each row: equals the paper, or differs by how much)`;
}
