import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../lib/core/errors";
import { REPO_ROOT } from "../repo-root";

/** The shipped synthetic cohort written by the reconstruction. */
export const SHIPPED_COHORT_PATH = join(REPO_ROOT, "data", "cohort.csv");

export interface CohortSource {
  /** Absolute path of the CSV to load. */
  readonly path: string;
  /** true when it is the shipped reconstructed (synthetic) file, not patient data. */
  readonly synthetic: boolean;
  /** One line for notebook headers and report captions. */
  readonly label: string;
}

/**
 * Which cohort file the notebooks analyse: the environment variable COHORT_CSV (absolute, or
 * relative to the repository root) when set and non-empty, else data/cohort.csv. `synthetic` is
 * true exactly when the resolved file is the shipped reconstruction (compared after resolving
 * symbolic links), so every output can label a synthetic cohort as such. A COHORT_CSV that does
 * not exist is an InputError (never a silent fallback to the synthetic file).
 *
 * R/SPSS equivalent: none (project plumbing). Cost: O(1) file-system calls.
 *
 * @example
 * resolveCohortPath({}).synthetic // true (data/cohort.csv)
 * resolveCohortPath({ COHORT_CSV: "/data/my-cohort.csv" }) // throws InputError "names a file that does not exist"
 */
export function resolveCohortPath(env: Readonly<Record<string, string | undefined>> = process.env): CohortSource {
  const own = env.COHORT_CSV;
  if (own === undefined || own === "") {
    return Object.freeze({ path: SHIPPED_COHORT_PATH, synthetic: true, label: syntheticLabel() });
  }
  const path = isAbsolute(own) ? own : resolve(REPO_ROOT, own);
  if (!existsSync(path))
    throw new InputError("COHORT_CSV names a file that does not exist", { field: "COHORT_CSV", value: own });
  const synthetic = existsSync(SHIPPED_COHORT_PATH) && realpathSync(path) === realpathSync(SHIPPED_COHORT_PATH);
  return Object.freeze({ path, synthetic, label: synthetic ? syntheticLabel() : `own cohort: ${path}` });
}

function syntheticLabel(): string {
  return "SYNTHETIC cohort (data/cohort.csv), reconstructed from the paper's published aggregates — not patient data";
}
