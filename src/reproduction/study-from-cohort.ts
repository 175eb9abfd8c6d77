import { studyFromRows } from "./study-from-rows";
import type { Study } from "./study";

/**
 * The {@link Study} of a codebook-validated cohort (src/cohort's loader: typed rows with booleans,
 * numbers, ISO dates and null for missing): the reproduction functions' input for a user's own CSV
 * or the shipped synthetic one. Cells go back to their CSV text and through {@link studyFromRows},
 * so both paths derive survival months and outcome groups identically.
 *
 * Cost: O(n · columns).
 *
 * @example
 * studyFromCohort(loadCohort("data/cohort.csv"), { synthetic: true }).patients.length // 55
 */
export function studyFromCohort(cohort: { readonly rows: readonly object[]; readonly source: string | null }, meta: { synthetic: boolean }): Study {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  const rows = cohort.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v)])));
  return studyFromRows(rows, { synthetic: meta.synthetic, source: cohort.source ?? "in memory" });
}
