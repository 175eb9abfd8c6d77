import type { Rng } from "../../../lib/core/rng";
import type { BinaryFactor, BoneDestruction, Complication, OperationType, TumorType } from "../../study/study";
import { assignLevels, proportionalDeaths } from "../allocate";
import type { Pattern } from "../death-order";
import type { StageContext } from "./context";

/** Stage 5's result: every categorical variable, one value per patient. */
export interface CategoricalFactors {
  readonly factorValues: Record<BinaryFactor, boolean[]>;
  readonly tumorType: TumorType[];
  readonly bone: BoneDestruction[];
  readonly operation: OperationType[];
  readonly sex: ("male" | "female")[];
  readonly complications: Complication[][];
  /** Variables screened in §4.4 without published numbers. */
  readonly unpublishedFlags: {
    readonly multiSegment: boolean[];
    readonly preEndocrine: boolean[];
    readonly postEndocrine: boolean[];
    readonly tumorProgressed: boolean[];
  };
}

/** Counts of the variables the paper screened but did not report (illustrative, documented in the fidelity report). */
const UNPUBLISHED_COUNTS = { multiSegment: 24, preEndocrine: 2, postEndocrine: 3, tumorProgressed: 38 } as const;

/**
 * Stage 5 of reconstructCohort — categorical factors. Visceral metastases and postoperative BMA come from
 * stage 1's Cox patterns (Table 5's margins); the other factors, tumour type, bone destruction, operation
 * type, sex and complications get their published counts, split between the outcome groups
 * proportionally (chi-square p ≈ 1); the unpublished flags get fixed illustrative counts. Exactly
 * T.noSystemicAfter patients have no systemic therapy after surgery. Records three decisions.
 */
export function categoricalFactors(
  ctx: StageContext,
  patterns: readonly Pattern[],
  died1y: (0 | 1)[],
): CategoricalFactors {
  const { rng, T, n, decisions } = ctx;
  const factorValues: Record<BinaryFactor, boolean[]> = {} as Record<BinaryFactor, boolean[]>;
  factorValues.visceral = patterns.map((p) => (p & 1) === 1);
  factorValues.postBma = patterns.map((p) => (p & 2) === 2);
  for (const [factor, count] of Object.entries(T.binaryCounts) as [BinaryFactor, number][]) {
    if (factor === "visceral" || factor === "postBma") continue;
    const deaths = proportionalDeaths([count, n - count], T.deaths1y, n);
    factorValues[factor] = assignLevels([count, n - count], deaths, died1y, rng).map((l) => l === 0);
  }
  decisions.push(
    "Factors without published cross-tabulations are split between outcome groups proportionally (chi-square p ≈ 1).",
  );
  // Systemic therapy after surgery: the discussion says only 4 patients had none; enforce by re-drawing.
  ensureSystemicTherapy(factorValues, T.noSystemicAfter, rng, died1y);

  const level = <L extends string>(levels: readonly L[], counts: readonly number[]): L[] =>
    assignLevels(counts, proportionalDeaths(counts, T.deaths1y, n), died1y, rng).map((l) => levels[l]);
  const tumorType = level<TumorType>(["LUAD", "SCC", "SCLC", "LELC"], T.tumorCounts);
  const bone = level<BoneDestruction>(["osteolytic", "osteoblastic", "mixed"], T.boneCounts);
  const operation = level<OperationType>(["curettage", "pvp", "combined"], T.operationCounts);
  decisions.push(
    "Operation types follow §4.1 (8 / 29 / 18, sum 55); §2.2's 11 / 34 / 24 sum to 69 and cannot describe 55 patients.",
  );
  const sexIdx = assignLevels(
    [T.males, n - T.males],
    proportionalDeaths([T.males, n - T.males], T.deaths1y, n),
    died1y,
    rng,
  );
  const sex = sexIdx.map((l) => (l === 0 ? "male" : "female") as "male" | "female");

  // Complications: 9 patients, types 1 shock, 4 pulmonary + 1 wound infection, 1 CSF leak, 2 hematoma.
  const complicationTypes: Complication[] = [
    "hemorrhagic-shock",
    "pulmonary-infection",
    "pulmonary-infection",
    "pulmonary-infection",
    "pulmonary-infection",
    "wound-infection",
    "csf-leak",
    "hematoma",
    "hematoma",
  ];
  const hasComplication = assignLevels([9, n - 9], proportionalDeaths([9, n - 9], T.deaths1y, n), died1y, rng);
  const shuffledTypes = rng.shuffle([...complicationTypes]);
  let ct = 0;
  const complications = hasComplication.map((l): Complication[] => (l === 0 ? [shuffledTypes[ct++]] : []));

  // Variables screened in §4.4 without published numbers: fixed illustrative counts, no outcome link.
  const unpublishedFlag = (count: number): boolean[] =>
    assignLevels([count, n - count], proportionalDeaths([count, n - count], T.deaths1y, n), died1y, rng).map(
      (l) => l === 0,
    );
  const multiSegment = unpublishedFlag(UNPUBLISHED_COUNTS.multiSegment);
  const preEndocrine = unpublishedFlag(UNPUBLISHED_COUNTS.preEndocrine);
  const postEndocrine = unpublishedFlag(UNPUBLISHED_COUNTS.postEndocrine);
  const tumorProgressed = unpublishedFlag(UNPUBLISHED_COUNTS.tumorProgressed);
  decisions.push(
    `Unpublished variables (no numbers in the paper) are illustrative: multi-segment ` +
      `${UNPUBLISHED_COUNTS.multiSegment}, endocrine therapy before ${UNPUBLISHED_COUNTS.preEndocrine} / after ` +
      `${UNPUBLISHED_COUNTS.postEndocrine}, tumour progression ${UNPUBLISHED_COUNTS.tumorProgressed}; height, ` +
      `weight, BMI and VAS at 1/3/7 days drawn at random; all split evenly by 1-year outcome.`,
  );
  return {
    factorValues,
    tumorType,
    bone,
    operation,
    sex,
    complications,
    unpublishedFlags: { multiSegment, preEndocrine, postEndocrine, tumorProgressed },
  };
}

/** Re-draws post-operative therapies until exactly `noneCount` patients have none (keeps each count). */
function ensureSystemicTherapy(
  f: Record<BinaryFactor, boolean[]>,
  noneCount: number,
  rng: Rng,
  died1y: readonly (0 | 1)[],
): void {
  const keys = ["postChemo", "postRadio", "postTargeted", "postImmuno"] as const;
  const none = (): number[] => died1y.flatMap((_, i) => (keys.every((k) => !f[k][i]) ? [i] : []));
  for (let guard = 0; guard < 10000 && none().length !== noneCount; guard++) {
    // swap a therapy between a patient with none and one with several (same outcome group: keeps Table 5-style balance)
    const k = keys[rng.int(keys.length)];
    const i = rng.int(died1y.length);
    const j = rng.int(died1y.length);
    if (died1y[i] !== died1y[j] || f[k][i] === f[k][j]) continue;
    const before = none().length;
    [f[k][i], f[k][j]] = [f[k][j], f[k][i]];
    const after = none().length;
    if (Math.abs(after - noneCount) > Math.abs(before - noneCount)) [f[k][i], f[k][j]] = [f[k][j], f[k][i]];
  }
}
