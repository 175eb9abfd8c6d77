import type { RegistryEntry } from "./registry";

const KIND_QUALIFIER: Readonly<Record<string, string>> = {
  median: "median",
  "quartile-lower": "lower quartile",
  "quartile-upper": "upper quartile",
  "ci-lower": "lower CI bound",
  "ci-upper": "upper CI bound",
  percent: "%",
  mean: "mean",
  sd: "SD",
  se: "SE",
};

const TOTAL_WORDS = /^(total|number|n|all)$/i;

function rowPart(row: string): string {
  if (TOTAL_WORDS.test(row)) return "totals row";
  return row.length <= 3 ? `row ${row}` : row;
}

function columnPart(column: string): string {
  if (TOTAL_WORDS.test(column)) return "total";
  return column.length <= 3 && /^[A-Za-z]+$/.test(column) ? `column ${column}` : column;
}

/**
 * Where a registered number is printed, in the words a reader of the paper uses: "Table 2, row E,
 * total", "Table 6, visceral metastases, B", "Table 1, 1 month after operation, ODI, upper quartile",
 * "§4.1, males". The registry's `label` wins when given; otherwise section (§ for numbered sections),
 * row and column of the locator, and what the number is when the column does not say it (median,
 * quartile, CI bound, %). Text sections without a row use the entry's quantity. Registry ids are for
 * machines and stay secondary. Cost: O(1).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * entryLabel(registry.get("t2.pre.E.n")) // "Table 2, row E, total"
 */
export function entryLabel(entry: Pick<RegistryEntry, "locator" | "kind" | "quantity" | "label">): string {
  if (entry.label) return entry.label;
  const { section, row, column } = entry.locator;
  const head = /^\d/.test(section) ? `§${section}` : section.charAt(0).toUpperCase() + section.slice(1);
  if (row === undefined && column === undefined) return `${head}, ${entry.quantity}`;
  const parts = [head];
  if (row !== undefined) parts.push(rowPart(row));
  if (column !== undefined) parts.push(columnPart(column));
  const qualifier = KIND_QUALIFIER[entry.kind];
  if (qualifier && !parts.some((p) => p.toLowerCase().includes(qualifier.toLowerCase()))) parts.push(qualifier);
  return parts.join(", ");
}
