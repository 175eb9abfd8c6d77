import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { REPO_ROOT } from "../repo-root";
import { cohortFingerprint } from "./cohort-fingerprint";
import type { Cohort } from "./cohort-row";

/** Where a cohort's rows come from, decided by content. */
export interface CohortProvenance {
  /** True when the rows are exactly those of a cohort the reconstruction wrote (not patient data). */
  readonly synthetic: boolean;
  /** The reconstruction whose output the rows equal (data file and seed), or null. */
  readonly reconstruction: { readonly file: string; readonly seed: number } | null;
  /** {@link cohortFingerprint} of the rows, or null when no recorded cohort has this many patients. */
  readonly fingerprint: string | null;
}

/** A fingerprint the reconstruction recorded: in data/cohort-fidelity.json and data/ensemble/fidelity-summary.json. */
interface Recorded {
  readonly file: string;
  readonly seed: number;
  readonly patients: number;
  readonly sha256: string;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function recordedCohorts(dataDir: string): Recorded[] {
  const out: Recorded[] = [];
  const main = readJson(join(dataDir, "cohort-fidelity.json")) as { seed?: number; cohort?: Partial<Recorded> } | null;
  if (main?.cohort?.sha256 && typeof main.cohort.patients === "number")
    out.push({ file: "cohort.csv", seed: main.seed ?? 0, patients: main.cohort.patients, sha256: main.cohort.sha256 });
  const ensemble = readJson(join(dataDir, "ensemble", "fidelity-summary.json")) as {
    cohorts?: Partial<Recorded>[];
  } | null;
  for (const c of ensemble?.cohorts ?? [])
    if (c.sha256 && typeof c.patients === "number" && typeof c.seed === "number")
      out.push({ file: `ensemble/${c.file}`, seed: c.seed, patients: c.patients, sha256: c.sha256 });
  return out;
}

/**
 * Decides by content whether a cohort is synthetic: its {@link cohortFingerprint} is compared with
 * the fingerprints the reconstruction recorded when it wrote data/cohort.csv (in
 * data/cohort-fidelity.json) and the ensemble (data/ensemble/fidelity-summary.json). Your own data
 * copied over data/cohort.csv is therefore labelled as yours, and the synthetic file under another
 * name is still labelled synthetic. A cohort whose size matches no recorded one is not hashed.
 *
 * R/SPSS equivalent: none (project provenance). Cost: O(n · columns) when the size matches, else O(1)
 * after reading two small JSON files.
 *
 * @example
 * const cohort = loadCohort(SHIPPED_COHORT_PATH);
 * const rows = cohort.rows.map((r) => ({ ...r })); // plain records for validateCohortRows
 * cohortProvenance(cohort).reconstruction // { file: "cohort.csv", seed: 1 } (data/cohort-fidelity.json)
 * // your data: here the same 55 patients with one age changed, so the fingerprint differs
 * const yours = validateCohortRows([{ ...rows[0], age: rows[0].age + 1 }, ...rows.slice(1)]);
 * cohortProvenance(yours).synthetic // false
 */
export function cohortProvenance(cohort: Cohort, options: { dataDir?: string } = {}): CohortProvenance {
  if (!cohort || !Array.isArray(cohort.rows))
    throw new InputError("must be a validated cohort", { field: "cohort", value: cohort });
  const recorded = recordedCohorts(options.dataDir ?? join(REPO_ROOT, "data")).filter(
    (r) => r.patients === cohort.rows.length,
  );
  const fingerprint = recorded.length > 0 ? cohortFingerprint(cohort) : null;
  const match = recorded.find((r) => r.sha256 === fingerprint);
  return Object.freeze({
    synthetic: match !== undefined,
    reconstruction: match ? Object.freeze({ file: match.file, seed: match.seed }) : null,
    fingerprint,
  });
}
