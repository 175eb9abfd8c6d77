import { loadCohort } from "../cohort/load-cohort";
import { resolveCohortPath, type CohortSource } from "../cohort/resolve-cohort-path";
import { studyFromCohort } from "./study-from-cohort";
import type { Study } from "./study";

/**
 * What every notebook calls first: the cohort named by COHORT_CSV (else the shipped synthetic
 * data/cohort.csv), validated against the codebook (the first bad cell stops it with line, column
 * and value), as a Study, plus its source label to print.
 *
 * Cost: O(rows × columns).
 *
 * @example
 * loadStudy({}).source.synthetic // true (no COHORT_CSV: the shipped synthetic cohort)
 */
export function loadStudy(env: Readonly<Record<string, string | undefined>> = process.env): {
  study: Study;
  source: CohortSource;
} {
  const source = resolveCohortPath(env);
  return { study: studyFromCohort(loadCohort(source.path), { synthetic: source.synthetic }), source };
}
