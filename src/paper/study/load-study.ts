import { loadCohort } from "../cohort/load-cohort";
import { resolveCohortPath } from "../cohort/resolve-cohort-path";
import { cohortLabel } from "./cohort-label";
import { studyFromCohort } from "./study-from-cohort";
import type { Study } from "./study";

/**
 * What every notebook calls first: the cohort named by COHORT_CSV (else data/cohort.csv), validated
 * against the codebook (the first bad cell stops it with line, column and value), as a Study, plus
 * where it came from. Synthetic or not is decided by the rows' content ({@link cohortProvenance}):
 * your own data copied over data/cohort.csv is labelled as yours.
 *
 * Cost: O(rows × columns).
 *
 * @example
 * loadStudy({}).source.synthetic // true (no COHORT_CSV: the shipped synthetic cohort)
 */
export function loadStudy(env: Readonly<Record<string, string | undefined>> = process.env): {
  study: Study;
  source: {
    readonly path: string;
    readonly fromEnvironment: boolean;
    readonly synthetic: boolean;
    readonly label: string;
  };
} {
  const where = resolveCohortPath(env);
  const study = studyFromCohort(loadCohort(where.path));
  return { study, source: Object.freeze({ ...where, synthetic: study.synthetic, label: cohortLabel(study) }) };
}
