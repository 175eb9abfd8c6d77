import type { BinaryFactor, FrankelGrade, Visit } from "../../study/study";
import type { SurvivalEvaluators, SyntheticPatient } from "../reconstruct-cohort";
import type { ScoreColumns } from "../scores";
import type { CategoricalFactors } from "./categorical-factors";
import { DAY_MS, type SurvivalDays } from "./context";
import type { PerioperativeValues } from "./perioperative-values";
import type { BodySize, EarlyVas } from "./unpublished-continuous";

/** Everything the stages produced, one value per patient (in the stages' patient order). */
export interface ReconstructedParts {
  readonly survival: SurvivalDays;
  readonly surgeryMs: readonly number[];
  readonly categorical: CategoricalFactors;
  readonly frankel: readonly [FrankelGrade, FrankelGrade][];
  readonly ages: readonly number[];
  readonly perioperative: PerioperativeValues;
  readonly scores: ScoreColumns;
  readonly body: readonly BodySize[];
  readonly early: readonly EarlyVas[];
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Last step of reconstructCohort: one SyntheticPatient per patient from the stages' columns, with
 * months from days by the evaluators' rule, then rows in order of surgery date with ids SYN01..SYN55
 * (so row order carries no outcome information).
 */
export function assemblePatients(ev: SurvivalEvaluators, parts: ReconstructedParts): SyntheticPatient[] {
  const { survival, surgeryMs, categorical, frankel, ages, perioperative, scores, body, early } = parts;
  const { survivalDays, died } = survival;
  const { factorValues, sex, tumorType, bone, operation, complications, unpublishedFlags } = categorical;
  const { multiSegment, preEndocrine, postEndocrine, tumorProgressed } = unpublishedFlags;
  const patients: SyntheticPatient[] = [];
  for (let i = 0; i < survivalDays.length; i++) {
    const factors = {} as Record<BinaryFactor, boolean>;
    for (const f of Object.keys(factorValues) as BinaryFactor[]) factors[f] = factorValues[f][i];
    const visits = <K extends "vas" | "odi">(k: K) =>
      Object.fromEntries((["pre", "1m", "3m", "6m", "last"] as const).map((v) => [v, scores[k][v][i]])) as Record<
        Visit,
        number | null
      >;
    patients.push({
      id: "",
      sex: sex[i],
      age: ages[i],
      tumorType: tumorType[i],
      boneDestruction: bone[i],
      operation: operation[i],
      factors,
      complications: complications[i],
      unpublished: {
        multiSegment: multiSegment[i],
        preEndocrine: preEndocrine[i],
        postEndocrine: postEndocrine[i],
        tumorProgressed: tumorProgressed[i],
        ...body[i],
        ...early[i],
      },
      frankelPre: frankel[i][0],
      frankelPost: frankel[i][1],
      vas: visits("vas"),
      odi: visits("odi"),
      operationMinutes: perioperative.operationMinutes[i],
      bloodLossMl: perioperative.bloodLossMl[i],
      drainageMl: perioperative.drainageMl[i],
      lengthOfStayDays: perioperative.lengthOfStayDays[i],
      survivalMonths: ev.daysToMonths(survivalDays[i]),
      died: died[i],
      surgeryDate: isoDate(surgeryMs[i]),
      endDate: isoDate(surgeryMs[i] + survivalDays[i] * DAY_MS),
      survivalDays: survivalDays[i],
    });
  }
  // Rows in order of surgery date, ids SYN01..SYN55 (so row order carries no outcome information).
  return patients
    .map((p, i) => ({ p, key: `${p.surgeryDate}-${String(i).padStart(2, "0")}` }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ p }, k) => ({ ...p, id: `SYN${String(k + 1).padStart(2, "0")}` }));
}
