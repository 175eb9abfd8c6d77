import { COMPLICATION_COLUMNS, FACTOR_COLUMNS, VISITS, type Complication } from "../study/study";
import type { SyntheticPatient } from "./reconstruct-cohort";

/**
 * The synthetic patients as typed rows in the codebook's columns (data/codebook.json): numbers,
 * booleans, category and date strings, null for missing — what `validateCohortRows` and
 * `formatCohortCsv` of src/cohort take. Patient ids are SYN01…SYN55 so a row cannot pass for a
 * real patient; the fidelity report (data/cohort-fidelity.json) carries the synthetic-data banner.
 * Cost: O(n · columns).
 *
 * @example slow
 * syntheticRows(reconstructCohort({ seed: 1 }).patients)[0].patient_id // "SYN01"
 */
export function syntheticRows(
  patients: readonly SyntheticPatient[],
): Record<string, string | number | boolean | null>[] {
  const num = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
  const bool = (b: boolean): boolean => b;
  return patients.map((p) => {
    const u = p.unpublished;
    const row: Record<string, string | number | boolean | null> = {
      patient_id: p.id,
      sex: p.sex,
      age: num(p.age),
      height_cm: num(u.heightCm),
      weight_kg: num(u.weightKg),
      bmi: num(u.bmi),
      tumor_type: p.tumorType,
      bone_destruction: p.boneDestruction,
      operation_type: p.operation,
      multi_segment: bool(u.multiSegment),
    };
    const factor = (k: keyof typeof FACTOR_COLUMNS): void => {
      row[FACTOR_COLUMNS[k]] = bool(p.factors[k]);
    };
    (["extraspinal", "visceral", "fracture", "preChemo", "preRadio", "preTargeted", "preImmuno"] as const).forEach(
      factor,
    );
    row.pre_endocrine = bool(u.preEndocrine);
    (["preBma", "postChemo", "postRadio", "postTargeted", "postImmuno"] as const).forEach(factor);
    row.post_endocrine = bool(u.postEndocrine);
    (["postBma", "emergency"] as const).forEach(factor);
    row.frankel_pre = p.frankelPre;
    row.frankel_post = p.frankelPost;
    for (const [c, col] of Object.entries(COMPLICATION_COLUMNS) as [Complication, string][])
      row[col] = bool(p.complications.includes(c));
    factor("neuroProgressed");
    row.tumor_progressed = bool(u.tumorProgressed);
    row.operation_min = num(p.operationMinutes);
    row.blood_loss_ml = num(p.bloodLossMl);
    row.drainage_ml = num(p.drainageMl);
    row.length_of_stay_days = num(p.lengthOfStayDays);
    row.vas_pre = num(p.vas.pre);
    row.vas_1d = num(u.vas1d);
    row.vas_3d = num(u.vas3d);
    row.vas_7d = num(u.vas7d);
    for (const v of VISITS.slice(1)) row[`vas_${v}`] = num(p.vas[v]);
    for (const v of VISITS) row[`odi_${v}`] = num(p.odi[v]);
    row.surgery_date = p.surgeryDate;
    row.last_visit_date = null;
    row.last_contact_date = p.endDate;
    row.died = p.died === 1;
    return row;
  });
}
