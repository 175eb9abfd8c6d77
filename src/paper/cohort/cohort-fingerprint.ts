import { createHash } from "node:crypto";
import { InputError } from "../../lib/core/errors";
import { cohortCodebook } from "./codebook";
import type { Cohort } from "./cohort-row";
import { canonicalCsv } from "./internal/canonical-csv";

/**
 * The content fingerprint of a validated cohort: SHA-256 (hex) of its rows written as canonical
 * cohort CSV (codebook column order, LF, shortest numbers — what {@link formatCohortCsv} writes).
 * Two files with the same patients in the same order have the same fingerprint whatever their line
 * ends, quoting, number format (57.50 vs 57.5) or column order; any changed cell changes it. The
 * reconstruction records the fingerprint of the cohort it writes, so "is this the synthetic cohort?"
 * is decided by content, never by file name.
 *
 * R equivalent: `digest::digest(write.csv(...), "sha256")`; SPSS: none. Cost: O(n · columns).
 *
 * @example
 * const cohort = loadCohort(SHIPPED_COHORT_PATH);
 * const rows = cohort.rows.map((r) => ({ ...r })); // plain records for validateCohortRows
 * cohortFingerprint(cohort) // "f6eec4641bf8…" (as data/cohort-fidelity.json records; `sha256sum data/cohort.csv`)
 * const changed = validateCohortRows([{ ...rows[0], age: rows[0].age + 1 }, ...rows.slice(1)]);
 * cohortFingerprint(changed) === cohortFingerprint(cohort) // false (one changed cell changes it)
 */
export function cohortFingerprint(cohort: Cohort): string {
  if (!cohort || !Array.isArray(cohort.rows))
    throw new InputError("must be a validated cohort", { field: "cohort", value: cohort });
  const text = canonicalCsv(
    cohort.rows as unknown as readonly Readonly<Record<string, string | number | boolean | null>>[],
    cohortCodebook().variables,
  );
  return createHash("sha256").update(text, "utf8").digest("hex");
}
