import { deepFreeze } from "../../lib/core/freeze";
import { formatMeanSd } from "../../lib/hypothesis/format-mean-sd";
import { formatMedianIqr } from "../../lib/hypothesis/format-median-iqr";
import { formatNPercent } from "../../lib/hypothesis/format-n-percent";
import { meanSd } from "../../lib/hypothesis/mean-sd";
import { medianIqr } from "../../lib/hypothesis/median-iqr";
import { BINARY_FACTORS, type BinaryFactor, type Study, type StudyPatient } from "../study/study";

/** A type alias (not an interface) so rows pass straight to htmlTable / showTable. */
export type CharacteristicRow = {
  readonly characteristic: string;
  readonly value: string;
};

const FACTOR_LABELS: Record<BinaryFactor, string> = {
  extraspinal: "Extraspinal bone metastases",
  visceral: "Visceral metastases",
  fracture: "Pathological vertebral fracture",
  preChemo: "Preoperative chemotherapy",
  preRadio: "Preoperative radiotherapy",
  preTargeted: "Preoperative targeted therapy",
  preImmuno: "Preoperative immunotherapy",
  preBma: "Preoperative bone-modifying agent",
  postChemo: "Postoperative chemotherapy",
  postRadio: "Postoperative radiotherapy",
  postTargeted: "Postoperative targeted therapy",
  postImmuno: "Postoperative immunotherapy",
  postBma: "Postoperative bone-modifying agent",
  emergency: "Emergency operation",
  neuroProgressed: "Neurological function progressed at follow-up",
};

/**
 * The cohort's characteristics in the paper's format (§4.1): n (%) with two decimals for categories
 * and yes/no factors, mean ± SD for age (overall and by sex), median (P25, P75) with SPSS quartiles for
 * operation time, blood loss, drainage and length of stay. Cost: O(n × rows).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * characteristicsTable(study)[0] // { characteristic: "Patients", value: "55" }
 */
export function characteristicsTable(study: Study): readonly CharacteristicRow[] {
  const pts = study.patients;
  const n = pts.length;
  const count = (pred: (p: StudyPatient) => boolean): string => formatNPercent(pts.filter(pred).length, n);
  const age = (sex?: "male" | "female"): string => {
    const ages = pts.filter((p) => sex === undefined || p.sex === sex).map((p) => p.age);
    return ages.length >= 2 ? formatMeanSd(meanSd(ages)) : "—";
  };
  const rows: CharacteristicRow[] = [
    { characteristic: "Patients", value: String(n) },
    ...(["LUAD", "SCC", "SCLC", "LELC"] as const).map((t) => ({
      characteristic: `Histology: ${t}`,
      value: count((p) => p.tumorType === t),
    })),
    { characteristic: "Male", value: count((p) => p.sex === "male") },
    { characteristic: "Female", value: count((p) => p.sex === "female") },
    { characteristic: "Age, years (mean ± SD)", value: age() },
    { characteristic: "Age, males", value: age("male") },
    { characteristic: "Age, females", value: age("female") },
    ...(["osteolytic", "osteoblastic", "mixed"] as const).map((b) => ({
      characteristic: `Bone destruction: ${b}`,
      value: count((p) => p.boneDestruction === b),
    })),
    ...(
      [
        ["curettage", "Curettage and decompression with fixation"],
        ["pvp", "Percutaneous vertebroplasty"],
        ["combined", "Both"],
      ] as const
    ).map(([o, label]) => ({ characteristic: `Operation: ${label}`, value: count((p) => p.operation === o) })),
    ...BINARY_FACTORS.map((f) => ({ characteristic: FACTOR_LABELS[f], value: count((p) => p.factors[f]) })),
    {
      characteristic: "Abnormal neurological function before surgery (Frankel A–D)",
      value: count((p) => p.frankelPre !== "E"),
    },
    { characteristic: "Abnormal neurological function after surgery", value: count((p) => p.frankelPost !== "E") },
    { characteristic: "Postoperative complications (any)", value: count((p) => p.complications.length > 0) },
    { characteristic: "Operation time, min", value: formatMedianIqr(medianIqr(pts.map((p) => p.operationMinutes))) },
    { characteristic: "Blood loss, mL", value: formatMedianIqr(medianIqr(pts.map((p) => p.bloodLossMl))) },
    { characteristic: "Postoperative drainage, mL", value: formatMedianIqr(medianIqr(pts.map((p) => p.drainageMl))) },
    { characteristic: "Length of stay, days", value: formatMedianIqr(medianIqr(pts.map((p) => p.lengthOfStayDays))) },
  ];
  return deepFreeze(rows);
}
