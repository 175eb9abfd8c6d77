import { defineExercise, type Exercise } from "../../lib/teaching/define-exercise";
import { BY_HAND_EXERCISES } from "./internal/exercises-by-hand";
import { ELSEWHERE_EXERCISES } from "./internal/exercises-elsewhere";

let all: readonly Exercise[] | null = null;

/**
 * Every exercise of the notebooks, in order of id: the toy cohort's (notebook 10: 1–9), Table 3's paired design
 * (notebook 03: 10) and the public-data case studies (notebook 08: 11–12). Each answer is computed by the library
 * when first checked, never typed in. Cost: nothing until an exercise is checked.
 *
 * @example
 * exercises().map((e) => e.notebook) // ["10-survival-by-hand.ipynb", …]
 */
export function exercises(): readonly Exercise[] {
  all ??= Object.freeze([...BY_HAND_EXERCISES, ...ELSEWHERE_EXERCISES].map(defineExercise).sort((a, b) => a.id - b.id));
  return all;
}
