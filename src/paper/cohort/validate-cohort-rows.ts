import { InputError } from "../../lib/core/errors";
import { cohortCodebook } from "./codebook";
import type { Cohort, CohortLoadOptions, CohortRow, CohortValidation, CohortValue } from "./cohort-row";
import { errorAt } from "./internal/rules";
import { runValidation, validatePending, type PendingRow } from "./internal/validate";

/**
 * A patient row as {@link validateCohortRows} and formatCohortCsv take it: a loaded row (an edited copy of
 * one, `{ ...row, age: 70 }`), or any object keyed by codebook column (parsed JSON, a data frame's records).
 */
export type CohortRowInput = CohortRow | Readonly<Record<string, unknown>>;

/**
 * Validates patient rows built in memory (e.g. by the reconstruction) with exactly the rules the
 * CSV loader applies: every codebook column present and no other key, typed values (numbers,
 * booleans, category strings, yyyy-mm-dd strings, null = missing), ranges, decimals, attainable
 * ODI, date order, no score after the end of follow-up, BMI vs height/weight, unique patient_id.
 * Errors name the 0-based row index, the column and the value: `vas_6m[3] = 4: ...`.
 *
 * Reference: data/codebook.json (Li, Zheng et al. 2026, §2.3, §4). R/SPSS equivalent: none
 * (a validation in the spirit of R's `validate` package; SPSS has no equivalent).
 * Cost: O(n · columns).
 *
 * @example
 * const rows = loadCohort(resolveCohortPath({}).path).rows;
 * validateCohortRows(rows).rows.length // 55
 * validateCohortRows([{ ...rows[0], age: -1 }], { collect: true }).errors.map((e) => e.field) // ["age"]
 * validateCohortRows([{ ...rows[0], age: -1 }]) // throws InputError "age"
 */
export function validateCohortRows(
  rows: readonly CohortRowInput[],
  options?: CohortLoadOptions & { collect?: false },
): Cohort;
export function validateCohortRows(
  rows: readonly CohortRowInput[],
  options: CohortLoadOptions & { collect: true },
): CohortValidation;
export function validateCohortRows(
  rows: readonly CohortRowInput[],
  options: CohortLoadOptions = {},
): Cohort | CohortValidation {
  if (!Array.isArray(rows)) throw new InputError("must be an array of row objects", { field: "rows", value: rows });
  const cb = cohortCodebook();
  const known = new Set(cb.variables.map((v) => v.name));
  return runValidation(options, (report) => {
    const pending: PendingRow[] = rows.map((input, index) => {
      const row = input as Readonly<Record<string, unknown>>;
      const pos = { line: null, index };
      let priorErrors = 0;
      const values: Record<string, CohortValue | undefined> = {};
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        report(errorAt(pos, "row", "must be an object with one key per codebook column", row));
        return { values, shown: () => undefined, pos, priorErrors: 1 };
      }
      for (const key of Object.keys(row)) {
        if (!known.has(key)) {
          priorErrors++;
          report(errorAt(pos, key, "unknown column (not in the codebook)", row[key]));
        }
      }
      for (const v of cb.variables) {
        const value = row[v.name];
        if (value === undefined) {
          priorErrors++;
          report(errorAt(pos, v.name, "column missing (use null for a missing value)", value, false));
        } else values[v.name] = value as CohortValue;
      }
      return { values, shown: (name: string) => row[name], pos, priorErrors };
    });
    return validatePending(pending, cb, options.source ?? "in memory", report);
  });
}
