import type { Rng } from "../../../lib/core/rng";
import { mannWhitneyTest } from "../../../lib/hypothesis/mann-whitney-test";
import type { ScoreColumns } from "../scores";
import { localSearch } from "../local-search";
import { pThresholdMiss } from "../printed-miss";
import type { StageContext } from "./context";

/** Height, weight and BMI of one patient. */
export type BodySize = { heightCm: number; weightKg: number; bmi: number };
/** VAS 1, 3 and 7 days after surgery of one patient. */
export type EarlyVas = { vas1d: number; vas3d: number; vas7d: number };

/**
 * Stage 10 of reconstructCohort — unpublished continuous variables (BMI, VAS at 1/3/7 days): drawn at
 * random, then permuted (body size within sex, VAS drops across patients) until none differs by 1-year
 * outcome (the paper lists them as non-significant). Records the residual "unpublishedBalance".
 */
export function unpublishedContinuous(
  ctx: StageContext,
  sex: readonly ("male" | "female")[],
  scores: ScoreColumns,
  died1y: readonly (0 | 1)[],
): { body: BodySize[]; early: EarlyVas[] } {
  const { rng, effort, n, residuals } = ctx;
  const bodyDraws = sex.map((x) => bodySize(x, rng));
  const dropDraws = sex.map(() => earlyVasDrops(rng));
  const sexIdx2 = (["male", "female"] as const).map((x) => sex.flatMap((y, i) => (y === x ? [i] : [])));
  const arrange = (perm: Int32Array[]) => {
    const b = new Array<BodySize>(n);
    sexIdx2.forEach((idx, k) => {
      idx.forEach((i, j) => {
        b[i] = bodyDraws[idx[perm[k][j]]];
      });
    });
    const e = sex.map((_, i) => earlyVas(scores.vas.pre[i]!, dropDraws[perm[2][i]]));
    return { b, e };
  };
  const balanceP = (x: number[]): number =>
    mannWhitneyTest(
      x.filter((_, i) => !died1y[i]),
      x.filter((_, i) => died1y[i]),
      { confInt: false },
    ).pValue ?? 0;
  const unpublishedBalance = localSearch({
    initial: [
      Int32Array.from(sexIdx2[0].keys()),
      Int32Array.from(sexIdx2[1].keys()),
      Int32Array.from({ length: n }, (_, i) => i),
    ],
    objective: (perm) => {
      const { b, e } = arrange(perm);
      return [b.map((x) => x.bmi), e.map((x) => x.vas1d), e.map((x) => x.vas3d), e.map((x) => x.vas7d)].reduce(
        (sum, x) => sum + pThresholdMiss(balanceP(x), "above", 0.05, 0.05),
        0,
      );
    },
    moves: { swapBlocks: [0, 1, 2] },
    rng,
    maxIterations: Math.round(2000 * effort),
  });
  residuals.unpublishedBalance = unpublishedBalance.loss;
  const { b: body, e: early } = arrange(unpublishedBalance.state);
  return { body, early };
}

/** Height (cm, 1 decimal), weight (kg, 1 decimal) and BMI computed from them (2 decimals). */
function bodySize(sex: "male" | "female", rng: Rng): BodySize {
  const heightCm = Math.round((sex === "male" ? 160 : 150) * 10 + rng.int(200)) / 10;
  const weightKg = Math.round((sex === "male" ? 50 : 42) * 10 + rng.int(250)) / 10;
  return { heightCm, weightKg, bmi: Math.round((weightKg / (heightCm / 100) ** 2) * 100) / 100 };
}

/** Random drops of the VAS from before surgery to 1 day, 1 → 3 days and 3 → 7 days. */
function earlyVasDrops(rng: Rng): [number, number, number] {
  return [1 + rng.int(3), rng.int(2), rng.int(2)];
}

/** VAS 1, 3 and 7 days after surgery: non-increasing from the preoperative score by the given drops. */
function earlyVas(pre: number, [d1, d3, d7]: readonly [number, number, number]): EarlyVas {
  const vas1d = Math.max(0, pre - d1);
  const vas3d = Math.max(0, vas1d - d3);
  const vas7d = Math.max(0, vas3d - d7);
  return { vas1d, vas3d, vas7d };
}
