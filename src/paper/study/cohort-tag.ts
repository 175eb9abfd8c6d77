import { counts } from "./internal/describe";
import type { Study } from "./study";

/**
 * A short tag for table captions, from the rows: "synthetic cohort, n = 55" or "your data, n = 200".
 *
 * R/SPSS equivalent: none. Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * `Table 1, VAS (${cohortTag(study)})` // "Table 1, VAS (synthetic cohort, n = 55)"
 */
export function cohortTag(study: Study): string {
  return `${study.synthetic ? "synthetic cohort" : "your data"}, n = ${counts(study).n}`;
}
