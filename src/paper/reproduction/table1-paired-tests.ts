import { deepFreeze } from "../../lib/core/freeze";
import type { StatResult } from "../../lib/core/result";
import { medianIqr } from "../../lib/hypothesis/median-iqr";
import { formatMedianIqr } from "../../lib/hypothesis/format-median-iqr";
import { type SignedRankDetails, wilcoxonSignedRankTest } from "../../lib/hypothesis/wilcoxon-signed-rank-test";
import { VISITS, type Study, type Visit } from "../study/study";

export interface Table1Row {
  readonly visit: Visit;
  /** Patients with a score at this visit. */
  readonly n: number;
  /** "median (P25, P75)", SPSS quartiles (HAVERAGE), two decimals as Table 1. */
  readonly summary: string;
  /** Wilcoxon signed-rank test of this visit vs before surgery on the patients with both (null for "pre"). */
  readonly test: StatResult<SignedRankDetails> | null;
  readonly pairs: number;
}

/**
 * Table 1 for one score: per visit the SPSS median (P25, P75) and the paired Wilcoxon signed-rank
 * test against the preoperative score (SPSS convention: zero differences dropped), on the patients
 * measured at both visits (patients who died before a visit have no score there).
 * The paper says only "T test or non-parametric test"; the signed-rank test is the reading that fits
 * a table of medians of paired scores (see the reconstruction's fidelity report).
 *
 * R: wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = FALSE). SPSS 27: NPAR TESTS
 * /WILCOXON. Cost: O(n log n) per visit.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * table1PairedTests(study, "vas")[1].summary // "1.00 (0.00, 3.00)"
 */
export function table1PairedTests(study: Study, score: "vas" | "odi"): readonly Table1Row[] {
  return deepFreeze(
    VISITS.map((visit): Table1Row => {
      const values = study.patients.flatMap((p) => (p[score][visit] === null ? [] : [p[score][visit]!]));
      const pairs = study.patients.filter((p) => p[score].pre !== null && p[score][visit] !== null);
      const test =
        visit === "pre"
          ? null
          : wilcoxonSignedRankTest(
              pairs.map((p) => p[score][visit]!),
              pairs.map((p) => p[score].pre!),
              { convention: "spss" },
            );
      return {
        visit,
        n: values.length,
        summary: formatMedianIqr(medianIqr(values)),
        test,
        pairs: visit === "pre" ? values.length : pairs.length,
      };
    }),
  );
}
