import { mannWhitneyTest } from "../../../lib/hypothesis/mann-whitney-test";
import { localSearch } from "../local-search";
import { pThresholdMiss } from "../printed-miss";
import { designSample } from "../sample-design";
import { range, type StageContext } from "./context";

/**
 * Stage 7 of reconstructCohort — age: values designed to meet the male and female means and SDs
 * (the overall 57.36 cannot be recombined from them), then swapped within each sex until age does not
 * differ by 1-year outcome (Mann–Whitney p comfortably above 0.05; the paper lists age as
 * non-significant). Records the residuals "age.male", "age.female" and "ageBalance", and one decision.
 */
export function agesBySex(
  ctx: StageContext,
  sex: readonly ("male" | "female")[],
  died1y: readonly (0 | 1)[],
): number[] {
  const { rng, effort, T, n, residuals, decisions } = ctx;
  const ages = new Array<number>(n);
  for (const [s, targets] of [
    ["male", T.ageMale],
    ["female", T.ageFemale],
  ] as const) {
    const idx = sex.flatMap((x, i) => (x === s ? [i] : []));
    const r = designSample({
      n: idx.length,
      grid: range(25, 85),
      targets,
      rng,
      maxIterations: Math.round(20000 * effort),
    });
    residuals[`age.${s}`] = r.loss;
    rng.shuffle(r.values).forEach((v, k) => {
      ages[idx[k]] = v;
    });
  }
  // Age must not differ by 1-year outcome (the paper lists it among the non-significant factors):
  // swap ages within a sex until the Mann–Whitney p is comfortably above 0.05.
  const sexBlocks = (["male", "female"] as const).map((s) => sex.flatMap((x, i) => (x === s ? [i] : [])));
  const ageSwap = localSearch({
    initial: sexBlocks.map((b) => Int32Array.from(b.keys())),
    objective: (perm) => {
      const a = new Array<number>(n);
      sexBlocks.forEach((b, k) => {
        b.forEach((i, j) => {
          a[i] = ages[b[perm[k][j]]];
        });
      });
      return pThresholdMiss(
        mannWhitneyTest(
          a.filter((_, i) => !died1y[i]),
          a.filter((_, i) => died1y[i]),
          { confInt: false },
        ).pValue ?? 0,
        "above",
        0.05,
        0.05,
      );
    },
    moves: { swapBlocks: [0, 1] },
    rng,
    maxIterations: Math.round(2000 * effort),
  });
  residuals.ageBalance = ageSwap.loss;
  const balanced = [...ages];
  sexBlocks.forEach((b, k) => {
    b.forEach((i, j) => {
      balanced[i] = ages[b[ageSwap.state[k][j]]];
    });
  });
  balanced.forEach((a, i) => {
    ages[i] = a;
  });
  decisions.push(
    "Age: the male (58.86 ± 10.19) and female (56.00 ± 10.54) summaries are met; they imply an overall mean of " +
      "57.51, not the printed 57.36.",
  );
  return ages;
}
