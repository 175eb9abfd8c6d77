import type { ScreenMultiplicityResult } from "../../lib/hypothesis/screen-multiplicity";

/**
 * {@link screenMultiplicity} as flat table rows: the printed p and the best-case adjusted p per method,
 * with "survives" yes/no at the screen's alpha. Cost: O(rows × methods).
 *
 * @example
 * const reported = [{ label: "ODI 1 m", p: 0.019 }, { label: "visceral", p: 0.023 }, { label: "BMA", p: 0.013 }];
 * const result = screenMultiplicity(reported, { tests: 43, unreportedAbove: 0.05 });
 * screenMultiplicityRows(result)[0]["holm ≥"] // 0.798 (the paper's ODI finding)
 */
export function screenMultiplicityRows(result: ScreenMultiplicityResult): readonly Record<string, string | number>[] {
  return Object.freeze(
    result.rows.map((row) => {
      const out: Record<string, string | number> = { factor: row.label, "printed p": row.p };
      for (const [method, value] of Object.entries(row.adjusted)) out[`${method} ≥`] = value;
      out[`survives any at α = ${result.alpha}`] = Object.values(row.canSurvive).some(Boolean) ? "yes" : "no";
      return Object.freeze(out);
    }),
  );
}
