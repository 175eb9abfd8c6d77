import { checkOptions } from "../core/check-options";
import { formatFixed, formatP } from "../core/format";
import type { Cell } from "../core/html";
import { type SummarizableResult, type SummaryOptions, summaryTables } from "./summary-tables";

/** Options of {@link formatText}. */
export interface FormatTextOptions extends SummaryOptions {
  /** Decimals of non-integer numbers (default 4). */
  readonly decimals?: number;
}

function cellText(value: Cell, isP: boolean, decimals: number): string {
  if (value === null || value === undefined) return "NA";
  if (typeof value === "number") {
    if (isP) return formatP(value);
    if (Number.isNaN(value)) return "NaN";
    return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : formatFixed(value, decimals);
  }
  return String(value);
}

/**
 * A result as plain text for a terminal, in R's layout or SPSS's (see summaryTables): the caption, the table with
 * right-aligned number columns, then the notes. p-values print as a journal would ("< 0.001", never "0.000");
 * missing values print as R's NA. Deterministic. Cost: O(size of the result).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * const lines = formatText(survdiff("Surv(time, status) ~ sex", lung)).split("\n");
 * lines[0] // "Call: survdiff(formula = Surv(time, status) ~ sex, data = data)"
 * lines[2] // "           N Observed Expected (O-E)^2/E (O-E)^2/V"
 * lines[3] // "sex=female 3        3   2.7430    0.0241    0.0354"
 * // (R: survdiff(Surv(time, status) ~ sex, head(lung, 12)) prints 2.74, 0.0241, 0.0354 for sex 2 = female)
 */
export function formatText(result: SummarizableResult, options: FormatTextOptions = {}): string {
  checkOptions(options);
  const decimals = options.decimals ?? 4;
  return summaryTables(result, options)
    .map((table) => {
      const header = table.columns;
      const body = table.rows.map((row) => header.map((c) => cellText(row[c], table.pColumns.includes(c), decimals)));
      const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j].length)));
      const textual = header.map((_, j) => table.rows.every((row) => typeof row[header[j]] !== "number"));
      const line = (cells: string[]) =>
        cells
          .map((c, j) => (textual[j] ? c.padEnd(widths[j]) : c.padStart(widths[j])))
          .join(" ")
          .trimEnd();
      return [
        table.caption,
        "",
        line([...header]),
        ...body.map(line),
        ...(table.notes.length ? ["", ...table.notes] : []),
      ].join("\n");
    })
    .join("\n\n");
}
