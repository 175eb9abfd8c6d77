import type { CodebookVariable } from "../codebook";
import { formatCsvCell } from "./csv";

/**
 * Validated rows as cohort CSV text in the codebook's column order (header, LF line ends, final
 * newline; booleans 0/1, missing empty, numbers in their shortest form at most `decimals`). No
 * validation here: callers pass rows the loader or validateCohortRows accepted. One definition for
 * the writer and for the cohort's content fingerprint. Cost: O(n · columns).
 */
export function canonicalCsv(
  rows: readonly Readonly<Record<string, string | number | boolean | null>>[],
  vars: readonly CodebookVariable[],
): string {
  const out: string[] = [vars.map((v) => v.name).join(",")];
  for (const row of rows) {
    out.push(
      vars
        .map((v) => {
          const x = row[v.name];
          if (x === null) return "";
          if (typeof x === "boolean") return x ? "1" : "0";
          // Validated to carry at most `decimals` decimals, so toFixed is exact and Number() drops trailing zeros.
          if (typeof x === "number") return String(Number(x.toFixed(v.decimals ?? 0)));
          return formatCsvCell(x);
        })
        .join(","),
    );
  }
  return `${out.join("\n")}\n`;
}
