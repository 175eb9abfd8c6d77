/**
 * One validated patient row, typed after data/codebook.json (a test checks the keys match the
 * codebook's variables in order). Missing values are null; dates are ISO strings yyyy-mm-dd;
 * booleans are true/false (written 1/0 in the CSV).
 */
export interface CohortRow {
  readonly patient_id: string;
  readonly sex: "male" | "female";
  readonly age: number;
  readonly height_cm: number | null;
  readonly weight_kg: number | null;
  readonly bmi: number | null;
  readonly tumor_type: "LUAD" | "SCC" | "SCLC" | "LELC";
  readonly bone_destruction: "osteolytic" | "osteoblastic" | "mixed";
  readonly operation_type: "curettage" | "pvp" | "combined";
  readonly multi_segment: boolean;
  readonly extraspinal_bone_mets: boolean;
  readonly visceral_mets: boolean;
  readonly pathological_fracture: boolean;
  readonly pre_chemo: boolean;
  readonly pre_radio: boolean;
  readonly pre_targeted: boolean;
  readonly pre_immuno: boolean;
  readonly pre_endocrine: boolean;
  readonly pre_bma: boolean;
  readonly post_chemo: boolean;
  readonly post_radio: boolean;
  readonly post_targeted: boolean;
  readonly post_immuno: boolean;
  readonly post_endocrine: boolean;
  readonly post_bma: boolean;
  readonly emergency: boolean;
  readonly frankel_pre: FrankelGradeCode;
  readonly frankel_post: FrankelGradeCode;
  readonly complication_hemorrhagic_shock: boolean;
  readonly complication_pulmonary_infection: boolean;
  readonly complication_wound_infection: boolean;
  readonly complication_csf_leak: boolean;
  readonly complication_hematoma: boolean;
  readonly neuro_progressed: boolean;
  readonly tumor_progressed: boolean;
  readonly operation_min: number;
  readonly blood_loss_ml: number;
  readonly drainage_ml: number;
  readonly length_of_stay_days: number;
  readonly vas_pre: number;
  readonly vas_1d: number | null;
  readonly vas_3d: number | null;
  readonly vas_7d: number | null;
  readonly vas_1m: number | null;
  readonly vas_3m: number | null;
  readonly vas_6m: number | null;
  readonly vas_last: number | null;
  readonly odi_pre: number;
  readonly odi_1m: number | null;
  readonly odi_3m: number | null;
  readonly odi_6m: number | null;
  readonly odi_last: number | null;
  readonly surgery_date: string;
  readonly last_visit_date: string | null;
  readonly last_contact_date: string;
  readonly died: boolean;
}

type FrankelGradeCode = "A" | "B" | "C" | "D" | "E";

/** A cell value of a validated row. */
export type CohortValue = string | number | boolean | null;

/**
 * A validated cohort: deeply frozen rows in file order, the codebook column order, and where each
 * row came from (1-based file line of the record, or null for rows built in memory).
 */
export interface Cohort {
  readonly rows: readonly CohortRow[];
  readonly columns: readonly string[];
  readonly lines: readonly (number | null)[];
  readonly source: string | null;
}

/** Result of validation in collect mode: every problem found, and the cohort when there were none. */
export interface CohortValidation {
  readonly ok: boolean;
  readonly cohort: Cohort | null;
  readonly errors: readonly import("../../lib/core/errors").InputError[];
}

/** Options of the validating loader. */
export interface CohortLoadOptions {
  /** false (default): throw the first InputError; true: return a {@link CohortValidation} with all of them. */
  readonly collect?: boolean;
  /** Label of the data source, kept on the cohort (a path, or "in memory"). */
  readonly source?: string;
}
