import { readdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { loadCohort } from "../cohort/load-cohort";
import { REPO_ROOT } from "../repo-root";
import { studyFromCohort } from "./study-from-cohort";
import type { Study } from "./study";

/** One member of the ensemble of reconstructed cohorts. */
export interface EnsembleMember {
  readonly label: string;
  readonly seed: number;
  readonly study: Study;
}

const MEMBER = /^cohort-seed-(\d+)\.csv$/;

/**
 * The ensemble of **synthetic** cohorts that `npm run reconstruct -- --ensemble K` writes to
 * data/ensemble/cohort-seed-<seed>.csv: other cohorts equally consistent with the published numbers,
 * for showing how much the quantities the paper did not report vary among them. Each file is validated
 * against the codebook like any cohort, and labelled synthetic only when its content is the one the
 * reconstruction recorded (data/ensemble/fidelity-summary.json). Sorted by seed.
 * Cost: O(files × rows × columns).
 *
 * @example
 * loadEnsembleStudies().map((m) => m.label) // ["seed 2", "seed 3", …]
 */
export function loadEnsembleStudies(dir: string = join(REPO_ROOT, "data", "ensemble")): readonly EnsembleMember[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    throw new InputError("no ensemble directory: run `npm run reconstruct -- --ensemble 5`", {
      field: "dir",
      value: dir,
    });
  }
  const members = files
    .map((f) => ({ f, m: MEMBER.exec(f) }))
    .filter((e): e is { f: string; m: RegExpExecArray } => e.m !== null)
    .map((e) => ({ file: e.f, seed: Number(e.m[1]) }))
    .sort((a, b) => a.seed - b.seed);
  if (members.length === 0)
    throw new InputError("holds no cohort-seed-<seed>.csv file: run `npm run reconstruct -- --ensemble 5`", {
      field: "dir",
      value: dir,
    });
  return Object.freeze(
    members.map((m) =>
      Object.freeze({
        label: `seed ${m.seed}`,
        seed: m.seed,
        study: studyFromCohort(loadCohort(join(dir, m.file))),
      }),
    ),
  );
}
