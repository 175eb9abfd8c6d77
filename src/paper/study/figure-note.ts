import { counts, displaySource } from "./internal/describe";
import type { Study } from "./study";

/**
 * The note a figure computed from a study carries above its plot (the figure functions' `note`
 * option), from the rows: on the synthetic cohort that it is not patient data, on yours the file
 * and n. The library's figures know nothing of this paper; the note comes from here.
 *
 * R/SPSS equivalent: none (a subtitle). Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * figureNote(study) // "Synthetic cohort reconstructed from published aggregates — not patient data (n = 55)"
 */
export function figureNote(study: Study): string {
  const { n } = counts(study);
  return study.synthetic
    ? `Synthetic cohort reconstructed from published aggregates — not patient data (n = ${n})`
    : `Your data: ${displaySource(study)} (n = ${n})`;
}
