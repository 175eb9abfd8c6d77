import { readFileSync } from "node:fs";
import { InputError } from "../../lib/core/errors";
import type { Cohort, CohortLoadOptions, CohortValidation } from "./cohort-row";
import { parseCohortCsv } from "./parse-cohort-csv";

/**
 * Reads a cohort CSV file (UTF-8) and validates it with {@link parseCohortCsv}; the path is kept
 * as the cohort's `source`. An unreadable file is an InputError naming the path.
 *
 * R equivalent: `read.csv(path, colClasses = "character")` + checks; SPSS: GET DATA /TYPE=TXT.
 * Cost: O(file size + n · columns).
 *
 * @example
 * loadCohort(resolveCohortPath({}).path).rows.length // 55 (the shipped synthetic cohort)
 */
export function loadCohort(path: string, options?: CohortLoadOptions & { collect?: false }): Cohort;
export function loadCohort(path: string, options: CohortLoadOptions & { collect: true }): CohortValidation;
export function loadCohort(path: string, options: CohortLoadOptions = {}): Cohort | CohortValidation {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read the cohort file (${(e as Error).message})`, { field: "path", value: path });
  }
  const opts = { ...options, source: options.source ?? path };
  return opts.collect
    ? parseCohortCsv(text, { ...opts, collect: true })
    : parseCohortCsv(text, { ...opts, collect: false });
}
