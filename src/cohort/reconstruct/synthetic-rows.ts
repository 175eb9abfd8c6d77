import { BINARY_FACTORS, FACTOR_COLUMNS, VISITS } from "../../reproduction/study";
import type { SyntheticPatient } from "./reconstruct-cohort";


/**
 * The synthetic patients as flat CSV records (column → cell text), first column `synthetic` = 1 on
 * every row so the file cannot be mistaken for patient data. Numbers are printed in full
 * (integers, or 2 decimals for ODI); empty cells are missing values. Cost: O(n · columns).
 *
 * @example
 * syntheticRows(reconstructCohort({ seed: 1 }).patients)[0].synthetic // "1"
 */
export function syntheticRows(patients: readonly SyntheticPatient[]): Record<string, string>[] {
  const cell = (x: number | null, decimals = 0): string => (x === null ? "" : x.toFixed(decimals));
  return patients.map((p) => {
    const row: Record<string, string> = {
      synthetic: "1",
      patient_id: p.id,
      sex: p.sex,
      age: cell(p.age),
      tumor_type: p.tumorType,
      bone_destruction: p.boneDestruction,
      operation_type: p.operation,
    };
    for (const f of BINARY_FACTORS) row[FACTOR_COLUMNS[f]] = p.factors[f] ? "1" : "0";
    row.complication = p.complication ?? "";
    row.frankel_pre = p.frankelPre;
    row.frankel_post = p.frankelPost;
    for (const v of VISITS) row[`vas_${v}`] = cell(p.vas[v]);
    for (const v of VISITS) row[`odi_${v}`] = cell(p.odi[v], 2);
    row.operation_min = cell(p.operationMinutes);
    row.blood_loss_ml = cell(p.bloodLossMl, Number.isInteger(p.bloodLossMl) ? 0 : 1);
    row.drainage_ml = cell(p.drainageMl);
    row.length_of_stay_days = cell(p.lengthOfStayDays);
    row.surgery_date = p.surgeryDate;
    row.last_contact_date = p.endDate;
    row.died = String(p.died);
    return row;
  });
}
