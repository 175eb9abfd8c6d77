import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";
import type { FidelityReport } from "./fidelity";

const REQUIRED = [
  "banner",
  "seed",
  "counts",
  "constraintsMet",
  "solverResidual",
  "decisions",
  "conflicts",
  "table6Readings",
  "targets",
  "constraints",
] as const;

/**
 * The fidelity report `npm run reconstruct` wrote beside the shipped **synthetic** cohort
 * (data/cohort-fidelity.json): every target with published, achieved and status, the documented
 * conflicts, the decisions and the solver's residual — for showing in a notebook without rerunning
 * the reconstruction. Rejects a file that is missing, not JSON, or lacks a field. Cost: O(file size).
 *
 * @example
 * loadFidelityReport().counts.miss // 0
 */
export function loadFidelityReport(path: string = join(REPO_ROOT, "data", "cohort-fidelity.json")): FidelityReport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError("cannot be read: run `npm run reconstruct`", { field: "path", value: path });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(`is not JSON (${(e as Error).message})`, { field: "path", value: path });
  }
  if (parsed === null || typeof parsed !== "object")
    throw new InputError("is not a fidelity report (not an object)", { field: "path", value: path });
  const missing = REQUIRED.filter((k) => !(k in (parsed as object)));
  if (missing.length > 0)
    throw new InputError(`is not a fidelity report: missing ${missing.join(", ")}`, { field: "path", value: path });
  return deepFreeze(parsed as FidelityReport);
}
