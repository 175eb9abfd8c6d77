import { isAbsolute, relative, sep } from "node:path";
import { REPO_ROOT } from "../../repo-root";
import type { Study } from "../study";

/** A study's source for display: a path inside the repository relative to it, others as they are. */
export function displaySource(study: Study): string {
  const s = study.source;
  if (!isAbsolute(s)) return s;
  const rel = relative(REPO_ROOT, s);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : s;
}

/** Patients and tumour-specific deaths, counted from the rows. */
export function counts(study: Study): { n: number; deaths: number } {
  return { n: study.patients.length, deaths: study.patients.filter((p) => p.died === 1).length };
}

/** "1 patient" / "55 patients". */
export function plural(k: number, word: string): string {
  return `${k} ${word}${k === 1 ? "" : "s"}`;
}
