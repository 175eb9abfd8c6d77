import { deepFreeze } from "../../lib/core/freeze";

/** One patient of the toy cohort, as the teaching notebook prints it (a type, so tables take it as a record). */
export type ToyPatient = {
  readonly patient: number;
  /** Months from surgery to death or to the end of follow-up. */
  readonly months: number;
  readonly status: "died" | "censored";
  /** Visceral metastases at surgery (the paper's Table 5 factor). */
  readonly visceral: "yes" | "no";
};

/** The toy cohort: the patients, and the columns the library takes. */
export interface ToyCohort {
  readonly patients: readonly ToyPatient[];
  readonly time: readonly number[];
  /** 1 = died, 0 = censored. */
  readonly event: readonly number[];
  /** "yes" / "no" per patient, for logRank and kaplanMeierByGroup. */
  readonly visceral: readonly string[];
  /** 1 = visceral metastases, 0 = none: the covariate of the hand-worked Cox model. */
  readonly x: readonly number[];
}

const ROWS: readonly [number, 0 | 1, "yes" | "no"][] = [
  [2, 1, "yes"],
  [3, 0, "no"],
  [4, 1, "yes"],
  [6, 1, "no"],
  [6, 1, "yes"],
  [6, 0, "no"],
  [9, 1, "yes"],
  [11, 0, "yes"],
  [14, 1, "no"],
  [18, 0, "no"],
];

/**
 * The ten invented patients of the teaching notebook (notebooks/src/10-survival-by-hand.md): months from spinal
 * surgery to death or censoring, and visceral metastases yes/no. Small enough to work by hand, with what real data
 * have: a censoring before any death (patient 2), two deaths and a censoring at the same month (patients 4–6), and a
 * censored last patient. Not patient data; R reference values in tests/fixtures/teaching/ (make-fixtures.R).
 *
 * @example
 * toyCohort().patients[3] // { patient: 4, months: 6, status: "died", visceral: "no" }
 */
export function toyCohort(): ToyCohort {
  return deepFreeze({
    patients: ROWS.map(([months, event, visceral], i) => ({
      patient: i + 1,
      months,
      status: event === 1 ? ("died" as const) : ("censored" as const),
      visceral,
    })),
    time: ROWS.map((r) => r[0]),
    event: ROWS.map((r) => r[1]),
    visceral: ROWS.map((r) => r[2]),
    x: ROWS.map((r) => (r[2] === "yes" ? 1 : 0)),
  });
}
