import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { Surv } from "../survival/surv";
import { landmarkAnalysis, type LandmarkOptions, type LandmarkResult } from "./landmark-analysis";

/**
 * {@link landmarkAnalysis} at several landmarks, in the order given: how the treatment comparison changes as
 * the landmark moves (an early landmark misclassifies late starters as untreated; a late one loses the early
 * deaths). Cost: one landmark analysis per landmark.
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * landmarkAnalyses(y, [null, 2, 4, null, null, 1], [1, 3]).map((r) => r.n) // [6, 5]
 */
export function landmarkAnalyses(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  landmarks: readonly number[],
  options: LandmarkOptions = {},
): readonly LandmarkResult[] {
  checkOptions(options);
  if (!Array.isArray(landmarks))
    throw new InputError("must be an array of times", { field: "landmarks", value: landmarks });
  return Object.freeze(landmarks.map((l) => landmarkAnalysis(y, treatmentTime, l, options)));
}
