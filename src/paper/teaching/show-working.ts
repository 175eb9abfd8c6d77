import { htmlTable, type Cell } from "../../lib/core/html";
import type { HandTable } from "../../lib/teaching/km-table-by-hand";
import { showHtml } from "../notebook/show";

/** Options of {@link showWorking}. */
export interface ShowWorkingOptions {
  readonly caption?: string;
  /** Decimals of numeric cells (default 4). */
  readonly decimals?: number;
  /** Row fields to show, in order (default: every labelled field). */
  readonly columns?: readonly string[];
}

/**
 * Shows a hand-worked table (kmTableByHand, greenwoodByHand, logRankByHand, …) in the notebook with its columns headed
 * in the notation of the formulas ("n (at risk)", "d/(n(n − d))", "S(t)").
 *
 * @example
 * showWorking(L.kmTableByHand(y), { caption: "Kaplan–Meier by hand" })
 */
export function showWorking<Row extends object>(table: HandTable<Row>, options: ShowWorkingOptions = {}): void {
  showHtml(workingHtml(table, options));
}

/** The HTML {@link showWorking} displays (pure, for tests and reports). */
export function workingHtml<Row extends object>(table: HandTable<Row>, options: ShowWorkingOptions = {}): string {
  const fields = options.columns ?? Object.keys(table.labels);
  const rows = table.rows.map((row) =>
    Object.fromEntries(fields.map((f) => [table.labels[f] ?? f, (row as Record<string, Cell>)[f]])),
  );
  return htmlTable(rows, {
    caption: options.caption,
    decimals: options.decimals ?? 4,
    columns: fields.map((f) => table.labels[f] ?? f),
  });
}
