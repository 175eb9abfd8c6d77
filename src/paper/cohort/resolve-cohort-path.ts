import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../lib/core/errors";
import { REPO_ROOT } from "../repo-root";

/** The cohort file shipped with the project (the reconstruction writes it; by default the synthetic cohort). */
export const SHIPPED_COHORT_PATH = join(REPO_ROOT, "data", "cohort.csv");

export interface CohortPath {
  /** Absolute path of the CSV to load. */
  readonly path: string;
  /** True when the environment variable COHORT_CSV named it. */
  readonly fromEnvironment: boolean;
}

/**
 * Which cohort file the notebooks analyse: the environment variable COHORT_CSV (absolute, or
 * relative to the repository root) when set and non-empty, else data/cohort.csv. Whether the file
 * is synthetic is *not* decided here (a path says nothing about content): the loader compares the
 * rows' fingerprint with the one the reconstruction recorded ({@link cohortProvenance}). A
 * COHORT_CSV that does not exist is an InputError (never a silent fallback to the shipped file).
 *
 * R/SPSS equivalent: none (project plumbing). Cost: O(1) file-system calls.
 *
 * @example
 * resolveCohortPath({}).fromEnvironment // false (data/cohort.csv)
 * resolveCohortPath({ COHORT_CSV: "/data/my-cohort.csv" }) // throws InputError "names a file that does not exist"
 */
export function resolveCohortPath(env: Readonly<Record<string, string | undefined>> = process.env): CohortPath {
  const own = env.COHORT_CSV;
  if (own === undefined || own === "") return Object.freeze({ path: SHIPPED_COHORT_PATH, fromEnvironment: false });
  const path = isAbsolute(own) ? own : resolve(REPO_ROOT, own);
  if (!existsSync(path))
    throw new InputError("COHORT_CSV names a file that does not exist", { field: "COHORT_CSV", value: own });
  return Object.freeze({ path, fromEnvironment: true });
}
