import { readFileSync } from "node:fs";
import { join } from "node:path";

/** tests/fixtures/survival-curves/curves-fixtures.json, written by make-fixtures.R with R survival 3.5-3. */
// biome-ignore lint/suspicious/noExplicitAny: R's output object; each test reads and checks the fields it needs
export const curves: Record<string, any> = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/survival-curves/curves-fixtures.json"), "utf8"),
);

/** A fixture data set's columns by name (R's column names). */
export function dataset(name: string): Record<string, number[]> {
  return curves.datasets[name];
}

/** R writes NA as null; numbers stay numbers. */
export function rArray(v: unknown): (number | null)[] {
  return Array.isArray(v) ? (v as (number | null)[]) : [v as number | null];
}
