import type { InputError } from "../../lib/core/errors";
import { htmlTable } from "../../lib/core/html";

/**
 * HTML table of the problems found by the loader in collect mode (line or row, column, value,
 * message), for a notebook cell that helps a researcher fix their file. Empty list → a one-line
 * "no problems" table. Cost: O(errors).
 *
 * @example
 * cohortErrorsToHtml(parseCohortCsv("patient_id\nP01\n", { collect: true }).errors)
 * // '<table class="repro-table"><caption>Cohort validation: … problem(s)</caption>…<td>line 1</td><td>sex</td>…'
 * cohortErrorsToHtml([]) // '…<td>no problems found</td>…'

 */
export function cohortErrorsToHtml(errors: readonly InputError[]): string {
  const rows = errors.map((e) => ({
    Where: e.line !== null ? `line ${e.line}` : e.index !== null ? `row ${e.index}` : "",
    Column: e.field,
    Value: e.value === undefined ? "" : JSON.stringify(e.value),
    Problem: e.message,
  }));
  const shown = rows.length ? rows : [{ Where: "", Column: "", Value: "", Problem: "no problems found" }];
  return htmlTable(shown, {
    columns: ["Where", "Column", "Value", "Problem"],
    caption: `Cohort validation: ${errors.length} problem(s)`,
  });
}
