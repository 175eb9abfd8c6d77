import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";
import { parseCsvRecords } from "./internal/csv";

/** The public datasets shipped in data/public/ (see its README for provenance). */
export type PublicDatasetName = "ncctg-lung" | "va-veteran" | "stanford-heart";

const NUMERIC: Record<PublicDatasetName, readonly string[]> = {
  "ncctg-lung": ["id", "inst", "time_days", "event", "age", "ph_ecog", "ph_karno", "pat_karno", "meal_cal", "wt_loss"],
  "va-veteran": ["id", "time_days", "event", "karno", "diag_time", "age"],
  "stanford-heart": ["id", "futime_days", "event", "tx_days", "age"],
};

export interface PublicDataset {
  readonly name: PublicDatasetName;
  readonly n: number;
  /** Numeric columns (null = missing, an empty cell in the CSV). */
  readonly numeric: Readonly<Record<string, readonly (number | null)[]>>;
  /** Text columns (null = missing). */
  readonly text: Readonly<Record<string, readonly (string | null)[]>>;
}

/**
 * Loads one of the public datasets in data/public/ (NCCTG lung, VA veteran, Stanford heart transplant), exported from
 * R's
 * survival package by data/public/export-public-data.R. Numeric columns must parse as finite numbers;
 * an empty cell is missing (null). A malformed cell is an InputError with line, column and value.
 * Cost: O(size of the file).
 *
 * @example
 * loadPublicDataset("va-veteran").n // 137
 */
export function loadPublicDataset(name: PublicDatasetName): PublicDataset {
  if (!(name in NUMERIC))
    throw new InputError('must be "ncctg-lung", "va-veteran" or "stanford-heart"', { field: "name", value: name });
  const records = parseCsvRecords(readFileSync(join(REPO_ROOT, "data", "public", `${name}.csv`), "utf8"));
  const header = records[0].fields;
  const numeric: Record<string, (number | null)[]> = {};
  const text: Record<string, (string | null)[]> = {};
  for (const col of header) (NUMERIC[name].includes(col) ? numeric : text)[col] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== header.length) {
      throw new InputError(`has ${record.fields.length} cells, the header ${header.length}`, {
        field: "row",
        line: record.line,
        value: record.fields.join(","),
      });
    }
    record.fields.forEach((cell, j) => {
      const col = header[j];
      if (col in numeric) {
        const v = cell === "" ? null : Number(cell);
        if (v !== null && !Number.isFinite(v))
          throw new InputError("not a number", { field: col, line: record.line, value: cell });
        numeric[col].push(v);
      } else text[col].push(cell === "" ? null : cell);
    });
  }
  return deepFreeze({ name, n: records.length - 1, numeric, text });
}

/**
 * R's own results on the public datasets (data/public/r-reference.json, written by the same R script,
 * with R and survival versions), for notebooks that print our numbers next to R's.
 */
export function publicRReference(): Readonly<Record<string, unknown>> {
  return deepFreeze(
    JSON.parse(readFileSync(join(REPO_ROOT, "data", "public", "r-reference.json"), "utf8")) as Record<string, unknown>,
  );
}

/**
 * The complete cases of `columns` (rows with no missing value among them), those columns restricted to
 * those rows, and how many rows were dropped — reported, never silent (R's coxph drops them quietly).
 * Cost: O(n × columns).
 *
 * @example
 * completeCases(loadPublicDataset("ncctg-lung"), ["time_days", "ph_ecog"]).dropped // 1
 */
export function completeCases(
  data: PublicDataset,
  columns: readonly string[],
): { n: number; dropped: number; numeric: Record<string, number[]>; text: Record<string, string[]> } {
  for (const c of columns)
    if (!(c in data.numeric) && !(c in data.text))
      throw new InputError(`no column ${c} in ${data.name}`, { field: "columns", value: c });
  const rows: number[] = [];
  for (let i = 0; i < data.n; i++)
    if (columns.every((c) => (c in data.numeric ? data.numeric[c][i] : data.text[c][i]) !== null)) rows.push(i);
  const numeric: Record<string, number[]> = {};
  const text: Record<string, string[]> = {};
  for (const c of columns) {
    if (c in data.numeric) numeric[c] = rows.map((i) => data.numeric[c][i] as number);
    else text[c] = rows.map((i) => data.text[c][i] as string);
  }
  return { n: rows.length, dropped: data.n - rows.length, numeric, text };
}

/** 0/1 indicator of `level` in a text column (a dummy variable for coxPH). Cost: O(n). */
export function indicator(values: readonly string[], level: string): number[] {
  return values.map((v) => (v === level ? 1 : 0));
}
