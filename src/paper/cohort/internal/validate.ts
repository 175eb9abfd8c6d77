import { InputError } from "../../../lib/core/errors";
import { deepFreeze } from "../../../lib/core/freeze";
import type { Codebook } from "../codebook";
import type { Cohort, CohortLoadOptions, CohortRow, CohortValidation, CohortValue } from "../cohort-row";
import { checkRowConsistency, checkValue, errorAt, type Report, type RowPosition } from "./rules";

/** One row on its way through validation: typed values (undefined = already rejected while parsing). */
export interface PendingRow {
  readonly values: Record<string, CohortValue | undefined>;
  /** What an error message shows for a column (the cell text for files, the value for memory rows). */
  readonly shown: (name: string) => unknown;
  readonly pos: RowPosition;
  /** Problems already reported for this row while reading it. */
  readonly priorErrors: number;
}

/**
 * Runs the codebook's value and row rules on typed rows, then the rules across rows (unique ids),
 * and returns a frozen cohort; problems go to `report` in row order.
 */
export function validatePending(
  pending: readonly PendingRow[],
  cb: Codebook,
  source: string | null,
  report: Report,
): Cohort | null {
  let failed = false;
  const rows: CohortRow[] = [];
  const lines: (number | null)[] = [];
  const idSeen = new Map<string, RowPosition>();
  for (const p of pending) {
    let rowErrors = p.priorErrors;
    const count: Report = (e) => {
      rowErrors++;
      report(e);
    };
    const clean: Record<string, CohortValue | undefined> = {};
    for (const v of cb.variables) {
      const value = p.values[v.name];
      clean[v.name] =
        value !== undefined && checkValue(v, value, p.shown(v.name), p.pos, cb, count) ? value : undefined;
    }
    checkRowConsistency(clean, p.shown, p.pos, cb, count);
    const id = clean.patient_id;
    if (typeof id === "string") {
      const first = idSeen.get(id);
      if (first)
        count(
          errorAt(
            p.pos,
            "patient_id",
            `duplicates the patient_id of ${first.line !== null ? `line ${first.line}` : `row ${first.index}`}`,
            p.shown("patient_id"),
          ),
        );
      else idSeen.set(id, p.pos);
    }
    if (rowErrors > 0) {
      failed = true;
      continue;
    }
    const ordered: Record<string, CohortValue> = {};
    for (const v of cb.variables) ordered[v.name] = clean[v.name] as CohortValue;
    rows.push(ordered as unknown as CohortRow);
    lines.push(p.pos.line);
  }
  if (failed) return null;
  return deepFreeze({ rows, columns: cb.variables.map((v) => v.name), lines, source });
}

/**
 * Runs `work` with a sink that throws the first problem (default) or collects them all
 * (`collect: true`), and shapes the answer accordingly.
 */
export function runValidation(
  options: CohortLoadOptions,
  work: (report: Report) => Cohort | null,
): Cohort | CohortValidation {
  if (!options.collect) {
    const cohort = work((e) => {
      throw e;
    });
    // Unreachable unless a rule forgot to report: fail loudly rather than return nothing.
    if (!cohort) throw new InputError("validation failed without a message", { field: "cohort" });
    return cohort;
  }
  const errors: InputError[] = [];
  let cohort: Cohort | null = null;
  try {
    cohort = work((e) => {
      errors.push(e);
    });
  } catch (e) {
    // Only the CSV layer throws in collect mode (a syntax error ends reading).
    if (!(e instanceof InputError)) throw e;
    errors.push(e);
  }
  return Object.freeze({
    ok: errors.length === 0,
    cohort: errors.length === 0 ? cohort : null,
    errors: Object.freeze(errors),
  });
}
