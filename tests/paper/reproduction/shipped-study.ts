import { join } from "node:path";
import { loadCohort } from "../../../src/paper/cohort/load-cohort";
import { studyFromCohort } from "../../../src/paper/study/study-from-cohort";

export const REPO = join(__dirname, "..", "..", "..");
export const SHIPPED_CSV = join(REPO, "data", "cohort.csv");

/** The shipped synthetic cohort through the codebook loader, and its Study. */
export function shippedStudy() {
  const cohort = loadCohort(SHIPPED_CSV);
  return { cohort, study: studyFromCohort(cohort, { synthetic: true }) };
}
