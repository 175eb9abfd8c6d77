import type { Rng } from "../../../lib/core/rng";
import { mannWhitneyTest } from "../../../lib/hypothesis/mann-whitney-test";
import type { OperationType } from "../../study/study";
import { designSample } from "../sample-design";
import type { StageContext } from "./context";

/** Stage 8's result: operation time, blood loss, drainage and length of stay per patient. */
export type PerioperativeValues = Record<
  "operationMinutes" | "bloodLossMl" | "drainageMl" | "lengthOfStayDays",
  number[]
>;

/**
 * Stage 8 of reconstructCohort — perioperative variables: values designed to print the published
 * quartiles, then given to patients by operation type (percutaneous vertebroplasty gets no drain and
 * the smallest values) and balanced between outcome groups. Records one residual per variable
 * ("perioperative.<name>").
 */
export function perioperativeValues(
  ctx: StageContext,
  operation: OperationType[],
  died1y: readonly (0 | 1)[],
): PerioperativeValues {
  const { rng, effort, T, n, residuals } = ctx;
  const perioperative = {} as PerioperativeValues;
  for (const [key, spec] of Object.entries(T.perioperative) as [
    keyof typeof perioperative,
    (typeof T.perioperative)[keyof typeof perioperative],
  ][]) {
    const r = designSample({
      n,
      grid: spec.grid,
      targets: spec.targets,
      rng,
      maxIterations: Math.round(20000 * effort),
    });
    residuals[`perioperative.${key}`] = r.loss;
    perioperative[key] = assignByOperation(r.values, operation, key === "lengthOfStayDays", died1y, rng);
  }
  return perioperative;
}

/**
 * Gives the designed values to patients: percutaneous vertebroplasty (no drain, short operation,
 * little bleeding) gets the smallest values, curettage the largest, then a swap search keeps the
 * 1-year outcome groups alike (Mann–Whitney p > 0.05). Length of stay is not tied to operation type.
 */
function assignByOperation(
  values: number[],
  operation: OperationType[],
  free: boolean,
  died1y: readonly (0 | 1)[],
  rng: Rng,
): number[] {
  const rank = { pvp: 0, combined: 1, curettage: 2 } as const;
  const byOp = operation
    .map((o, i) => ({ i, r: free ? 0 : rank[o], u: rng.next() }))
    .sort((a, b) => a.r - b.r || a.u - b.u);
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Array<number>(values.length);
  byOp.forEach(({ i }, k) => {
    out[i] = sorted[k];
  });
  // Swaps within the same operation type keep the link; they only balance outcome groups.
  const groups = (["pvp", "combined", "curettage"] as const).map((o) =>
    operation.flatMap((x, i) => (x === o ? [i] : [])),
  );
  for (let it = 0; it < 400; it++) {
    const s = out.filter((_, i) => died1y[i] === 0);
    const d = out.filter((_, i) => died1y[i] === 1);
    if ((mannWhitneyTest(s, d, { confInt: false }).pValue ?? 0) > 0.2) break;
    const g = groups[rng.int(3)];
    if (g.length < 2) continue;
    const a = g[rng.int(g.length)];
    const b = g[rng.int(g.length)];
    [out[a], out[b]] = [out[b], out[a]];
  }
  return out;
}
