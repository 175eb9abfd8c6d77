import { cohortProvenance } from "../cohort/cohort-provenance";
import { survivalMonths } from "../cohort/survival-months";
import type { Cohort, CohortRow } from "../cohort/cohort-row";
import {
  BINARY_FACTORS,
  COMPLICATION_COLUMNS,
  FACTOR_COLUMNS,
  VISITS,
  type BinaryFactor,
  type Complication,
  type Study,
  type StudyPatient,
} from "./study";

/**
 * The {@link Study} the reproduction functions read, from a codebook-validated cohort (src/cohort's
 * `loadCohort` / `parseCohortCsv` / `validateCohortRows`): the shipped synthetic cohort or a user's
 * own CSV. Survival months come from the cohort's `survivalMonths` (codebook convention), so every
 * analysis uses one definition. Validation is the loader's.
 *
 * `synthetic` (shown on every output) is decided by content when `meta` does not say: the rows'
 * fingerprint against the ones the reconstruction recorded ({@link cohortProvenance}), never the
 * file's name or place.
 *
 * Cost: O(n · columns).
 *
 * @example
 * studyFromCohort(loadCohort(SHIPPED_COHORT_PATH)).synthetic // true: the rows are the reconstruction's
 */
export function studyFromCohort(cohort: Cohort, meta: { synthetic?: boolean } = {}): Study {
  const patients = cohort.rows.map((r): StudyPatient => {
    const cell = r as unknown as Readonly<Record<string, string | number | boolean | null>>;
    const factors = Object.fromEntries(BINARY_FACTORS.map((f) => [f, cell[FACTOR_COLUMNS[f]] === true])) as Record<
      BinaryFactor,
      boolean
    >;
    const complications = (Object.entries(COMPLICATION_COLUMNS) as [Complication, string][])
      .filter(([, col]) => cell[col] === true)
      .map(([c]) => c);
    const score = (prefix: "vas" | "odi") =>
      Object.fromEntries(VISITS.map((v) => [v, cell[`${prefix}_${v}`] as number | null])) as StudyPatient["vas"];
    return {
      id: r.patient_id,
      sex: r.sex,
      age: r.age,
      tumorType: r.tumor_type,
      boneDestruction: r.bone_destruction,
      operation: r.operation_type,
      factors,
      complications,
      unpublished: {
        multiSegment: r.multi_segment,
        preEndocrine: r.pre_endocrine,
        postEndocrine: r.post_endocrine,
        tumorProgressed: r.tumor_progressed,
        heightCm: r.height_cm,
        weightKg: r.weight_kg,
        bmi: r.bmi,
        vas1d: r.vas_1d,
        vas3d: r.vas_3d,
        vas7d: r.vas_7d,
      },
      frankelPre: r.frankel_pre,
      frankelPost: r.frankel_post,
      vas: score("vas"),
      odi: score("odi"),
      operationMinutes: r.operation_min,
      bloodLossMl: r.blood_loss_ml,
      drainageMl: r.drainage_ml,
      lengthOfStayDays: r.length_of_stay_days,
      survivalMonths: survivalMonths(r as CohortRow),
      died: r.died ? 1 : 0,
    };
  });
  const synthetic = meta.synthetic ?? cohortProvenance(cohort).synthetic;
  return { patients, synthetic, source: cohort.source ?? "in memory" };
}
