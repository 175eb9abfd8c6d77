import type { ScreenMultiplicityResult } from "../../lib/hypothesis/screen-multiplicity";

/**
 * {@link screenMultiplicity} as flat table rows: the printed p and the best-case adjusted p per method,
 * with "survives" yes/no at the screen's alpha. Cost: O(rows × methods).
 *
 * @example screenMultiplicityRows(result)[0]["holm ≥"] // 0.798 for the paper's ODI finding
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
