import { InputError } from "../../lib/core/errors";
import { cohortCodebook } from "./codebook";
import type { Cohort, CohortLoadOptions, CohortValidation, CohortValue } from "./cohort-row";
import { CsvSyntaxError, parseCsvRecords, type CsvRecord } from "./internal/csv";
import { errorAt, parseCell } from "./internal/rules";
import { runValidation, validatePending, type PendingRow } from "./internal/validate";

/**
 * Parses and validates cohort CSV text against the codebook (data/codebook.json). Cells are read
 * as strings (RFC 4180, own parser: quotes, embedded commas and line breaks, CRLF) and converted
 * strictly — nothing is trimmed, coerced or dropped: "1.0" in an integer column, "yes" in a 0/1
 * column, " 5" with a space, "Male" for "male" are all errors. The header must name every codebook
 * column exactly once, in any order. Each error names the 1-based file line where the record
 * starts, the column and the cell text: `line 4, vas_6m = "3": ...`.
 *
 * Default: throws the first InputError. `{ collect: true }`: returns every problem found
 * ({@link CohortValidation}); with a bad header the rows are still checked on the columns that
 * exist; a CSV syntax error ends reading there (it is the only error listed).
 *
 * Reference: RFC 4180; data/codebook.json. R equivalent: `read.csv(colClasses = "character")`
 * followed by checks (R's readers coerce types silently); SPSS: GET DATA /TYPE=TXT.
 * Cost: O(length of text + n · columns).
 *
 * @example
 * const text = formatCohortCsv(loadCohort(resolveCohortPath({}).path).rows);
 * parseCohortCsv(text).rows[0].patient_id // "SYN01"
 * parseCohortCsv("patient_id\nP01\n") // throws InputError "line 1, sex: column missing"
 */
export function parseCohortCsv(text: string, options?: CohortLoadOptions & { collect?: false }): Cohort;
export function parseCohortCsv(text: string, options: CohortLoadOptions & { collect: true }): CohortValidation;
export function parseCohortCsv(text: string, options: CohortLoadOptions = {}): Cohort | CohortValidation {
  if (typeof text !== "string") throw new InputError("must be the CSV text", { field: "text", value: text });
  const cb = cohortCodebook();
  return runValidation(options, (report) => {
    let records: CsvRecord[];
    let header: string[] = [];
    try {
      records = parseCsvRecords(text);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0];
      header = e.line === 1 ? [] : firstLine.split(",");
      throw new InputError(e.message, {
        field: header[e.cellIndex] ?? `column ${e.cellIndex + 1}`,
        line: e.line,
        value: e.value,
      });
    }
    if (records.length === 0) {
      report(new InputError("the file is empty (a header row is required)", { field: "header", line: 1 }));
      return null;
    }
    header = records[0].fields;
    const byName = new Map(cb.variables.map((v) => [v.name, v]));
    const seen = new Set<string>();
    let headerErrors = 0;
    header.forEach((name) => {
      const problem = !byName.has(name)
        ? "unknown column (not in the codebook)"
        : seen.has(name)
          ? "duplicate column"
          : null;
      if (problem) {
        headerErrors++;
        report(new InputError(problem, { field: name, line: 1, value: name }));
      }
      seen.add(name);
    });
    for (const v of cb.variables) {
      if (!seen.has(v.name)) {
        headerErrors++;
        report(new InputError("column missing", { field: v.name, line: 1 }));
      }
    }
    const pending: PendingRow[] = [];
    for (let r = 1; r < records.length; r++) {
      const rec = records[r];
      const pos = { line: rec.line, index: r - 1 };
      if (rec.fields.length !== header.length) {
        const blank = rec.fields.length === 1 && rec.fields[0] === "";
        report(
          errorAt(
            pos,
            "record",
            blank ? "blank line (remove it)" : `has ${rec.fields.length} cells, the header has ${header.length}`,
            blank ? "" : rec.fields.join(","),
          ),
        );
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((name, k) => {
        cells[name] = rec.fields[k];
      });
      let priorErrors = 0;
      const values: Record<string, CohortValue | undefined> = {};
      for (const v of cb.variables) {
        // With a bad header (collect mode) the rows are still checked on the columns that exist.
        if (!(v.name in cells)) continue;
        values[v.name] = parseCell(v, cells[v.name], pos, (e) => {
          priorErrors++;
          report(e);
        });
      }
      pending.push({ values, shown: (name) => cells[name], pos, priorErrors });
    }
    const cohort = validatePending(pending, cb, options.source ?? null, report);
    return headerErrors > 0 ? null : cohort;
  });
}
