import type { Rng } from "../../../lib/core/rng";
import { chisqTest } from "../../../lib/hypothesis/chisq-test";
import type { FrankelGrade } from "../../study/study";
import { localSearch } from "../local-search";
import { pThresholdMiss } from "../printed-miss";
import type { StageContext } from "./context";

/**
 * Stage 6 of reconstructCohort — Frankel grades: the (before, after) pairs of Table 2, with the E→D cell
 * printed 1 resolved to 0, given to patients by a swap search so that neither grade differs by 1-year
 * outcome (chi-square p > 0.05). Records the residual "frankel" and one decision.
 */
export function frankelPairs(ctx: StageContext, died1y: readonly (0 | 1)[]): [FrankelGrade, FrankelGrade][] {
  const { rng, effort, T, residuals, decisions } = ctx;
  const pairs: [FrankelGrade, FrankelGrade][] = [];
  for (const [pre, row] of Object.entries(T.frankel) as [FrankelGrade, Record<FrankelGrade, number>][]) {
    for (const [post, count] of Object.entries(row) as [FrankelGrade, number][])
      for (let k = 0; k < count; k++) pairs.push([pre, post]);
  }
  decisions.push(
    "Table 2: the E→D cell printed 1 is set to 0 (row E then sums to 32 and column D to 13, matching both " +
      "margins and Table 3).",
  );
  const frankel = allocatePairs(pairs, died1y, rng, Math.round(3000 * effort));
  residuals.frankel = frankel.loss;
  return frankel.pairs;
}

/** Assigns Frankel (pre, post) pairs to patients so that neither grade differs by 1-year outcome (p > 0.05). */
function allocatePairs(
  pairs: [FrankelGrade, FrankelGrade][],
  died1y: readonly (0 | 1)[],
  rng: Rng,
  iterations: number,
) {
  const grades: FrankelGrade[] = ["A", "B", "C", "D", "E"];
  const table = (col: (number | FrankelGrade)[]): number[][] =>
    grades
      .map((g) => [0, 1].map((d) => col.filter((x, i) => x === g && died1y[i] === d).length))
      .filter((r) => r[0] + r[1] > 0);
  const r = localSearch({
    initial: [Int32Array.from(rng.shuffle(pairs.map((_, k) => k)))],
    objective: ([perm]) => {
      const pre = Array.from(perm, (k) => pairs[k][0]);
      const post = Array.from(perm, (k) => pairs[k][1]);
      return (
        pThresholdMiss(chisqTest(table(pre)).pValue ?? 0, "above", 0.05, 0.05) +
        pThresholdMiss(chisqTest(table(post)).pValue ?? 0, "above", 0.05, 0.05)
      );
    },
    moves: { swapBlocks: [0] },
    rng,
    maxIterations: iterations,
  });
  return { pairs: Array.from(r.state[0], (k) => pairs[k]), loss: r.loss };
}
