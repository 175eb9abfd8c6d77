import { deepFreeze } from "../../lib/core/freeze";
import type { FrankelGrade, Study } from "../study/study";

const GRADES: readonly FrankelGrade[] = ["A", "B", "C", "D", "E"];

/**
 * Frankel grade before × after surgery for a study: the 5×5 table of Table 2 (rows before A–E,
 * columns after A–E), its 2×2 collapse to abnormal (A–D) / normal (E) of Table 3, and the paired
 * grade numbers (A = 1 … E = 5) for sign and signed-rank tests. Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * frankelCrosstab(study).table3 // [[15, 8], [2, 30]]
 */
export function frankelCrosstab(study: Study): {
  grades: readonly FrankelGrade[];
  table2: readonly (readonly number[])[];
  table3: readonly (readonly number[])[];
  before: readonly number[];
  after: readonly number[];
} {
  const table2 = GRADES.map(() => GRADES.map(() => 0));
  for (const p of study.patients) table2[GRADES.indexOf(p.frankelPre)][GRADES.indexOf(p.frankelPost)]++;
  const abnormal = (g: FrankelGrade): boolean => g !== "E";
  const table3 = [true, false].map((pre) =>
    [true, false].map(
      (post) => study.patients.filter((p) => abnormal(p.frankelPre) === pre && abnormal(p.frankelPost) === post).length,
    ),
  );
  return deepFreeze({
    grades: GRADES,
    table2,
    table3,
    before: study.patients.map((p) => GRADES.indexOf(p.frankelPre) + 1),
    after: study.patients.map((p) => GRADES.indexOf(p.frankelPost) + 1),
  });
}
