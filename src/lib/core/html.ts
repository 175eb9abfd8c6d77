import { checkOptions } from "./check-options";
import { formatFixed, formatP } from "./format";
import type { StatResult } from "./result";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A cell: a number is printed with the column's decimals; anything else as text. */
export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Caption shown above the table. */
  caption?: string;
  /** Decimals for numeric cells (default 4), or per column name, with `"*"` for the other columns. */
  decimals?: number | Readonly<Record<string, number>>;
  /** Column order and subset (default: keys of the first row). */
  columns?: readonly string[];
}

/**
 * Renders rows of plain objects as an HTML table with fixed decimals, for tslab's
 * `display.html` and the HTML report. Decimals are consistent down a column: a column of whole
 * numbers prints integers, any other column prints every number with its decimals (so 1 prints as
 * 1.000 beside 0.999). Deterministic output.
 *
 * Cost: O(rows × columns).
 *
 * @example
 * // counts stay integers; other numbers get the column's decimals
 * htmlTable([{ n: 12, share: 0.5, b: "x" }], { decimals: 2 })
 * // '<table class="repro-table">…<td>12</td><td>0.50</td><td>x</td>…'
 */
export function htmlTable(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, options: TableOptions = {}): string {
  checkOptions(options);
  const columns = options.columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const decimalsFor = (col: string): number =>
    typeof options.decimals === "number" ? options.decimals : (options.decimals?.[col] ?? options.decimals?.["*"] ?? 4);
  // A column whose numbers are all whole (counts) prints them as integers; any other column prints
  // every number with its fixed decimals, so 1 never stands next to 0.999 in one column.
  const isCount = (value: Cell): boolean =>
    typeof value !== "number" || (Number.isInteger(value) && Math.abs(value) < 1e15);
  const countColumns = new Set(columns.filter((c) => rows.every((row) => isCount(row[c]))));
  const cell = (value: Cell, col: string): string => {
    if (typeof value === "number") {
      return countColumns.has(col) ? String(value) : formatFixed(value, decimalsFor(col));
    }
    if (value === null || value === undefined) return "—";
    return escapeHtml(String(value));
  };
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows.map((row) => `<tr>${columns.map((c) => `<td>${cell(row[c], c)}</td>`).join("")}</tr>`).join("");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return `<table class="repro-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * Renders one or more {@link StatResult}s as a single HTML table: one row per result with test,
 * statistic, df, p (journal style), estimate with CI, n, convention and warnings.
 *
 * @example
 * resultToHtml(statResult({ test: "t", method: "T", convention: "R", n: 5, pValue: 0.0004 }))
 * // '…<td>&lt; 0.001</td>…'
 */
export function resultToHtml(
  results: StatResult | readonly StatResult[],
  options: { readonly caption?: string } = {},
): string {
  checkOptions(options);
  const caption = options.caption;
  const list = Array.isArray(results) ? (results as readonly StatResult[]) : [results as StatResult];
  const rows = list.map((r) => ({
    method: r.method,
    statistic: r.statistic === null ? "—" : `${r.statisticName ?? "stat"} = ${formatFixed(r.statistic, 3)}`,
    df: r.df === null ? "—" : Number.isInteger(r.df) ? String(r.df) : formatFixed(r.df, 2),
    p: formatP(r.pValue),
    estimate:
      r.estimate === null
        ? "—"
        : `${r.estimateName ?? "estimate"} = ${formatFixed(r.estimate, 3)}` +
          (r.ci
            ? ` (${Math.round((r.confLevel ?? 0.95) * 100)}% CI ${formatFixed(r.ci[0], 3)}, ${formatFixed(r.ci[1], 3)})`
            : ""),
    n: String(r.n),
    convention: r.convention,
    warnings: r.warnings.length ? r.warnings.join("; ") : "",
  }));
  return htmlTable(rows, { caption });
}
