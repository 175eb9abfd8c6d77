import { InputError } from "../core/errors";
import { BINARY_FACTORS, COMPLICATION_COLUMNS, DAYS_PER_MONTH, FACTOR_COLUMNS, VISITS, type BinaryFactor, type Complication, type FrankelGrade, type Study, type StudyPatient } from "./study";

const DAY_MS = 86_400_000;

/**
 * Builds the {@link Study} the reproduction functions read from flat records with the cohort CSV's
 * columns (as written by the reconstruction; header row already split into objects). Survival
 * months = (last contact − surgery) days / (365.25/12), as the codebook. Every cell is validated: a bad one throws an
 * InputError naming the column, the 1-based data line and the value.
 *
 * Cost: O(n · columns).
 *
 * @example
 * studyFromRows(rows, { synthetic: true, source: "data/cohort.csv" }).patients.length // 55
 */
export function studyFromRows(rows: readonly Readonly<Record<string, string>>[], meta: { synthetic: boolean; source: string }): Study {
  const patients = rows.map((r, k): StudyPatient => {
    const line = k + 2; // header is line 1
    const cell = (col: string): string => {
      const v = r[col];
      if (v === undefined) throw new InputError("column missing", { field: col, line, value: v });
      return v;
    };
    const num = (col: string, lo: number, hi: number): number => {
      const x = Number(cell(col));
      if (cell(col) === "" || !Number.isFinite(x) || x < lo || x > hi) throw new InputError(`must be a number in [${lo}, ${hi}]`, { field: col, line, value: cell(col) });
      return x;
    };
    const optional = (col: string, lo: number, hi: number): number | null => (cell(col) === "" ? null : num(col, lo, hi));
    const oneOf = <T extends string>(col: string, allowed: readonly T[]): T => {
      const v = cell(col) as T;
      if (!allowed.includes(v)) throw new InputError(`must be one of ${allowed.join(", ")}`, { field: col, line, value: v });
      return v;
    };
    const flag = (col: string): boolean => oneOf(col, ["0", "1"] as const) === "1";
    const date = (col: string): number => {
      const v = cell(col);
      const ms = Date.parse(`${v}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(ms)) throw new InputError("must be a date YYYY-MM-DD", { field: col, line, value: v });
      return ms;
    };
    const days = (date("last_contact_date") - date("surgery_date")) / DAY_MS;
    if (days <= 0) throw new InputError("must be after surgery_date", { field: "last_contact_date", line, value: cell("last_contact_date") });
    const factors = Object.fromEntries(BINARY_FACTORS.map((f) => [f, flag(FACTOR_COLUMNS[f])])) as Record<BinaryFactor, boolean>;
    const complications = (Object.entries(COMPLICATION_COLUMNS) as [Complication, string][]).filter(([, col]) => flag(col)).map(([c]) => c);
    const optionalFlag = (col: string): boolean => (r[col] === undefined ? false : flag(col));
    const grades = ["A", "B", "C", "D", "E"] as const;
    return {
      id: cell("patient_id"),
      sex: oneOf("sex", ["male", "female"] as const),
      age: num("age", 18, 120),
      tumorType: oneOf("tumor_type", ["LUAD", "SCC", "SCLC", "LELC"] as const),
      boneDestruction: oneOf("bone_destruction", ["osteolytic", "osteoblastic", "mixed"] as const),
      operation: oneOf("operation_type", ["curettage", "pvp", "combined"] as const),
      factors,
      complications,
      unpublished: {
        multiSegment: optionalFlag("multi_segment"),
        preEndocrine: optionalFlag("pre_endocrine"),
        postEndocrine: optionalFlag("post_endocrine"),
        tumorProgressed: optionalFlag("tumor_progressed"),
        heightCm: r.height_cm === undefined ? null : optional("height_cm", 100, 230),
        weightKg: r.weight_kg === undefined ? null : optional("weight_kg", 25, 250),
        bmi: r.bmi === undefined ? null : optional("bmi", 10, 70),
        vas1d: r.vas_1d === undefined ? null : optional("vas_1d", 0, 10),
        vas3d: r.vas_3d === undefined ? null : optional("vas_3d", 0, 10),
        vas7d: r.vas_7d === undefined ? null : optional("vas_7d", 0, 10),
      },
      frankelPre: oneOf<FrankelGrade>("frankel_pre", grades),
      frankelPost: oneOf<FrankelGrade>("frankel_post", grades),
      vas: Object.fromEntries(VISITS.map((v) => [v, optional(`vas_${v}`, 0, 10)])) as StudyPatient["vas"],
      odi: Object.fromEntries(VISITS.map((v) => [v, optional(`odi_${v}`, 0, 100)])) as StudyPatient["odi"],
      operationMinutes: num("operation_min", 0, 1440),
      bloodLossMl: num("blood_loss_ml", 0, 20000),
      drainageMl: num("drainage_ml", 0, 20000),
      lengthOfStayDays: num("length_of_stay_days", 0, 365),
      survivalMonths: days / DAYS_PER_MONTH,
      died: flag("died") ? 1 : 0,
    };
  });
  return { patients, synthetic: meta.synthetic, source: meta.source };
}
