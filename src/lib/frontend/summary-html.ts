import { checkOptions } from "../core/check-options";
import { formatFixed, formatP } from "../core/format";
import { escapeHtml, htmlTable } from "../core/html";
import { type SummarizableResult, type SummaryOptions, summaryTables } from "./summary-tables";

/**
 * A result as HTML tables for notebooks and reports, in R's layout or SPSS's (see summaryTables): p-values journal
 * style, other numbers with `decimals` (default 4, counts as integers), notes as a list under each table.
 * Deterministic. Cost: O(size of the result).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * summaryHtml(coxph("Surv(time, status) ~ age + sex", lung), { style: "spss" })
 * // '<table class="repro-table"><caption>Variables in the Equation (SPSS COXREG layout)</caption>…'
 */
export function summaryHtml(result: SummarizableResult, options: SummaryOptions & { decimals?: number } = {}): string {
  checkOptions(options);
  const decimals = options.decimals ?? 4;
  return summaryTables(result, options)
    .map((table) => {
      const rows = table.rows.map((row) =>
        Object.fromEntries(
          table.columns.map((c) => {
            const v = row[c];
            if (table.pColumns.includes(c) && typeof v === "number") return [c, formatP(v)];
            if (typeof v === "number" && !Number.isInteger(v)) return [c, formatFixed(v, decimals)];
            return [c, v];
          }),
        ),
      );
      const notes = table.notes.length
        ? `<ul class="repro-notes">${table.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
        : "";
      return htmlTable(rows, { caption: table.caption, columns: table.columns }) + notes;
    })
    .join("\n");
}
