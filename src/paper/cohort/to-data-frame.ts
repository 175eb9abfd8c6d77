import type { DataFrame } from "danfojs-node";
import { InputError } from "../../lib/core/errors";
import { cohortCodebook } from "./codebook";
import type { Cohort } from "./cohort-row";

/**
 * The validated cohort as a danfojs-node DataFrame for notebooks: one column per codebook
 * variable in codebook order; booleans as 0/1 integers (so a mean is a proportion), missing
 * values as NaN in numeric columns and null in text columns, dates as yyyy-mm-dd strings.
 * danfojs-node (which loads TensorFlow.js) is required only here, on first call, so the rest of
 * src/cohort stays fast to import.
 *
 * R equivalent: `data.frame(...)`; SPSS: the active dataset. Cost: O(n · columns) + danfo's load time on first call.
 *
 * @example
 * toDataFrame(loadCohort(resolveCohortPath({}).path)).shape // [55, 56]
 */
export function toDataFrame(cohort: Cohort): DataFrame {
  if (!cohort || !Array.isArray(cohort.rows) || !Array.isArray(cohort.columns)) {
    throw new InputError("must be a validated cohort (from loadCohort, parseCohortCsv or validateCohortRows)", {
      field: "cohort",
      value: cohort,
    });
  }
  // Required lazily: danfojs-node loads TensorFlow.js, which the rest of the project never needs.
  const danfo = require("danfojs-node") as typeof import("danfojs-node");
  const data: Record<string, (string | number | null)[]> = {};
  const types = new Map(cohortCodebook().variables.map((v) => [v.name, v.type]));
  for (const name of cohort.columns) {
    const values = cohort.rows.map((r) => (r as unknown as Record<string, string | number | boolean | null>)[name]);
    const numeric = ["integer", "number", "odi", "boolean"].includes(types.get(name) ?? "");
    data[name] = values.map((x) => (x === null ? (numeric ? NaN : null) : typeof x === "boolean" ? (x ? 1 : 0) : x));
  }
  return new danfo.DataFrame(data, { columns: [...cohort.columns] });
}
