/**
 * A seeded generator of valid cohorts that differ from the shipped synthetic one in the ways a user's
 * own data can: another size and event rate, a factor with one level, one histology, no deaths in
 * the first year, a single death. Each is built from the shipped rows (so every cell is a value the
 * codebook accepts) and rewritten with the codebook's rules in mind: scores after the end of
 * follow-up are removed, dates stay inside the study window, ids are new. `formatCohortCsv`
 * validates every row, so a variant that breaks a rule fails here, not in a notebook.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRng, type Rng } from "../../src/lib/core/rng";
import { cohortCodebook } from "../../src/paper/cohort/codebook";
import { formatCohortCsv } from "../../src/paper/cohort/format-cohort-csv";
import { parseCohortCsv } from "../../src/paper/cohort/parse-cohort-csv";
import { REPO_ROOT } from "../../src/paper/repo-root";

type Row = Record<string, string | number | boolean | null>;

export type VariantName =
  | "larger-cohort"
  | "post-bma-all-zero"
  | "one-histology"
  | "no-deaths-first-year"
  | "one-death"
  | "two-patients";

export interface Variant {
  readonly name: VariantName;
  /** What differs from the shipped cohort, for test names. */
  readonly description: string;
  readonly csv: string;
  readonly patients: number;
  readonly deaths: number;
}

const DAY = 86_400_000;
const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const SCORE_VISITS = ["1d", "3d", "7d", "1m", "3m", "6m"] as const;

function shippedRows(): Row[] {
  const text = readFileSync(join(REPO_ROOT, "data", "cohort.csv"), "utf8");
  return parseCohortCsv(text).rows.map((r) => ({ ...(r as unknown as Row) }));
}

/** Sets follow-up (days from surgery) and status, removing scores measured after the end of follow-up. */
function setFollowUp(row: Row, days: number, died: boolean): void {
  const cb = cohortCodebook();
  row.last_contact_date = toDate(toMs(row.surgery_date as string) + days * DAY);
  row.died = died;
  for (const v of cb.variables) {
    const day = v.visit === undefined ? null : cb.visits.days[v.visit];
    if (day != null && day > days) row[v.name] = null;
  }
  const lastVisit = row.last_visit_date as string | null;
  if (lastVisit !== null && (lastVisit < (row.surgery_date as string) || lastVisit > row.last_contact_date))
    row.last_visit_date = null;
}

/** Days from surgery to the end of follow-up (codebook studyDesign.followUpEnd). */
function adminDays(row: Row): number {
  return Math.round((toMs(cohortCodebook().studyDesign.followUpEnd) - toMs(row.surgery_date as string)) / DAY);
}

/**
 * `n` patients resampled from the shipped rows, with new surgery dates and exponential survival of
 * the given median (months): another size and another event rate. Scores inside the new follow-up
 * that the source patient lacked are taken from another patient's score at that visit.
 */
function resampled(rng: Rng, base: Row[], n: number, medianMonths: number): Row[] {
  const start = toMs(cohortCodebook().studyDesign.studyStart);
  const end = toMs(cohortCodebook().studyDesign.studyEnd);
  const rate = Math.LN2 / ((medianMonths * 365) / 12);
  const width = String(n).length;
  return Array.from({ length: n }, (_, i) => {
    const row: Row = { ...base[rng.int(base.length)] };
    row.patient_id = `P${String(i + 1).padStart(width, "0")}`;
    row.surgery_date = toDate(start + rng.int(Math.round((end - start) / DAY) + 1) * DAY);
    for (const score of ["vas", "odi"] as const) {
      for (const visit of [...SCORE_VISITS.filter((v) => score === "vas" || v.endsWith("m")), "last"]) {
        const name = `${score}_${visit}`;
        if (row[name] !== null) continue;
        const donors = base.filter((b) => b[name] !== null);
        row[name] = donors[rng.int(donors.length)][name];
      }
    }
    row.last_visit_date = null;
    const deathDay = Math.max(1, Math.ceil(rng.exponential(rate)));
    const admin = adminDays(row);
    setFollowUp(row, Math.min(deathDay, admin), deathDay <= admin);
    return row;
  });
}

function csvOf(rows: Row[]): { csv: string; patients: number; deaths: number } {
  return {
    csv: formatCohortCsv(rows, { source: "variant" }),
    patients: rows.length,
    deaths: rows.filter((r) => r.died === true).length,
  };
}

/**
 * One valid variant cohort as CSV text. Deterministic: the same name and seed give the same text.
 *
 * - larger-cohort: 200 patients, median survival 8 months (about 85% die during follow-up);
 * - post-bma-all-zero: the shipped rows with post_bma = 0 for everyone (a factor with one level);
 * - one-histology: every tumour LUAD;
 * - no-deaths-first-year: each death within 12 months moved to a day after the first year;
 * - one-death: a single death, everyone else alive at the end of follow-up;
 * - two-patients: the smallest cohort the pre-check accepts (one death, one censored).
 */
export function variantCohort(name: VariantName, seed = 1): Variant {
  const rng = createRng(seed);
  const base = shippedRows();
  let built: { csv: string; patients: number; deaths: number };
  let description: string;
  switch (name) {
    case "larger-cohort":
      built = csvOf(resampled(rng, base, 200, 8));
      description = "200 patients, median survival 8 months";
      break;
    case "post-bma-all-zero":
      built = csvOf(base.map((r) => ({ ...r, post_bma: false })));
      description = "post_bma = 0 for every patient";
      break;
    case "one-histology":
      built = csvOf(base.map((r) => ({ ...r, tumor_type: "LUAD" })));
      description = "every tumour LUAD";
      break;
    case "no-deaths-first-year":
      built = csvOf(
        base.map((r) => {
          const row = { ...r };
          const days = Math.round((toMs(row.last_contact_date as string) - toMs(row.surgery_date as string)) / DAY);
          if (row.died === true && days <= 365) {
            const admin = adminDays(row);
            setFollowUp(row, 366 + rng.int(admin - 366), true);
          }
          return row;
        }),
      );
      description = "no death within the first 12 months";
      break;
    case "one-death": {
      const keep = base.findIndex((r) => r.died === true);
      built = csvOf(
        base.map((r, i) => {
          const row = { ...r };
          if (i !== keep && row.died === true) setFollowUp(row, adminDays(row), false);
          return row;
        }),
      );
      description = "exactly one death";
      break;
    }
    case "two-patients": {
      const died = base.find((r) => r.died === true)!;
      const alive = base.find((r) => r.died === false)!;
      built = csvOf([
        { ...died, patient_id: "A1" },
        { ...alive, patient_id: "A2" },
      ]);
      description = "two patients, one death";
      break;
    }
  }
  return { name, description, ...built };
}

/** Every variant name, for loops in tests. */
export const VARIANT_NAMES: readonly VariantName[] = [
  "larger-cohort",
  "post-bma-all-zero",
  "one-histology",
  "no-deaths-first-year",
  "one-death",
  "two-patients",
];

/** A large valid cohort (resampled, as "larger-cohort") for timing trials: `n` patients. */
export function largeCohort(n: number, seed = 7, medianMonths = 14): string {
  return formatCohortCsv(resampled(createRng(seed), shippedRows(), n, medianMonths), { source: "large" });
}
