import { counts, displaySource, plural } from "./internal/describe";
import type { Study } from "./study";

/**
 * One Markdown paragraph saying whose data a notebook runs on, from the rows themselves: the
 * synthetic reconstruction (decided by content, see `cohortProvenance`) or your own cohort, with
 * its file, number of patients and deaths. Notebooks show it first (`showMarkdown`), so every page
 * says what it was computed from.
 *
 * R/SPSS equivalent: none (a caption). Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * cohortLabel(study)
 * // "**Data:** your cohort `my.csv`: 200 patients, 150 deaths. Every number below is computed from these rows; …"
 */
export function cohortLabel(study: Study): string {
  const { n, deaths } = counts(study);
  const size = `${plural(n, "patient")}, ${plural(deaths, "death")}`;
  const file = displaySource(study);
  if (study.synthetic)
    return (
      `**Data:** the **synthetic** cohort \`${file}\` (${size}), reconstructed from the paper's published ` +
      "aggregates: it is not patient data, and where its numbers equal the paper's they do so by construction."
    );
  return (
    `**Data:** your cohort \`${file}\`: ${size}. Every number below is computed from these rows; where a ` +
    "table sets one beside the paper's, it says whether yours equals it or by how much it differs. An " +
    "analysis this cohort cannot support is skipped with a note saying why."
  );
}
