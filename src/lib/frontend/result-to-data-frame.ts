import type { DataFrame } from "danfojs-node";
import type { SummarizableResult } from "./summary-tables";
import { tidy } from "./tidy";

/**
 * Any result as a danfojs DataFrame — the rows of {@link tidy} (one per coefficient, step, group or test), so a
 * data-frame user can filter, sort and plot them (`df.query(...)`, `df.sortValues(...)`). R's NA becomes NaN in
 * number columns and null in text columns, as danfojs expects. danfojs-node (which loads TensorFlow.js) is
 * required on the first call only. R: `broom::tidy(fit)` / `as.data.frame(summary(fit)$coefficients)`.
 * Cost: O(size of the result) plus danfojs's load time on the first call.
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * resultToDataFrame(coxph("Surv(time, status) ~ age + sex", lung)).columns
 * // ["term", "coef", "exp_coef", "se", "naive_se", "z", "p_value", "lower", "upper"]
 */
export function resultToDataFrame(result: SummarizableResult): DataFrame {
  const rows = tidy(result);
  // Required lazily: danfojs-node loads TensorFlow.js, which nothing else in the library needs.
  const danfo = require("danfojs-node") as typeof import("danfojs-node");
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const data: Record<string, (number | string | null)[]> = {};
  for (const c of columns) {
    const values = rows.map((r) => r[c] ?? null);
    const numeric = values.every((v) => v === null || typeof v === "number");
    data[c] = numeric ? values.map((v) => (v === null ? NaN : v)) : values;
  }
  return new danfo.DataFrame(data, { columns });
}
