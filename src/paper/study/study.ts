/**
 * The patient rows the reproduction functions read: one plain record per patient with the
 * variables the paper analyses, in the paper's terms. Built from a codebook-validated cohort by
 * {@link studyFromCohort} (or directly by the reconstruction).
 */
export type FrankelGrade = "A" | "B" | "C" | "D" | "E";
export type TumorType = "LUAD" | "SCC" | "SCLC" | "LELC";
export type BoneDestruction = "osteolytic" | "osteoblastic" | "mixed";
export type OperationType = "curettage" | "pvp" | "combined";
export type Complication = "hemorrhagic-shock" | "pulmonary-infection" | "wound-infection" | "csf-leak" | "hematoma";

/** Complication → its codebook column (0/1). */
export const COMPLICATION_COLUMNS: Readonly<Record<Complication, string>> = {
  "hemorrhagic-shock": "complication_hemorrhagic_shock",
  "pulmonary-infection": "complication_pulmonary_infection",
  "wound-infection": "complication_wound_infection",
  "csf-leak": "complication_csf_leak",
  hematoma: "complication_hematoma",
};

/** Visits of Table 1 in order. */
export const VISITS = ["pre", "1m", "3m", "6m", "last"] as const;
export type Visit = (typeof VISITS)[number];

/** Binary factors of §4.1 / the univariate screen of §4.4, in the paper's order. */
export const BINARY_FACTORS = [
  "extraspinal",
  "visceral",
  "fracture",
  "preChemo",
  "preRadio",
  "preTargeted",
  "preImmuno",
  "preBma",
  "postChemo",
  "postRadio",
  "postTargeted",
  "postImmuno",
  "postBma",
  "emergency",
  "neuroProgressed",
] as const;
export type BinaryFactor = (typeof BINARY_FACTORS)[number];

/** CSV column of each binary factor (0/1). */
export const FACTOR_COLUMNS: Record<BinaryFactor, string> = {
  extraspinal: "extraspinal_bone_mets",
  visceral: "visceral_mets",
  fracture: "pathological_fracture",
  preChemo: "pre_chemo",
  preRadio: "pre_radio",
  preTargeted: "pre_targeted",
  preImmuno: "pre_immuno",
  preBma: "pre_bma",
  postChemo: "post_chemo",
  postRadio: "post_radio",
  postTargeted: "post_targeted",
  postImmuno: "post_immuno",
  postBma: "post_bma",
  emergency: "emergency",
  neuroProgressed: "neuro_progressed",
};

export interface UnpublishedVariables {
  readonly multiSegment: boolean;
  readonly preEndocrine: boolean;
  readonly postEndocrine: boolean;
  readonly tumorProgressed: boolean;
  readonly heightCm: number | null;
  readonly weightKg: number | null;
  readonly bmi: number | null;
  readonly vas1d: number | null;
  readonly vas3d: number | null;
  readonly vas7d: number | null;
}

export interface StudyPatient {
  readonly id: string;
  readonly sex: "male" | "female";
  readonly age: number;
  readonly tumorType: TumorType;
  readonly boneDestruction: BoneDestruction;
  readonly operation: OperationType;
  readonly factors: Readonly<Record<BinaryFactor, boolean>>;
  /** Postoperative complications (a patient may have several; none = []). */
  readonly complications: readonly Complication[];
  /** Variables the paper screened but published no numbers for (§4.4's non-significant list). */
  readonly unpublished: UnpublishedVariables;
  readonly frankelPre: FrankelGrade;
  readonly frankelPost: FrankelGrade;
  /** VAS (0–10) and ODI (0–100) by visit; null = not measured (e.g. the patient had died). */
  readonly vas: Readonly<Record<Visit, number | null>>;
  readonly odi: Readonly<Record<Visit, number | null>>;
  readonly operationMinutes: number;
  readonly bloodLossMl: number;
  readonly drainageMl: number;
  readonly lengthOfStayDays: number;
  /** Months from the (first) operation to death or last follow-up. */
  readonly survivalMonths: number;
  /** 1 = tumour-specific death observed, 0 = censored. */
  readonly died: 0 | 1;
}

/** A study: the patients plus whether the rows are synthetic (shown on every output). */
export interface Study {
  readonly patients: readonly StudyPatient[];
  readonly synthetic: boolean;
  readonly source: string;
}

/** The paper's one-year horizon, months. */
export const ONE_YEAR_MONTHS = 12;

/** 1 when the patient died within the first year (the paper's "Mortality" group), else 0. */
export function diedWithinYear(p: StudyPatient): 0 | 1 {
  return p.died === 1 && p.survivalMonths <= ONE_YEAR_MONTHS ? 1 : 0;
}
